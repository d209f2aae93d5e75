import countriesJson from './countries.json' with { type: 'json' };
import topicsJson from './topics.json' with { type: 'json' };

/*
 * The value lists below are the contract's enum values. TypeScript cannot infer
 * literal types from JSON, so they are spelled out once here for the types, and
 * the JSON (names, subregion of each country) is checked against them when the
 * module loads: a reference file that drifts from the contract stops the
 * process at start-up instead of producing items nobody can see.
 */

export const SUBREGIONS = ['SOUTH_EASTERN_EUROPE', 'EASTERN_EUROPE', 'CAUCASUS', 'CENTRAL_ASIA'] as const;
export type Subregion = (typeof SUBREGIONS)[number];

export const COUNTRY_CODES = [
  'AL',
  'BA',
  'ME',
  'MK',
  'RS',
  'BY',
  'MD',
  'UA',
  'AM',
  'AZ',
  'GE',
  'KZ',
  'KG',
  'TJ',
  'TM',
  'UZ',
] as const;
/** ISO 3166-1 alpha-2 code of one of the Programme's beneficiary countries. */
export type CountryCode = (typeof COUNTRY_CODES)[number];

export const TOPICS = [
  'IDENTIFICATION',
  'NOTIFICATION',
  'TRANSBOUNDARY_CONSULTATION',
  'PREVENTION',
  'LAND_USE_PLANNING',
  'PREPAREDNESS',
  'RESPONSE',
  'MUTUAL_ASSISTANCE',
  'IAN_SYSTEM',
  'PUBLIC_INFORMATION',
  'COMPETENT_AUTHORITIES',
  'LEGISLATION',
  'INSTITUTIONAL_CAPACITY',
  'SELF_ASSESSMENT',
  'ACTION_PLAN',
  'RISK_ASSESSMENT',
  'TAILINGS_SAFETY',
  'NATECH',
  'HOT_SPOTS',
  'ACCIDENTAL_WATER_POLLUTION',
  'SEVESO_III',
  'CHEMICALS_MANAGEMENT',
  'TRAINING',
] as const;
export type Topic = (typeof TOPICS)[number];

export interface SubregionInfo {
  readonly id: Subregion;
  readonly name: string;
}

export interface CountryInfo {
  readonly code: CountryCode;
  readonly name: string;
  readonly subregion: Subregion;
  /** Party to the Convention as last known; informative only. */
  readonly party: boolean;
  /** Beneficiary countries sharing a land border with this one, in reference order. */
  readonly neighbours: readonly CountryCode[];
}

export interface TopicInfo {
  readonly id: Topic;
  readonly name: string;
  /** Where the Convention deals with the topic; empty when it has no single reference. */
  readonly ref: string;
}

const isOneOf =
  <T extends string>(values: readonly T[]) =>
  (value: unknown): value is T =>
    typeof value === 'string' && (values as readonly string[]).includes(value);

export const isSubregion = isOneOf(SUBREGIONS);
export const isCountryCode = isOneOf(COUNTRY_CODES);
export const isTopic = isOneOf(TOPICS);

function known<T extends string>(file: string, values: readonly T[], value: string): T {
  if (!isOneOf(values)(value)) throw new Error(`reference/${file}: ${value} is not a value of the contract`);
  return value;
}

function eachExactlyOnce<T extends string, R>(
  file: string,
  values: readonly T[],
  records: readonly R[],
  idOf: (record: R) => T,
) {
  for (const value of values) {
    const count = records.filter((record) => idOf(record) === value).length;
    if (count !== 1) throw new Error(`reference/${file}: ${value} appears ${count} times`);
  }
  return Object.freeze(records.map((record) => Object.freeze(record)));
}

export const SUBREGION_INFO: readonly SubregionInfo[] = eachExactlyOnce(
  'countries.json',
  SUBREGIONS,
  countriesJson.subregions.map(({ id, name }) => ({ id: known('countries.json', SUBREGIONS, id), name })),
  (subregion) => subregion.id,
);

const inReferenceOrder = (a: CountryCode, b: CountryCode): number =>
  COUNTRY_CODES.indexOf(a) - COUNTRY_CODES.indexOf(b);

/** A country record as `countries.json` holds it. */
export interface CountryRecord {
  readonly code: string;
  readonly name: string;
  readonly subregion: string;
  readonly party: boolean;
  readonly neighbours: readonly string[];
}

/**
 * The countries of a reference file, checked: every beneficiary exactly once,
 * known subregions, and neighbours that are other beneficiaries, listed once
 * and on both sides of their border (a one-sided list would make "consult
 * your neighbours" depend on who asks).
 */
export function readCountryRecords(records: readonly CountryRecord[]): readonly CountryInfo[] {
  const countries = eachExactlyOnce(
    'countries.json',
    COUNTRY_CODES,
    records.map(({ code, name, subregion, party, neighbours }) => ({
      code: known('countries.json', COUNTRY_CODES, code),
      name,
      subregion: known('countries.json', SUBREGIONS, subregion),
      party,
      neighbours: Object.freeze(
        neighbours.map((neighbour) => known('countries.json', COUNTRY_CODES, neighbour)).sort(inReferenceOrder),
      ),
    })),
    (country) => country.code,
  );
  const neighboursOf = new Map(countries.map((country) => [country.code, country.neighbours]));
  for (const { code, neighbours } of countries) {
    neighbours.forEach((neighbour, index) => {
      if (neighbour === code) throw new Error(`reference/countries.json: ${code} is its own neighbour`);
      if (neighbours.indexOf(neighbour) !== index) {
        throw new Error(`reference/countries.json: ${code} lists ${neighbour} as a neighbour more than once`);
      }
      if (!neighboursOf.get(neighbour)?.includes(code)) {
        throw new Error(
          `reference/countries.json: ${code} borders ${neighbour}, but ${neighbour} does not list ${code}`,
        );
      }
    });
  }
  return countries;
}

export const COUNTRY_INFO: readonly CountryInfo[] = readCountryRecords(countriesJson.countries);

export const TOPIC_INFO: readonly TopicInfo[] = eachExactlyOnce(
  'topics.json',
  TOPICS,
  topicsJson.topics.map(({ id, name, ref }) => ({ id: known('topics.json', TOPICS, id), name, ref })),
  (topic) => topic.id,
);

// Complete because eachExactlyOnce checked that every code has its record.
const countryByCode = Object.fromEntries(COUNTRY_INFO.map((country) => [country.code, country])) as Record<
  CountryCode,
  CountryInfo
>;

export function countryInfo(code: CountryCode): CountryInfo {
  return countryByCode[code];
}

export function subregionOfCountry(code: CountryCode): Subregion {
  return countryByCode[code].subregion;
}

export function countriesIn(subregion: Subregion): CountryCode[] {
  return COUNTRY_INFO.filter((country) => country.subregion === subregion).map((country) => country.code);
}
