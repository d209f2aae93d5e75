import type { Participant } from '@coop/domain';
import { startTestApp, type TestApp } from '../support/test-app.js';
import {
  auditEventsOfItem,
  dataOf,
  expectError,
  expectFieldError,
  itemFor,
  practiceInput,
  sharePractice,
  unique,
} from './support/api.js';
import {
  ADOPT_PRACTICE,
  ITEM_AS_OF,
  ITEM_HISTORY,
  REVISE_PRACTICE,
  SHARE_PRACTICE,
  WITHDRAW_PRACTICE,
} from './support/documents.js';
import { cast } from './support/people.js';
import type { AnyItem, AuditEventFields, PracticeFields } from './support/types.js';

const { kzExpert, kzColleague, kzFocalPoint, uzFocalPoint, rsExpert, secretariat, geExpert } = cast;

let app: TestApp;

beforeAll(async () => {
  app = await startTestApp();
});

afterAll(async () => {
  await app?.dispose();
});

const revise = (who: Participant, input: Record<string, unknown>) =>
  app.gql<{ revisePractice: PracticeFields }>(who, REVISE_PRACTICE, { input });
const withdraw = (who: Participant, id: string, reason = 'Superseded by the 2019 guidelines') =>
  app.gql<{ withdrawPractice: PracticeFields }>(who, WITHDRAW_PRACTICE, { id, reason });
const adopt = (who: Participant, id: string, note: string | null = null) =>
  app.gql<{ adoptPractice: PracticeFields }>(who, ADOPT_PRACTICE, { id, note });

describe('sharePractice', () => {
  it('records the practice for the author’s country and answers with it, trimmed', async () => {
    const title = unique('Register of hazardous activities');
    const practice = await sharePractice(app, kzExpert, {
      title: `  ${title}  `,
      topics: ['IDENTIFICATION', 'COMPETENT_AUTHORITIES'],
    });
    expect(practice).toMatchObject({
      __typename: 'Practice',
      kind: 'PRACTICE',
      title,
      topics: ['IDENTIFICATION', 'COMPETENT_AUTHORITIES'],
      status: 'PUBLISHED',
      version: 1,
      country: { code: 'KZ', name: 'Kazakhstan', subregion: 'CENTRAL_ASIA' },
      author: { id: kzExpert.id, name: kzExpert.name, country: { code: 'KZ' }, roles: ['PARTICIPANT'] },
      audience: { scope: 'NETWORK', subregions: [], countries: [] },
      subregions: ['CENTRAL_ASIA'],
      adoptions: [],
    });
    expect(Date.parse(practice.createdAt)).not.toBeNaN();
    expect(practice.updatedAt).toBe(practice.createdAt);
  });

  it('is readable by anyone in the network right after the mutation returns (read-your-writes)', async () => {
    const practice = await sharePractice(app, kzExpert);
    expect(await itemFor(app, rsExpert, practice.id)).toEqual(practice);
    expect(await itemFor(app, secretariat, practice.id)).toEqual(practice);
  });

  it('is refused to the secretariat, which acts for no country', async () => {
    expectError(await app.gql(secretariat, SHARE_PRACTICE, { input: practiceInput() }), 'FORBIDDEN');
  });

  it('answers the same practice for a retried idempotency key and records nothing the second time', async () => {
    const idempotencyKey = unique('share-key');
    const first = await sharePractice(app, kzExpert, { idempotencyKey });
    const eventsBefore = await auditEventsOfItem(app, secretariat, first.id);
    const retried = await sharePractice(app, kzExpert, { idempotencyKey });
    expect(retried.id).toBe(first.id);
    expect(retried.version).toBe(1);
    expect((await itemFor(app, kzExpert, first.id))?.version).toBe(1);
    const eventsAfter = await auditEventsOfItem(app, secretariat, first.id);
    expect(eventsBefore).toHaveLength(1);
    expect(eventsAfter).toEqual(eventsBefore);
  });

  it('gives different actors using the same idempotency key different practices', async () => {
    const idempotencyKey = unique('shared-key');
    const mine = await sharePractice(app, kzExpert, { idempotencyKey });
    const theirs = await sharePractice(app, rsExpert, { idempotencyKey });
    expect(theirs.id).not.toBe(mine.id);
    expect(theirs.country.code).toBe('RS');
    expect((await itemFor(app, kzExpert, mine.id))?.author.id).toBe(kzExpert.id);
  });
});

