import { isSecretariat, subregionOfCountry, type Viewer, type VisibilityItem } from '@coop/domain';

/*
 * `canSee` as a set intersection, so that SQL can filter with one indexed
 * EXISTS: an item lists the grants that let a viewer in, a viewer lists the
 * grants it holds, and the viewer sees the item when the lists share one.
 * `visibility-grants.spec.ts` proves this equals `canSee` for every viewer and
 * item, so the rule itself lives only in the domain.
 */

/** Held by the secretariat only; every item grants it. */
const SECRETARIAT_GRANT = '#';
/** Held by every participant of a country. */
const NETWORK_GRANT = '*';
const countryGrant = (country: string): string => `C:${country}`;
const subregionGrant = (subregion: string): string => `S:${subregion}`;

export function itemGrants(item: VisibilityItem): string[] {
  const grants = new Set([SECRETARIAT_GRANT, countryGrant(item.country), ...item.partnerCountries.map(countryGrant)]);
  switch (item.audience.scope) {
    case 'NETWORK':
      grants.add(NETWORK_GRANT);
      break;
    case 'SUBREGIONS':
      for (const subregion of item.audience.subregions) grants.add(subregionGrant(subregion));
      break;
    case 'COUNTRIES':
      for (const country of item.audience.countries) grants.add(countryGrant(country));
      break;
  }
  return [...grants];
}

export function viewerGrants(viewer: Viewer): string[] {
  if (isSecretariat(viewer)) return [SECRETARIAT_GRANT];
  if (viewer.country === null) return [];
  return [NETWORK_GRANT, countryGrant(viewer.country), subregionGrant(subregionOfCountry(viewer.country))];
}
