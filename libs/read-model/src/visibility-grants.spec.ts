import {
  type Audience,
  canSee,
  COUNTRY_CODES,
  ROLES,
  SUBREGIONS,
  type Viewer,
  type VisibilityItem,
} from '@coop/domain';
import fc from 'fast-check';
import { itemGrants, viewerGrants } from './visibility-grants.js';

const country = fc.constantFrom(...COUNTRY_CODES);

const audience: fc.Arbitrary<Audience> = fc.oneof(
  fc.constant<Audience>({ scope: 'NETWORK', subregions: [], countries: [] }),
  fc
    .uniqueArray(fc.constantFrom(...SUBREGIONS), { minLength: 1 })
    .map<Audience>((subregions) => ({ scope: 'SUBREGIONS', subregions, countries: [] })),
  // Empty: a consultation's default, seen by its originating and consulted countries only.
  fc.uniqueArray(country).map<Audience>((countries) => ({ scope: 'COUNTRIES', subregions: [], countries })),
);

// Partner countries stand for a proposal's partners and a consultation's consulted countries alike.
const item: fc.Arbitrary<VisibilityItem> = fc
  .record({ country, audience, partnerCountries: fc.uniqueArray(country, { maxLength: 15 }) })
  .map((generated) => ({
    ...generated,
    partnerCountries: generated.partnerCountries.filter((partner) => partner !== generated.country),
  }));

// Any mix of roles, with or without a country: the secretariat, countryless oddities and role-less tokens included.
const viewer: fc.Arbitrary<Viewer> = fc.record({
  id: fc.uuid(),
  name: fc.string(),
  country: fc.option(country, { nil: null }),
  roles: fc.subarray([...ROLES]),
});

describe('visibility grants', () => {
  it('intersect exactly when canSee says the viewer sees the item', () => {
    fc.assert(
      fc.property(viewer, item, (aViewer, anItem) => {
        const granted = itemGrants(anItem);
        const shares = viewerGrants(aViewer).some((grant) => granted.includes(grant));
        expect(shares).toBe(canSee(aViewer, anItem));
      }),
      { numRuns: 5_000 },
    );
  });

  it('list each grant of an item once', () => {
    fc.assert(
      fc.property(item, (anItem) => {
        const granted = itemGrants(anItem);
        expect(new Set(granted).size).toBe(granted.length);
      }),
    );
  });
});