describe('revisePractice', () => {
  it('lets the author revise, bumping the version', async () => {
    const practice = await sharePractice(app, kzExpert);
    const title = unique('Revised register');
    const revised = dataOf(
      await revise(kzExpert, { id: practice.id, expectedVersion: 1, title, topics: ['PREVENTION'] }),
    );
    expect(revised.revisePractice).toMatchObject({
      id: practice.id,
      title,
      topics: ['PREVENTION'],
      version: 2,
      body: practice.body,
    });
    expect((await itemFor(app, rsExpert, practice.id))?.title).toBe(title);
  });

  it('lets a focal point of the same country revise', async () => {
    const practice = await sharePractice(app, kzExpert);
    const revised = dataOf(
      await revise(kzFocalPoint, { id: practice.id, expectedVersion: 1, summary: 'Revised by the focal point.' }),
    );
    expect(revised.revisePractice).toMatchObject({ summary: 'Revised by the focal point.', version: 2 });
  });

  it.each([
    ['a participant of the same country who is not the author', kzColleague],
    ['a focal point of another country', uzFocalPoint],
    ['a participant of another country', rsExpert],
    ['the secretariat', secretariat],
  ])('is refused to %s', async (_who, who) => {
    const practice = await sharePractice(app, kzExpert);
    expectError(await revise(who, { id: practice.id, expectedVersion: 1, title: unique('Hijacked') }), 'FORBIDDEN');
    expect((await itemFor(app, kzExpert, practice.id))?.version).toBe(1);
  });

  it('answers CONFLICT with the expected and actual version when expectedVersion is stale', async () => {
    const practice = await sharePractice(app, kzExpert);
    dataOf(await revise(kzExpert, { id: practice.id, expectedVersion: 1, title: unique('First edit') }));
    const error = expectError(
      await revise(kzFocalPoint, { id: practice.id, expectedVersion: 1, title: unique('Second edit') }),
      'CONFLICT',
    );
    expect(error.extensions).toMatchObject({ expectedVersion: 1, actualVersion: 2 });
    expect((await itemFor(app, kzExpert, practice.id))?.version).toBe(2);
  });

  it('answers BAD_USER_INPUT naming the title when the new title is too short', async () => {
    const practice = await sharePractice(app, kzExpert);
    expectFieldError(await revise(kzExpert, { id: practice.id, expectedVersion: 1, title: 'ab' }), 'title');
  });

  it('answers INVALID_STATE for a withdrawn practice', async () => {
    const practice = await sharePractice(app, kzExpert);
    dataOf(await withdraw(kzExpert, practice.id));
    expectError(
      await revise(kzExpert, { id: practice.id, expectedVersion: 2, title: unique('Too late') }),
      'INVALID_STATE',
    );
  });
});

describe('withdrawPractice', () => {
  it('lets the author withdraw', async () => {
    const practice = await sharePractice(app, kzExpert);
    const withdrawn = dataOf(await withdraw(kzExpert, practice.id)).withdrawPractice;
    expect(withdrawn).toMatchObject({ id: practice.id, status: 'WITHDRAWN', version: 2 });
    expect((await itemFor(app, rsExpert, practice.id)) as PracticeFields).toMatchObject({ status: 'WITHDRAWN' });
  });

  it('lets a focal point of the same country withdraw', async () => {
    const practice = await sharePractice(app, kzExpert);
    expect(dataOf(await withdraw(kzFocalPoint, practice.id)).withdrawPractice.status).toBe('WITHDRAWN');
  });

  it.each([
    ['a participant of the same country who is not the author', kzColleague],
    ['a focal point of another country', uzFocalPoint],
    ['the secretariat', secretariat],
  ])('is refused to %s', async (_who, who) => {
    const practice = await sharePractice(app, kzExpert);
    expectError(await withdraw(who, practice.id), 'FORBIDDEN');
    expect(((await itemFor(app, kzExpert, practice.id)) as PracticeFields).status).toBe('PUBLISHED');
  });

  it('answers INVALID_STATE when the practice is already withdrawn', async () => {
    const practice = await sharePractice(app, kzExpert);
    dataOf(await withdraw(kzExpert, practice.id));
    expectError(await withdraw(kzExpert, practice.id), 'INVALID_STATE');
  });
});

