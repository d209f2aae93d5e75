import { type Audience as DomainAudience, countryInfo } from '@coop/domain';
import type { ItemView } from '@coop/read-model';
import { participantModel } from '../reference/reference.types.js';
import type { Audience, CooperationItem } from './cooperation-item.types.js';
import { linkModels } from './link.types.js';

function audienceModel(audience: DomainAudience): Audience {
  return {
    scope: audience.scope,
    subregions: [...audience.subregions],
    countries: audience.countries.map(countryInfo),
  };
}

/** The fields every kind of item has, as the API shows them. */
export function cooperationItemFields(view: ItemView): CooperationItem {
  const { state } = view;
  return {
    id: view.id,
    kind: view.kind,
    title: state.title,
    topics: [...state.topics],
    country: countryInfo(state.country),
    author: participantModel(state.author),
    audience: audienceModel(state.audience),
    subregions: [...view.subregions],
    createdAt: state.createdAt,
    updatedAt: state.updatedAt,
    version: view.version,
    links: linkModels(state.links),
  };
}
