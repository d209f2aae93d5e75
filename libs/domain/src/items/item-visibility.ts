import type { VisibilityItem } from '../visibility/visibility.js';
import type { ItemState } from './item-fold.js';

/**
 * Who may see the item as it now stands, and which feeds it is in: its
 * country, its audience, for a proposal every country ever invited to it, and
 * for a consultation the countries it consults.
 * It changes with the item (an invitation adds a country) but never shrinks:
 * a country that declined keeps seeing what it was invited to.
 */
export function visibilityOf(item: ItemState): VisibilityItem {
  return {
    country: item.country,
    audience: item.audience,
    partnerCountries: alwaysSeeing(item),
  };
}

/** The countries that see the item whatever its audience, besides the originating one. */
function alwaysSeeing(item: ItemState): VisibilityItem['partnerCountries'] {
  switch (item.kind) {
    case 'PROPOSAL':
      return item.partners.map((partner) => partner.country);
    case 'CONSULTATION':
      return item.consultedCountries;
    default:
      return [];
  }
}
