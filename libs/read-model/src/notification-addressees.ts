import { type Addressee, addresseesOf, type Viewer } from '@coop/domain';

/** How the notifications table keys an addressee. */
export function addresseeKey(addressee: Addressee): string {
  switch (addressee.to) {
    case 'PARTICIPANT':
      return `P:${addressee.participantId}`;
    case 'FOCAL_POINTS':
      return `F:${addressee.country}`;
    case 'COUNTRY':
      return `C:${addressee.country}`;
  }
}

/** The keys of every addressee the viewer answers to, as their token says now. */
export const addresseeKeysOf = (viewer: Viewer): string[] => addresseesOf(viewer).map(addresseeKey);
