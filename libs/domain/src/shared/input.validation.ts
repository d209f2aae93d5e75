import {
  COUNTRY_CODES,
  type CountryCode,
  isCountryCode,
  isSubregion,
  isTopic,
  SUBREGIONS,
  type Topic,
} from '../reference/reference-data.js';
import { ValidationFailed } from './domain.errors.js';
import { AUDIENCE_SCOPES, type Audience, type AudienceInput, type AudienceScope } from './item.types.js';
import { LINK_KINDS, LINK_PROTOCOLS, type Link, type LinkInput } from './link.types.js';

export interface Range {
  readonly min: number;
  readonly max: number;
}

/**
 * The input limits of the API. The API edge validates with the same
 * numbers for early, friendly errors; the deciders validate again so that no
 * path (CLI, demo data, a future consumer) can write an invalid event.
 * Text lengths count Unicode code points. `note` covers every free-text reason
 * and note (withdrawal, adoption, closing, review, invitation response,
 * retraction), which the design leaves unbounded; `name` covers short
 * names given as text (a project's donor, an activity's venue). `contact` is
 * a profile's focal point or IAN point of contact: an institution, a person,
 * a phone and an address fit in 500 characters.
 */
export const INPUT_LIMITS = {
  title: { min: 3, max: 200 },
  summary: { min: 1, max: 1_000 },
  body: { min: 1, max: 20_000 },
  comment: { min: 1, max: 5_000 },
  note: { min: 1, max: 1_000 },
  name: { min: 1, max: 200 },
  topics: { min: 1, max: 5 },
  durationMonths: { min: 1, max: 60 },
  partnerCountries: { min: 1, max: 15 },
  consultedCountries: { min: 1, max: 15 },
  hazardousActivity: { min: 3, max: 500 },
  location: { min: 3, max: 500 },
  consultationResponse: { min: 1, max: 5_000 },
  conclusion: { min: 1, max: 5_000 },
  competentAuthority: { min: 1, max: 200 },
  competentAuthorities: { min: 0, max: 20 },
  contact: { min: 1, max: 500 },
  /** An activity names the lead and joined partners it involved. */
  activityCountries: { min: 1, max: 16 },
  links: { min: 0, max: 10 },
  linkUrl: { min: 1, max: 2_000 },
  linkTitle: { min: 1, max: 200 },
  mentions: { min: 0, max: 20 },
} as const satisfies Record<string, Range>;

/** Control characters other than newline and tab, which no text input may contain. */
export const FORBIDDEN_CONTROL_CHARACTER = /[^\P{Cc}\t\n]/u;

const isAudienceScope = (value: string): value is AudienceScope =>
  (AUDIENCE_SCOPES as readonly string[]).includes(value);

function codePointLength(value: string): number {
  let length = 0;
  for (const _ of value) length++;
  return length;
}

/** The URL's scheme with its colon (`https:`), or '' when the text is not a URL at all. */
function protocolOf(value: string): string {
  try {
    return new URL(value).protocol;
  } catch {
    return '';
  }
}

/**
 * Collects every problem of one command's input, so a client learns all of
 * them at once, then `throwIfInvalid` raises one ValidationFailed. The methods
 * return the value narrowed to its domain type; when a problem was recorded the
 * return value is never used, because `throwIfInvalid` runs before any event
 * is built.
 */
export class InputValidator {
  private readonly fields: Record<string, string[]> = {};

  /** Strings are expected trimmed (the API edge trims); anything else is a client or wiring bug. */
  text(field: string, value: string, limits: Range): string {
    const length = codePointLength(value);
    if (length === 0) this.reject(field, 'must not be empty');
    else if (length < limits.min) this.reject(field, `must be at least ${limits.min} characters`);
    else if (length > limits.max) this.reject(field, `must be at most ${limits.max} characters`);
    if (value.trim() !== value) this.reject(field, 'must not start or end with whitespace');
    if (FORBIDDEN_CONTROL_CHARACTER.test(value)) {
      this.reject(field, 'must not contain control characters other than newline and tab');
    }
    return value;
  }

