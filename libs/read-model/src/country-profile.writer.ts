import {
  type CountryProfile,
  type CountryProfileEvent,
  countryProfileDecider,
  isCountryProfileEvent,
} from '@coop/domain';
import type Database from 'better-sqlite3';
import type { ProjectedEvent, ProjectionWriter } from './projection-writer.js';
import { actorOf } from './read-model.views.js';

/**
 * Writes `country_profiles` (each profile folded by the domain's decider) and
 * `country_profile_updates` (who updated which profile when, for the
 * statistics, and the profile as each update left it, for the profiles at an
 * instant). Profiles change rarely: each event is written as it comes.
 */
export class CountryProfileWriter implements ProjectionWriter<CountryProfileEvent> {
  readonly handles = isCountryProfileEvent;
  private readonly statements;

  constructor(db: Database.Database) {
    this.statements = {
      profile: db.prepare<[string], string>('SELECT profile FROM country_profiles WHERE country = ?').pluck(),
      upsert: db.prepare(
        `INSERT INTO country_profiles (country, version, profile) VALUES (?, ?, ?)
         ON CONFLICT (country) DO UPDATE SET version = excluded.version, profile = excluded.profile`,
      ),
      insertUpdate: db.prepare(
        `INSERT INTO country_profile_updates (position, country, actor_country, occurred_at, profile)
         VALUES (?, ?, ?, ?, ?)`,
      ),
    };
  }

  apply({ recorded, event, occurredAt }: ProjectedEvent<CountryProfileEvent>): void {
    const { country } = event.data;
    const stored = this.statements.profile.get(country);
    const before = stored === undefined ? countryProfileDecider.initialState() : (JSON.parse(stored) as CountryProfile);
    const after = countryProfileDecider.evolve(before, event);
    const profile = JSON.stringify(after);
    this.statements.upsert.run(country, recorded.version, profile);
    const actor = actorOf(recorded.data, recorded.metadata);
    this.statements.insertUpdate.run(recorded.position, country, actor?.country ?? null, occurredAt, profile);
  }
}
