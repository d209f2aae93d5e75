import { countryInfo } from '@coop/domain';
import type { ItemViewOf } from '@coop/read-model';
import { cooperationItemFields } from '../items/cooperation-item.mapper.js';
import { participantModel } from '../reference/reference.types.js';
import { Practice } from './practice.types.js';

export function practiceModel(view: ItemViewOf<'PRACTICE'>): Practice {
  const { state } = view;
  return Object.assign(new Practice(), cooperationItemFields(view), {
    summary: state.summary,
    body: state.body,
    status: state.status,
    adoptions: state.adoptions.map((adoption) => ({
      country: countryInfo(adoption.country),
      by: participantModel(adoption.by),
      note: adoption.note,
      adoptedAt: adoption.adoptedAt,
    })),
  });
}
