import { join } from 'node:path';
import Database from 'better-sqlite3';
import { startTestApp, type TestApp } from '../support/test-app.js';
import {
  answerQuestion,
  askQuestion,
  auditEventsOfItem,
  dataOf,
  expectFieldError,
  postComment,
  practiceInput,
  proposeJointProject,
  sharePractice,
} from './support/api.js';
import {
  ADOPT_PRACTICE,
  AUDIT_TRAIL,
  COOPERATION_STATS,
  SHARE_PRACTICE,
  VERIFY_INTEGRITY,
} from './support/documents.js';
import { cast } from './support/people.js';
import type { AuditEventFields, Connection, CountryActivity, IntegrityReport } from './support/types.js';

const { kzExpert, kzFocalPoint, uzFocalPoint, rsExpert, geExpert, secretariat } = cast;

let app: TestApp;

beforeAll(async () => {
  app = await startTestApp();
});

afterAll(async () => {
  await app?.dispose();
});

type AuditArgs = { filter?: Record<string, unknown>; first?: number; after?: string | null };
const auditTrail = async (args: AuditArgs = {}) =>
  dataOf(await app.gql<{ auditTrail: Connection<AuditEventFields> }>(secretariat, AUDIT_TRAIL, { ...args })).auditTrail;
const verifyIntegrity = async () =>
  dataOf(await app.gql<{ verifyIntegrity: IntegrityReport }>(secretariat, VERIFY_INTEGRITY)).verifyIntegrity;
const stats = async (from?: string, to?: string) =>
  dataOf(await app.gql<{ cooperationStats: CountryActivity[] }>(secretariat, COOPERATION_STATS, { from, to }))
    .cooperationStats;
const countOf = (rows: CountryActivity[], country: string, activity: string) =>
  rows.find((row) => row.country.code === country)?.counts.find((count) => count.activity === activity)?.count ?? 0;

