import type { Participant } from '@coop/domain';

/**
 * The people of the demonstration: a focal point and an expert for each
 * Central Asian country, the secretariat, and a focal point or an expert of
 * countries of the other subregions. The development sign-in lists them, and
 * the demo data is recorded in their names, so their ids never change.
 */
export const DEMO_PARTICIPANTS: readonly Participant[] = [
  { id: 'kz-focal-point', name: 'Aigerim Nurpeisova', country: 'KZ', roles: ['FOCAL_POINT'] },
  { id: 'kz-participant', name: 'Nurlan Abenov', country: 'KZ', roles: ['PARTICIPANT'] },
  { id: 'kg-focal-point', name: 'Bakyt Asanov', country: 'KG', roles: ['FOCAL_POINT'] },
  { id: 'kg-participant', name: 'Aida Sydykova', country: 'KG', roles: ['PARTICIPANT'] },
  { id: 'tj-focal-point', name: 'Farrukh Rahimov', country: 'TJ', roles: ['FOCAL_POINT'] },
  { id: 'tj-participant', name: 'Nigina Karimova', country: 'TJ', roles: ['PARTICIPANT'] },
  { id: 'uz-focal-point', name: 'Dilnoza Yusupova', country: 'UZ', roles: ['FOCAL_POINT'] },
  { id: 'uz-participant', name: 'Rustam Aliev', country: 'UZ', roles: ['PARTICIPANT'] },
  { id: 'tm-focal-point', name: 'Merdan Orazov', country: 'TM', roles: ['FOCAL_POINT'] },
  { id: 'tm-participant', name: 'Gulnara Atayeva', country: 'TM', roles: ['PARTICIPANT'] },
  { id: 'al-participant', name: 'Elira Hoxha', country: 'AL', roles: ['PARTICIPANT'] },
  { id: 'rs-focal-point', name: 'Jelena Marković', country: 'RS', roles: ['FOCAL_POINT'] },
  { id: 'mk-participant', name: 'Bojan Trajkovski', country: 'MK', roles: ['PARTICIPANT'] },
  { id: 'ba-participant', name: 'Amra Hadžić', country: 'BA', roles: ['PARTICIPANT'] },
  { id: 'by-focal-point', name: 'Siarhei Kavaliou', country: 'BY', roles: ['FOCAL_POINT'] },
  { id: 'ua-focal-point', name: 'Oksana Melnyk', country: 'UA', roles: ['FOCAL_POINT'] },
  { id: 'md-participant', name: 'Ion Ceban', country: 'MD', roles: ['PARTICIPANT'] },
  { id: 'am-participant', name: 'Armen Petrosyan', country: 'AM', roles: ['PARTICIPANT'] },
  { id: 'ge-participant', name: 'Nino Beridze', country: 'GE', roles: ['PARTICIPANT'] },
  { id: 'secretariat', name: 'Claudia Weber', country: null, roles: ['SECRETARIAT'] },
];

/** The demo participant of that id; a typo in the demo's script fails its first test. */
export function demoParticipant(id: string): Participant {
  const participant = DEMO_PARTICIPANTS.find((candidate) => candidate.id === id);
  if (participant === undefined) throw new RangeError(`No demo participant ${id}`);
  return participant;
}
