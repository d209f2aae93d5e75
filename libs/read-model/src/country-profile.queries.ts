import { type CountryCode, type CountryProfile, EMPTY_COUNTRY_PROFILE } from '@coop/domain';
import type Database from 'better-sqlite3';
import type { CountryProfileView } from './read-model.types.js';

interface ProfileRow {
  version: number;
  profile: string;
}

export class CountryProfileQueries {
  private readonly ofCountry: Database.Statement<[string], ProfileRow>;

  constructor(db: Database.Database) {
    this.ofCountry = db.prepare('SELECT version, profile FROM country_profiles WHERE country = ?');
  }

  /** Version 0 and the empty profile while nothing was recorded. */
  profile(country: CountryCode): CountryProfileView {
    const row = this.ofCountry.get(country);
    if (row === undefined) return { country, version: 0, profile: EMPTY_COUNTRY_PROFILE };
    return { country, version: row.version, profile: JSON.parse(row.profile) as CountryProfile };
  }
}