describe('auditTrail', () => {
  it('records who did what, when and why, hash-chained within each stream', async () => {
    const correlationId = `audit-test-${Date.now()}`;
    const shared = dataOf(
      await app.gql<{ sharePractice: { id: string } }>(
        kzExpert,
        SHARE_PRACTICE,
        { input: practiceInput() },
        { 'x-correlation-id': correlationId },
      ),
    ).sharePractice;
    dataOf(await app.gql(geExpert, ADOPT_PRACTICE, { id: shared.id, note: 'Adopted in Tbilisi' }));
    const events = await auditEventsOfItem(app, secretariat, shared.id);
    expect(events.map(({ streamId, version, type }) => ({ streamId, version, type }))).toEqual([
      { streamId: `practice-${shared.id}`, version: 1, type: 'PracticeShared' },
      { streamId: `practice-${shared.id}`, version: 2, type: 'PracticeAdopted' },
    ]);
    const [first, second] = events as [AuditEventFields, AuditEventFields];
    expect(first.actor).toEqual({ id: kzExpert.id });
    expect(second.actor).toEqual({ id: geExpert.id });
    expect(first.correlationId).toBe(correlationId);
    expect(second.correlationId).not.toBe(correlationId);
    expect(first.causationId).toEqual(expect.any(String));
    expect(first.data).toMatchObject({ practiceId: shared.id, country: 'KZ' });
    expect(second.data).toMatchObject({ note: 'Adopted in Tbilisi', country: 'GE' });
    expect(first.metadata).toMatchObject({
      actorId: kzExpert.id,
      actorCountry: 'KZ',
      actorRoles: ['PARTICIPANT'],
      schemaVersion: expect.any(Number),
    });
    expect(first.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(first.previousHash).toBeNull();
    expect(second.previousHash).toBe(first.hash);
    expect(Date.parse(first.occurredAt)).toBeLessThanOrEqual(Date.parse(second.occurredAt));
  });

  it('lists every event oldest first, paging with first/after without duplicates or gaps', async () => {
    await sharePractice(app, kzExpert);
    await askQuestion(app, rsExpert);
    const whole = await auditTrail({ first: 100 });
    expect(whole.edges.length).toBeGreaterThanOrEqual(4);
    const seen: string[] = [];
    let after: string | null = null;
    for (let pages = 0; pages < 100; pages++) {
      const page: Connection<AuditEventFields> = await auditTrail({ first: 3, after });
      seen.push(...page.edges.map((edge) => edge.node.position));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(whole.edges.map((edge) => edge.node.position));
    const occurred = whole.edges.map((edge) => Date.parse(edge.node.occurredAt));
    expect([...occurred].sort((a, b) => a - b)).toEqual(occurred);
  });

  it('filters by item, kinds, countries, actor, types and interval', async () => {
    const practice = await sharePractice(app, uzFocalPoint);
    const question = await askQuestion(app, kzExpert);
    const answer = await answerQuestion(app, geExpert, question.id);
    const proposal = await proposeJointProject(app, kzFocalPoint);
    await postComment(app, geExpert, proposal.id);
    const ids = new Set([practice.id, question.id, proposal.id]);
    const mine = (events: Connection<AuditEventFields>) =>
      events.edges.map((edge) => edge.node).filter((event) => [...ids].some((id) => event.streamId.endsWith(id)));

    expect(mine(await auditTrail({ filter: { itemId: question.id } })).map((event) => event.type)).toEqual([
      'QuestionAsked',
      'QuestionAnswered',
    ]);
    expect(mine(await auditTrail({ filter: { kinds: ['PROPOSAL'] } })).map((event) => event.type)).toEqual([
      'JointProjectProposed',
      'CommentPosted',
    ]);
    expect(mine(await auditTrail({ filter: { countries: ['GE'] } })).map((event) => event.type)).toEqual([
      'QuestionAnswered',
      'CommentPosted',
    ]);
    expect(mine(await auditTrail({ filter: { actorId: uzFocalPoint.id } })).map((event) => event.type)).toEqual([
      'PracticeShared',
    ]);
    expect(mine(await auditTrail({ filter: { types: ['QuestionAnswered'] } }))).toEqual([
      expect.objectContaining({ type: 'QuestionAnswered', data: expect.objectContaining({ answerId: answer.id }) }),
    ]);
    const all = mine(await auditTrail());
    const firstAt = all[0]?.occurredAt as string;
    const lastAt = all.at(-1)?.occurredAt as string;
    const inInterval = mine(await auditTrail({ filter: { from: firstAt, to: lastAt } }));
    expect(inInterval.every((event) => event.occurredAt >= firstAt && event.occurredAt < lastAt)).toBe(true);
    expect(inInterval.map((event) => event.type)).not.toContain('CommentPosted');
    expect(mine(await auditTrail({ filter: { from: new Date(Date.now() + 60_000).toISOString() } }))).toEqual([]);
  });

  it('answers BAD_USER_INPUT naming the filter’s countries for an unknown country', async () => {
    expectFieldError(await app.gql(secretariat, AUDIT_TRAIL, { filter: { countries: ['FR'] } }), 'countries');
  });
});

describe('cooperationStats', () => {
  it('counts each country’s activities, every beneficiary country listed', async () => {
    const before = await stats();
    expect(before.map((row) => row.country.code)).toHaveLength(16);
    const question = await askQuestion(app, kzExpert);
    await answerQuestion(app, rsExpert, question.id);
    await answerQuestion(app, cast.rsFocalPoint, question.id);
    await sharePractice(app, kzExpert);
    const after = await stats();
    expect(countOf(after, 'KZ', 'QUESTION_ASKED') - countOf(before, 'KZ', 'QUESTION_ASKED')).toBe(1);
    expect(countOf(after, 'KZ', 'PRACTICE_SHARED') - countOf(before, 'KZ', 'PRACTICE_SHARED')).toBe(1);
    expect(countOf(after, 'RS', 'QUESTION_ANSWERED') - countOf(before, 'RS', 'QUESTION_ANSWERED')).toBe(2);
    const rs = after.find((row) => row.country.code === 'RS');
    expect(rs?.total).toBe(rs?.counts.reduce((sum, count) => sum + count.count, 0));
  });

  it('counts only the activities in the interval', async () => {
    const question = await askQuestion(app, kzExpert);
    const start = question.createdAt;
    await answerQuestion(app, rsExpert, question.id);
    const future = new Date(Date.now() + 3_600_000).toISOString();
    expect((await stats(future)).every((row) => row.total === 0)).toBe(true);
    const sinceQuestion = await stats(start);
    expect(countOf(sinceQuestion, 'KZ', 'QUESTION_ASKED')).toBe(1);
    expect(countOf(sinceQuestion, 'RS', 'QUESTION_ANSWERED')).toBe(1);
    const beforeQuestion = await stats(undefined, start);
    const everything = await stats();
    expect(countOf(everything, 'KZ', 'QUESTION_ASKED') - countOf(beforeQuestion, 'KZ', 'QUESTION_ASKED')).toBe(1);
  });
});

describe('verifyIntegrity', () => {
  it('finds every stream’s hash chain intact on an untouched store', async () => {
    await sharePractice(app, kzExpert);
    const report = await verifyIntegrity();
    const events = await auditTrail({ first: 100 });
    expect(report.valid).toBe(true);
    expect(report.problems).toEqual([]);
    expect(report.eventsChecked).toBeGreaterThanOrEqual(events.edges.length);
    expect(report.streamsChecked).toBe(new Set(events.edges.map((edge) => edge.node.streamId)).size);
  });

  // Last: it damages the store on purpose.
  it('reports a stream whose event was altered in the SQLite file', async () => {
    const practice = await sharePractice(app, kzExpert);
    const store = new Database(join(app.dataDir, 'events.sqlite'));
    try {
      const changed = store
        .prepare(
          "UPDATE events SET data = json_set(data, '$.title', 'Quietly rewritten') WHERE stream_id = ? AND version = 1",
        )
        .run(`practice-${practice.id}`);
      expect(changed.changes).toBe(1);
    } finally {
      store.close();
    }
    const report = await verifyIntegrity();
    expect(report.valid).toBe(false);
    expect(report.problems).toHaveLength(1);
    expect(report.problems[0]).toContain(`practice-${practice.id}`);
  });
});