  /** Absent is fine; present means valid: the edge turns a blank optional text into absent. */
  optionalText(field: string, value: string | null | undefined, limits: Range): string | null {
    return value === undefined || value === null ? null : this.text(field, value, limits);
  }

  integer(field: string, value: number, range: Range): number {
    if (!Number.isInteger(value) || value < range.min || value > range.max) {
      this.reject(field, `must be a whole number from ${range.min} to ${range.max}`);
    }
    return value;
  }

  /** An instant as the log records it (ISO 8601, UTC). */
  instant(field: string, value: Date): string {
    if (Number.isNaN(value.getTime())) {
      this.reject(field, 'must be a valid date and time');
      return '';
    }
    return value.toISOString();
  }

  oneOf<T extends string>(field: string, value: string, values: readonly T[]): T {
    if (!(values as readonly string[]).includes(value)) this.reject(field, `must be one of ${values.join(', ')}`);
    return value as T;
  }

  topics(field: string, values: readonly string[]): Topic[] {
    return this.codes(field, values, INPUT_LIMITS.topics, isTopic, 'topic');
  }

  audience(field: string, input: AudienceInput): Audience {
    const scopeField = `${field}.scope`;
    const subregionsField = `${field}.subregions`;
    const countriesField = `${field}.countries`;
    const subregions = input.subregions ?? [];
    const countries = input.countries ?? [];
    if (!isAudienceScope(input.scope)) {
      this.reject(scopeField, `unknown scope ${input.scope}`);
      return { scope: 'NETWORK', subregions: [], countries: [] };
    }
    // A list the scope ignores would mislead its author about who sees the item.
    if (input.scope !== 'SUBREGIONS' && subregions.length > 0) {
      this.reject(subregionsField, `must be empty when the scope is ${input.scope}`);
    }
    if (input.scope !== 'COUNTRIES' && countries.length > 0) {
      this.reject(countriesField, `must be empty when the scope is ${input.scope}`);
    }
    return {
      scope: input.scope,
      subregions:
        input.scope === 'SUBREGIONS'
          ? this.codes(subregionsField, subregions, { min: 1, max: SUBREGIONS.length }, isSubregion, 'subregion')
          : [],
      countries:
        input.scope === 'COUNTRIES'
          ? this.codes(countriesField, countries, { min: 1, max: COUNTRY_CODES.length }, isCountryCode, 'country')
          : [],
    };
  }

  /** One beneficiary country. */
  country(field: string, value: string): CountryCode {
    if (!isCountryCode(value)) this.reject(field, `unknown country ${value}`);
    return value as CountryCode;
  }

  /** Countries a filter names: any number, each a beneficiary. */
  countries(field: string, values: readonly string[]): CountryCode[] {
    return values.map((value) => this.country(field, value));
  }

  partnerCountries(field: string, values: readonly string[], lead: CountryCode): CountryCode[] {
    const refusal = `${lead} leads the project and cannot be its partner`;
    return this.otherCountries(field, values, lead, INPUT_LIMITS.partnerCountries, refusal);
  }

  consultedCountries(field: string, values: readonly string[], originating: CountryCode): CountryCode[] {
    const refusal = `${originating} is consulting and cannot be consulted`;
    return this.otherCountries(field, values, originating, INPUT_LIMITS.consultedCountries, refusal);
  }

  /** A list of texts, each within `limits` (its problems named by its place, from 1), none twice. */
  texts(field: string, values: readonly string[], limits: Range, count: Range): string[] {
    if (values.length < count.min || values.length > count.max) {
      this.reject(field, `must list from ${count.min} to ${count.max}`);
    }
    values.forEach((value, index) => {
      const entry = new InputValidator();
      entry.text(field, value, limits);
      for (const message of entry.fields[field] ?? []) this.reject(field, `entry ${index + 1} ${message}`);
      if (values.indexOf(value) !== index) this.reject(field, `lists ${value} more than once`);
    });
    return [...values];
  }

