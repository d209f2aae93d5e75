import type { Participant } from '@coop/domain';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { dataOf, sharePractice, unique, watchItem } from './support/api.js';
import { REVISE_PRACTICE } from './support/documents.js';
import { cast } from './support/people.js';

const { kzExpert, kzColleague, uaFocalPoint, geExpert } = cast;

/*
 * The response cache is on (its default size) in every end-to-end suite; this
 * one asks the very same operation, variables included, of viewers and
 * positions that must not share an answer.
 */

let app: TestApp;

beforeAll(async () => {
  app = await startTestApp();
});

afterAll(async () => {
  await app?.dispose();
});

const TITLE = 'query Title($id: ID!) { item(id: $id) { id title } }';
const WATCHING = 'query Watching($id: ID!) { item(id: $id) { watching } }';
const VIEWER = '{ viewer { id name } }';

describe('answers to a repeated query', () => {
  it('follow every write at once', async () => {
    const practice = await sharePractice(app, kzExpert);
    for (let version = 1; version <= 3; version += 1) {
      const before = dataOf(await app.gql<{ item: { title: string } }>(kzColleague, TITLE, { id: practice.id }));
      const title = unique(`Revision ${version}`);
      expect(before.item.title).not.toBe(title);
      dataOf(await app.gql(kzExpert, REVISE_PRACTICE, { input: { id: practice.id, expectedVersion: version, title } }));
      const after = dataOf(await app.gql<{ item: { title: string } }>(kzColleague, TITLE, { id: practice.id }));
      expect(after.item.title).toBe(title);
    }
  });

  it('are not shared with viewers who may see less', async () => {
    const practice = await sharePractice(app, kzExpert, { audience: { scope: 'COUNTRIES', countries: ['UA'] } });
    expect(dataOf(await app.gql<{ item: unknown }>(uaFocalPoint, TITLE, { id: practice.id })).item).not.toBeNull();
    expect(dataOf(await app.gql<{ item: unknown }>(geExpert, TITLE, { id: practice.id })).item).toBeNull();
    expect(dataOf(await app.gql<{ item: unknown }>(kzColleague, TITLE, { id: practice.id })).item).not.toBeNull();
  });

  it('that depend on who asks are each viewer’s own, within one country', async () => {
    const practice = await sharePractice(app, kzExpert);
    await watchItem(app, kzColleague, practice.id);
    const watching = async (who: Participant) =>
      dataOf(await app.gql<{ item: { watching: boolean } }>(who, WATCHING, { id: practice.id })).item.watching;
    expect(await watching(kzColleague)).toBe(true);
    expect(await watching(kzExpert)).toBe(false);
    expect(await watching(kzColleague)).toBe(true);
    for (const who of [kzExpert, kzColleague]) {
      expect(dataOf(await app.gql<{ viewer: { id: string; name: string } }>(who, VIEWER)).viewer).toEqual({
        id: who.id,
        name: who.name,
      });
    }
  });
});
