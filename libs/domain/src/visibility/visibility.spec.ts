import fc from 'fast-check';
import { COUNTRY_CODES, type CountryCode, SUBREGIONS, subregionOfCountry } from '../reference/reference-data.js';
import type { Audience } from '../shared/item.types.js';
import type { Viewer } from '../shared/participant.types.js';
import { focalPointOf, participantOfCountry, SECRETARIAT } from '../testing/domain.fixtures.js';
import { canSee, subregionsOf, type VisibilityItem } from './visibility.js';

const country = fc.constantFrom(...COUNTRY_CODES);
const subregion = fc.constantFrom(...SUBREGIONS);

const audience: fc.Arbitrary<Audience> = fc.oneof(
  fc.constant<Audience>({ scope: 'NETWORK', subregions: [], countries: [] }),
  fc
    .uniqueArray(subregion, { minLength: 1 })
    .map<Audience>((subregions) => ({ scope: 'SUBREGIONS', subregions, countries: [] })),
  // Empty: a consultation's default, seen by its originating and consulted countries only.
  fc.uniqueArray(country).map<Audience>((countries) => ({ scope: 'COUNTRIES', subregions: [], countries })),
);

const item: fc.Arbitrary<VisibilityItem> = fc
  .record({ country, audience, partnerCountries: fc.uniqueArray(country, { maxLength: 15 }) })
  .map((generated) => ({
    ...generated,
    partnerCountries: generated.partnerCountries.filter((partner) => partner !== generated.country),
  }));

const countryViewer: fc.Arbitrary<Viewer & { country: CountryCode }> = fc.record({
  id: fc.uuid(),
  name: fc.string(),
  country,
  roles: fc.subarray(['PARTICIPANT', 'FOCAL_POINT'] as const, { minLength: 1 }),
});

const secretariatViewer: fc.Arbitrary<Viewer> = fc.record({
  id: fc.uuid(),
  name: fc.string(),
  country: fc.constant(null),
  roles: fc.subarray(['PARTICIPANT', 'FOCAL_POINT'] as const).map((roles) => [...roles, 'SECRETARIAT' as const]),
});

const itemFrom = (
  origin: CountryCode,
  audienceOfItem: Audience,
  partnerCountries: CountryCode[] = [],
): VisibilityItem => ({
  country: origin,
  audience: audienceOfItem,
  partnerCountries,
});

describe('canSee', () => {
  it('lets the secretariat see every item', () => {
    fc.assert(fc.property(secretariatViewer, item, (viewer, anItem) => canSee(viewer, anItem)));
  });

  it('hides every item from a viewer with neither a country nor the secretariat role', () => {
    const countryless = fc.record({
      id: fc.uuid(),
      name: fc.string(),
      country: fc.constant(null),
      roles: fc.subarray(['PARTICIPANT', 'FOCAL_POINT'] as const),
    });
    fc.assert(fc.property(countryless, item, (viewer, anItem) => !canSee(viewer, anItem)));
  });

  it('always lets the originating country see its item', () => {
    fc.assert(
      fc.property(countryViewer, item, (viewer, anItem) => canSee(viewer, { ...anItem, country: viewer.country })),
    );
  });

  it("always lets a proposal's partner countries and a consultation's consulted countries see it", () => {
    fc.assert(
      fc.property(countryViewer, item, (viewer, anItem) =>
        canSee(viewer, { ...anItem, partnerCountries: [...anItem.partnerCountries, viewer.country] }),
      ),
    );
  });

  it('lets every country see a NETWORK item', () => {
    fc.assert(
      fc.property(countryViewer, item, (viewer, anItem) =>
        canSee(viewer, { ...anItem, audience: { scope: 'NETWORK', subregions: [], countries: [] } }),
      ),
    );
  });

  it('shows a COUNTRIES item to exactly the listed, originating and partner countries', () => {
    const countriesItem = item.filter((anItem) => anItem.audience.scope === 'COUNTRIES');
    fc.assert(
      fc.property(countryViewer, countriesItem, (viewer, anItem) => {
        const named = [anItem.country, ...anItem.partnerCountries, ...anItem.audience.countries];
        return canSee(viewer, anItem) === named.includes(viewer.country);
      }),
    );
  });

  it('shows a SUBREGIONS item to exactly the listed subregions and the originating and partner countries', () => {
    const subregionsItem = item.filter((anItem) => anItem.audience.scope === 'SUBREGIONS');
    fc.assert(
      fc.property(countryViewer, subregionsItem, (viewer, anItem) => {
        const named =
          anItem.audience.subregions.includes(subregionOfCountry(viewer.country)) ||
          [anItem.country, ...anItem.partnerCountries].includes(viewer.country);
        return canSee(viewer, anItem) === named;
      }),
    );
  });

  it('does not depend on whether a country viewer is a focal point', () => {
    fc.assert(
      fc.property(
        country,
        item,
        (code, anItem) => canSee(participantOfCountry(code), anItem) === canSee(focalPointOf(code), anItem),
      ),
    );
  });

  it('applies the rules to examples', () => {
    const toKyrgyzstan = itemFrom('KZ', { scope: 'COUNTRIES', subregions: [], countries: ['KG'] });
    expect(canSee(participantOfCountry('KG'), toKyrgyzstan)).toBe(true);
    expect(canSee(participantOfCountry('TJ'), toKyrgyzstan)).toBe(false);
    expect(canSee(SECRETARIAT, toKyrgyzstan)).toBe(true);
    const toCaucasus = itemFrom('UA', { scope: 'SUBREGIONS', subregions: ['CAUCASUS'], countries: [] }, ['RS']);
    expect(canSee(participantOfCountry('GE'), toCaucasus)).toBe(true);
    expect(canSee(participantOfCountry('RS'), toCaucasus)).toBe(true);
    expect(canSee(participantOfCountry('MD'), toCaucasus)).toBe(false);
    const consultation = itemFrom('KZ', { scope: 'COUNTRIES', subregions: [], countries: [] }, ['KG', 'UZ']);
    expect(canSee(focalPointOf('KZ'), consultation)).toBe(true);
    expect(canSee(participantOfCountry('KG'), consultation)).toBe(true);
    expect(canSee(participantOfCountry('UZ'), consultation)).toBe(true);
    expect(canSee(participantOfCountry('TJ'), consultation)).toBe(false);
    expect(canSee(participantOfCountry('AL'), consultation)).toBe(false);
    expect(canSee(SECRETARIAT, consultation)).toBe(true);
  });
});