describe('adoptPractice', () => {
  it('records another country’s adoption with its note', async () => {
    const practice = await sharePractice(app, kzExpert);
    const adopted = dataOf(await adopt(rsExpert, practice.id, 'Adopted in the 2019 action plan')).adoptPractice;
    expect(adopted.version).toBe(2);
    expect(adopted.adoptions).toEqual([
      {
        country: { code: 'RS' },
        by: { id: rsExpert.id },
        note: 'Adopted in the 2019 action plan',
        adoptedAt: expect.any(String),
      },
    ]);
  });

  it('refuses a country adopting its own practice', async () => {
    const practice = await sharePractice(app, kzExpert);
    expectError(await adopt(kzFocalPoint, practice.id), 'FORBIDDEN');
  });

  it('refuses the secretariat, which has no country to adopt for', async () => {
    const practice = await sharePractice(app, kzExpert);
    expectError(await adopt(secretariat, practice.id), 'FORBIDDEN');
  });

  it('answers INVALID_STATE for a withdrawn practice', async () => {
    const practice = await sharePractice(app, kzExpert);
    dataOf(await withdraw(kzExpert, practice.id));
    expectError(await adopt(rsExpert, practice.id), 'INVALID_STATE');
  });

  it('answers INVALID_STATE when the country has adopted it already', async () => {
    const practice = await sharePractice(app, kzExpert);
    dataOf(await adopt(rsExpert, practice.id));
    expectError(await adopt(cast.rsFocalPoint, practice.id), 'INVALID_STATE');
  });

  it('answers NOT_FOUND for a practice the adopter may not see', async () => {
    const practice = await sharePractice(app, kzExpert, { audience: { scope: 'COUNTRIES', countries: ['UZ'] } });
    expectError(await adopt(geExpert, practice.id), 'NOT_FOUND');
    expect(dataOf(await adopt(uzFocalPoint, practice.id)).adoptPractice.adoptions).toHaveLength(1);
  });
});

describe('a practice’s history and its state at an instant', () => {
  it('lists every event of the practice, oldest first, with 1-based versions', async () => {
    const practice = await sharePractice(app, kzExpert);
    dataOf(await revise(kzExpert, { id: practice.id, expectedVersion: 1, body: 'A better body.' }));
    dataOf(await adopt(geExpert, practice.id));
    const { item } = dataOf(
      await app.gql<{ item: { version: number; history: AuditEventFields[] } }>(rsExpert, ITEM_HISTORY, {
        id: practice.id,
      }),
    );
    expect(item.version).toBe(3);
    expect(item.history.map(({ type, version, streamId }) => ({ type, version, streamId }))).toEqual([
      { type: 'PracticeShared', version: 1, streamId: `practice-${practice.id}` },
      { type: 'PracticeRevised', version: 2, streamId: `practice-${practice.id}` },
      { type: 'PracticeAdopted', version: 3, streamId: `practice-${practice.id}` },
    ]);
    expect(item.history.map((event) => event.actor?.id)).toEqual([kzExpert.id, kzExpert.id, geExpert.id]);
  });

  it('answers itemAsOf with the practice as it stood before a revision, and null before it existed', async () => {
    const originalTitle = unique('Original');
    const practice = await sharePractice(app, kzExpert, { title: originalTitle });
    const revised = dataOf(
      await revise(kzExpert, { id: practice.id, expectedVersion: 1, title: unique('Renamed') }),
    ).revisePractice;
    expect(revised.updatedAt > practice.createdAt).toBe(true);

    const asOf = (at: string) => app.gql<{ itemAsOf: AnyItem | null }>(rsExpert, ITEM_AS_OF, { id: practice.id, at });
    expect(dataOf(await asOf(practice.createdAt)).itemAsOf).toMatchObject({ title: originalTitle, version: 1 });
    expect(dataOf(await asOf(revised.updatedAt)).itemAsOf).toMatchObject({ title: revised.title, version: 2 });
    const before = new Date(Date.parse(practice.createdAt) - 1).toISOString();
    expect(dataOf(await asOf(before)).itemAsOf).toBeNull();
  });

  it('answers itemAsOf with null for a practice the viewer may not see', async () => {
    const practice = await sharePractice(app, kzExpert, {
      audience: { scope: 'SUBREGIONS', subregions: ['CENTRAL_ASIA'] },
    });
    const response = await app.gql<{ itemAsOf: AnyItem | null }>(rsExpert, ITEM_AS_OF, {
      id: practice.id,
      at: new Date().toISOString(),
    });
    expect(dataOf(response).itemAsOf).toBeNull();
  });
});
