import { awaitingCountries, countryInfo, isOverdue } from '@coop/domain';
import type { ItemViewOf } from '@coop/read-model';
import { cooperationItemFields } from '../items/cooperation-item.mapper.js';
import { participantModel } from '../reference/reference.types.js';
import { TransboundaryConsultation } from './consultation.types.js';

/**
 * `awaiting` and `overdue` are computed here, at read time: a consultation
 * whose respondBy passes becomes overdue without any event. `now` is the
 * instant of the read.
 */
export function consultationModel(view: ItemViewOf<'CONSULTATION'>, now: Date = new Date()): TransboundaryConsultation {
  const { state } = view;
  return Object.assign(new TransboundaryConsultation(), cooperationItemFields(view), {
    hazardousActivity: state.hazardousActivity,
    location: state.location,
    body: state.body,
    consultedCountries: state.consultedCountries.map(countryInfo),
    respondBy: state.respondBy,
    status: state.status,
    responses: state.responses.map((response) => ({
      country: countryInfo(response.country),
      position: response.position,
      body: response.body,
      by: participantModel(response.by),
      respondedAt: response.respondedAt,
      revisedAt: response.revisedAt,
    })),
    awaiting: awaitingCountries(state).map(countryInfo),
    overdue: isOverdue(state, now),
    conclusion: state.conclusion,
  });
}
