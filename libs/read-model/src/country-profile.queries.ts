import { COUNTRY_CODES, type CountryCode, type CountryProfile, EMPTY_COUNTRY_PROFILE } from '@coop/domain';
import type Database from 'better-sqlite3';
import type { CountryProfileView } from './read-model.types.js';

interface ProfileRow {
  version: number;
  profile: string;
}

export class CountryProfileQueries {
  private readonly ofCountry: Database.Statement<[string], ProfileRow>;
  private readonly ofCountryBefore: Database.Statement<[string, string], string>;

  constructor(db: Database.Database) {
    this.ofCountry = db.prepare('SELECT version, profile FROM country_profiles WHERE country = ?');
    this.ofCountryBefore = db
      .prepare<[string, string], string>(
        `SELECT profile FROM country_profile_updates WHERE country = ? AND occurred_at < ?
         ORDER BY occurred_at DESC, position DESC LIMIT 1`,
      )
      .pluck();
  }

  /** Each country's profile as the updates made before `at` left it; a country with none has none. */
  profilesBefore(at: Date): Map<CountryCode, CountryProfile> {
    const instant = at.toISOString();
    return new Map(
      COUNTRY_CODES.flatMap((country) => {
        const profile = this.ofCountryBefore.get(country, instant);
        return profile === undefined ? [] : [[country, JSON.parse(profile) as CountryProfile] as const];
      }),
    );
  }

  /** Version 0 and the empty profile while nothing was recorded. */
  profile(country: CountryCode): CountryProfileView {
    const row = this.ofCountry.get(country);
    if (row === undefined) return { country, version: 0, profile: EMPTY_COUNTRY_PROFILE };
    return { country, version: row.version, profile: JSON.parse(row.profile) as CountryProfile };
  }
}
