import type { ReadModel } from './read-model.js';
import { focalPointOf, participantOf, ReadModelHarness, SECRETARIAT } from './testing/read-model.fixtures.js';

const AIBEK = { ...focalPointOf('KG', 'kg-aibek'), name: 'Aïbek Ömürov' };
const AIGERIM = { ...focalPointOf('KZ', 'kz-aigerim'), name: 'Aigerim Bekova' };
const NURLAN = { ...participantOf('KZ', 'kz-nurlan'), name: 'Nurlan' };
const OLENA = { ...participantOf('UA', 'ua-olena'), name: 'Олена Бекетова' };

describe('participant directory', () => {
  let harness: ReadModelHarness;
  let readModel: ReadModel;
  let practice: string;

  beforeAll(async () => {
    harness = new ReadModelHarness();
    for (const participant of [NURLAN, AIBEK, OLENA, AIGERIM, SECRETARIAT]) await harness.record(participant);
    // A new token: the directory follows it.
    await harness.record({ ...NURLAN, name: 'Nurlan Abenov', roles: ['PARTICIPANT', 'FOCAL_POINT'] });
    practice = await harness.share(NURLAN, { title: 'Watched' });
    await harness.watch(AIBEK, practice, 'PRACTICE');
    ({ readModel } = await harness.openCaughtUp());
  });

  afterAll(() => harness.dispose());

  const names = (filter = {}) => readModel.participants(filter).map((participant) => participant.name);

  it('lists everyone recorded by name, as their token last said', () => {
    expect(names()).toEqual(['Aïbek Ömürov', 'Aigerim Bekova', 'Nurlan Abenov', 'Secretariat', 'Олена Бекетова']);
    expect(readModel.participants({ country: 'KZ' })).toEqual([
      AIGERIM,
      { ...NURLAN, name: 'Nurlan Abenov', roles: ['PARTICIPANT', 'FOCAL_POINT'] },
    ]);
  });

  it('matches part of a name whatever its case and diacritics, in any script', () => {
    expect(names({ text: 'BEK' })).toEqual(['Aïbek Ömürov', 'Aigerim Bekova']);
    expect(names({ text: 'omur' })).toEqual(['Aïbek Ömürov']);
    expect(names({ text: 'бекет' })).toEqual(['Олена Бекетова']);
    expect(names({ text: 'bek', country: 'KG' })).toEqual(['Aïbek Ömürov']);
    expect(names({ text: '%' })).toEqual([]);
  });

  it('gives the first N', () => {
    expect(names({ first: 2 })).toHaveLength(2);
    expect(names({ first: 2 })).toEqual(names().slice(0, 2));
  });

  it('finds recorded participants by id, leaving out ids it does not know', () => {
    expect([...readModel.participantsById([AIBEK.id, 'nobody']).values()]).toEqual([AIBEK]);
  });

  it('tells whether a participant watches an item', () => {
    expect(readModel.watching(AIBEK.id, practice)).toBe(true);
    expect(readModel.watching(NURLAN.id, practice)).toBe(false);
  });
});
