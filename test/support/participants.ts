import type { Participant } from '@coop/domain';

/** People of the Programme the end-to-end tests act as. */
export const people = {
  kzFocalPoint: { id: 'kz-fp', name: 'Aigerim (KZ focal point)', country: 'KZ', roles: ['FOCAL_POINT'] },
  kzExpert: { id: 'kz-expert', name: 'Nurlan (KZ expert)', country: 'KZ', roles: ['PARTICIPANT'] },
  uzFocalPoint: { id: 'uz-fp', name: 'Dilnoza (UZ focal point)', country: 'UZ', roles: ['FOCAL_POINT'] },
  kgExpert: { id: 'kg-expert', name: 'Aibek (KG expert)', country: 'KG', roles: ['PARTICIPANT'] },
  rsExpert: { id: 'rs-expert', name: 'Milica (RS expert)', country: 'RS', roles: ['PARTICIPANT'] },
  rsFocalPoint: { id: 'rs-fp', name: 'Stefan (RS focal point)', country: 'RS', roles: ['FOCAL_POINT'] },
  uaFocalPoint: { id: 'ua-fp', name: 'Olena (UA focal point)', country: 'UA', roles: ['FOCAL_POINT'] },
  byExpert: { id: 'by-expert', name: 'Andrei (BY expert)', country: 'BY', roles: ['PARTICIPANT'] },
  geExpert: { id: 'ge-expert', name: 'Nino (GE expert)', country: 'GE', roles: ['PARTICIPANT'] },
  secretariat: { id: 'unece-sec', name: 'UNECE secretariat', country: null, roles: ['SECRETARIAT'] },
} satisfies Record<string, Participant>;