  /** An instant strictly after `now`, as ISO text. */
  future(field: string, value: Date, now: Date): string {
    if (Number.isNaN(value.getTime())) {
      this.reject(field, 'must be a date and time');
      return '';
    }
    if (value.getTime() <= now.getTime()) this.reject(field, 'must be in the future');
    return value.toISOString();
  }

  /** An http or https URL, as given: no whitespace, nothing the URL parser would have to repair. */
  url(field: string, value: string): string {
    const length = codePointLength(value);
    if (length < INPUT_LIMITS.linkUrl.min) this.reject(field, 'must not be empty');
    else if (length > INPUT_LIMITS.linkUrl.max) {
      this.reject(field, `must be at most ${INPUT_LIMITS.linkUrl.max} characters`);
    } else if (/\s/u.test(value) || FORBIDDEN_CONTROL_CHARACTER.test(value)) {
      this.reject(field, 'must not contain whitespace or control characters');
    } else if (!LINK_PROTOCOLS.includes(protocolOf(value))) this.reject(field, 'must be an http or https URL');
    return value;
  }

  /** A list's length within `range`. */
  count(field: string, values: readonly unknown[], range: Range): void {
    if (values.length >= range.min && values.length <= range.max) return;
    this.reject(
      field,
      range.min === 0 ? `must list at most ${range.max}` : `must list from ${range.min} to ${range.max}`,
    );
  }

  /** At most 10 links, each checked under `<field>.<index>`. Absent means none. */
  links(field: string, values: readonly LinkInput[] | null | undefined): Link[] {
    const links = values ?? [];
    this.count(field, links, INPUT_LIMITS.links);
    return links.map((link, index) => this.link(`${field}.${index}`, link));
  }

  /** Problems are named `<field>.url`, `<field>.title` and `<field>.kind`; without a kind a link is OTHER. */
  link(field: string, input: LinkInput): Link {
    return {
      url: this.url(`${field}.url`, input.url),
      title: this.text(`${field}.title`, input.title, INPUT_LIMITS.linkTitle),
      kind: this.oneOf(`${field}.kind`, input.kind ?? 'OTHER', LINK_KINDS),
    };
  }

  /** The countries a project activity involved: distinct, each the lead or a partner that joined. */
  activityCountries(field: string, values: readonly string[], involved: readonly CountryCode[]): CountryCode[] {
    const countries = this.codes(field, values, INPUT_LIMITS.activityCountries, isCountryCode, 'country');
    for (const country of new Set(countries)) {
      if (!involved.includes(country)) this.reject(field, `${country} is neither the lead nor a partner that joined`);
    }
    return countries;
  }

  reject(field: string, message: string): void {
    (this.fields[field] ??= []).push(message);
  }

  throwIfInvalid(): void {
    if (Object.keys(this.fields).length > 0) throw new ValidationFailed(this.fields);
  }

  private otherCountries(
    field: string,
    values: readonly string[],
    own: CountryCode,
    count: Range,
    refusal: string,
  ): CountryCode[] {
    if (values.includes(own)) this.reject(field, refusal);
    return this.codes(field, values, count, isCountryCode, 'country');
  }

  private codes<T extends string>(
    field: string,
    values: readonly string[],
    count: Range,
    isKnown: (value: string) => value is T,
    noun: string,
  ): T[] {
    this.count(field, values, count);
    values.forEach((value, index) => {
      if (!isKnown(value)) this.reject(field, `unknown ${noun} ${value}`);
      else if (values.indexOf(value) !== index) this.reject(field, `lists ${value} more than once`);
    });
    return values.filter(isKnown);
  }
}