describe('subregionsOf', () => {
  it("always holds the originating country's and the partners' subregions", () => {
    fc.assert(
      fc.property(item, (anItem) => {
        const subregions = subregionsOf(anItem);
        return [anItem.country, ...anItem.partnerCountries].every((code) =>
          subregions.includes(subregionOfCountry(code)),
        );
      }),
    );
  });

  it('lists each subregion once, in reference order', () => {
    fc.assert(
      fc.property(item, (anItem) => {
        const subregions = subregionsOf(anItem);
        expect(subregions).toEqual(SUBREGIONS.filter((known) => subregions.includes(known)));
      }),
    );
  });

  it('puts an item that is not NETWORK-wide in the feed of every country that can see it', () => {
    const restricted = item.filter((anItem) => anItem.audience.scope !== 'NETWORK');
    fc.assert(
      fc.property(countryViewer, restricted, (viewer, anItem) => {
        fc.pre(canSee(viewer, anItem));
        return subregionsOf(anItem).includes(subregionOfCountry(viewer.country));
      }),
    );
  });

  it('names no subregion for a NETWORK audience beyond those of the originating and partner countries', () => {
    expect(subregionsOf(itemFrom('AL', { scope: 'NETWORK', subregions: [], countries: [] }))).toEqual([
      'SOUTH_EASTERN_EUROPE',
    ]);
    expect(subregionsOf(itemFrom('AL', { scope: 'NETWORK', subregions: [], countries: [] }, ['KZ']))).toEqual([
      'SOUTH_EASTERN_EUROPE',
      'CENTRAL_ASIA',
    ]);
  });

  it('puts a consultation in the feeds of its originating and consulted countries only, by default', () => {
    const noOtherCountry: Audience = { scope: 'COUNTRIES', subregions: [], countries: [] };
    expect(subregionsOf(itemFrom('KZ', noOtherCountry, ['KG', 'UZ']))).toEqual(['CENTRAL_ASIA']);
    expect(subregionsOf(itemFrom('RS', noOtherCountry, ['ME', 'UA']))).toEqual([
      'SOUTH_EASTERN_EUROPE',
      'EASTERN_EUROPE',
    ]);
  });

  it('adds the subregions the audience names and those of the countries it names', () => {
    expect(subregionsOf(itemFrom('KZ', { scope: 'SUBREGIONS', subregions: ['CAUCASUS'], countries: [] }))).toEqual([
      'CAUCASUS',
      'CENTRAL_ASIA',
    ]);
    expect(subregionsOf(itemFrom('KZ', { scope: 'COUNTRIES', subregions: [], countries: ['MD', 'KG'] }))).toEqual([
      'EASTERN_EUROPE',
      'CENTRAL_ASIA',
    ]);
  });
});
