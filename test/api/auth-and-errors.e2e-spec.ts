import { join } from 'node:path';
import type { Participant } from '@coop/domain';
import Database from 'better-sqlite3';
import { startTestApp, type TestApp } from '../support/test-app.js';
import {
  answerQuestion,
  askQuestion,
  dataOf,
  expectError,
  expectFieldError,
  itemFor,
  postComment,
  practiceInput,
  proposalInput,
  proposeJointProject,
  sharePractice,
} from './support/api.js';
import {
  ACCEPT_ANSWER,
  ADOPT_PRACTICE,
  ANSWER_QUESTION,
  AUDIT_TRAIL,
  CLOSE_QUESTION,
  COOPERATION_STATS,
  EDIT_COMMENT,
  ITEM_AS_OF,
  POST_COMMENT,
  PROPOSE_JOINT_PROJECT,
  RESPOND_TO_INVITATION,
  RETRACT_COMMENT,
  REVIEW_PROPOSAL,
  REVISE_PRACTICE,
  SHARE_PRACTICE,
  SUBMIT_PROPOSAL,
  VERIFY_INTEGRITY,
  VIEWER,
  WITHDRAW_PRACTICE,
  WITHDRAW_PROPOSAL,
} from './support/documents.js';
import { cast } from './support/people.js';

const { kzExpert, kzFocalPoint, uzFocalPoint, rsExpert, rsFocalPoint, secretariat } = cast;

let app: TestApp;

beforeAll(async () => {
  app = await startTestApp();
});

afterAll(async () => {
  await app?.dispose();
});

const UNKNOWN_ID = '0f8fad5b-d9cb-469f-a165-70867728950e';
const NOW = () => new Date().toISOString();

describe('items a viewer may not see do not exist for them', () => {
  let hidden: { practice: string; question: string; answer: string; proposal: string; comment: string };

  beforeAll(async () => {
    const audience = { scope: 'COUNTRIES', countries: ['UZ'] };
    const practice = await sharePractice(app, kzExpert, { audience });
    const question = await askQuestion(app, kzExpert, { audience });
    const answer = await answerQuestion(app, uzFocalPoint, question.id);
    const proposal = await proposeJointProject(app, kzFocalPoint, { partnerCountries: ['UZ'], audience });
    const comment = await postComment(app, uzFocalPoint, practice.id);
    hidden = {
      practice: practice.id,
      question: question.id,
      answer: answer.id,
      proposal: proposal.id,
      comment: comment.id,
    };
  });

  it('answers item and itemAsOf with null', async () => {
    for (const id of [hidden.practice, hidden.question, hidden.proposal]) {
      expect(await itemFor(app, rsFocalPoint, id)).toBeNull();
      expect(dataOf(await app.gql(rsFocalPoint, ITEM_AS_OF, { id, at: NOW() })).itemAsOf).toBeNull();
      expect((await itemFor(app, uzFocalPoint, id))?.id).toBe(id);
    }
    expect(await itemFor(app, rsFocalPoint, UNKNOWN_ID)).toBeNull();
  });

  const mutations: [string, string, () => Record<string, unknown>][] = [
    [
      'revisePractice',
      REVISE_PRACTICE,
      () => ({ input: { id: hidden.practice, expectedVersion: 1, title: 'Revised title' } }),
    ],
    ['withdrawPractice', WITHDRAW_PRACTICE, () => ({ id: hidden.practice, reason: 'Outdated' })],
    ['adoptPractice', ADOPT_PRACTICE, () => ({ id: hidden.practice })],
    ['answerQuestion', ANSWER_QUESTION, () => ({ input: { questionId: hidden.question, body: 'An answer' } })],
    ['acceptAnswer', ACCEPT_ANSWER, () => ({ questionId: hidden.question, answerId: hidden.answer })],
    ['closeQuestion', CLOSE_QUESTION, () => ({ id: hidden.question })],
    ['respondToInvitation', RESPOND_TO_INVITATION, () => ({ proposalId: hidden.proposal, accept: true })],
    ['submitProposal', SUBMIT_PROPOSAL, () => ({ id: hidden.proposal })],
    ['withdrawProposal', WITHDRAW_PROPOSAL, () => ({ id: hidden.proposal, reason: 'No funding' })],
    ['postComment', POST_COMMENT, () => ({ input: { itemId: hidden.practice, body: 'Hello' } })],
    ['editComment', EDIT_COMMENT, () => ({ id: hidden.comment, body: 'Edited' })],
    ['retractComment', RETRACT_COMMENT, () => ({ id: hidden.comment, reason: 'Gone' })],
  ];

  it.each(mutations)('answers NOT_FOUND to %s on a hidden item', async (_mutation, document, variables) => {
    expectError(await app.gql(rsFocalPoint, document, variables()), 'NOT_FOUND');
  });

  it('answers NOT_FOUND to reviewProposal on an unknown id, and to a mutation naming an item of another kind', async () => {
    expectError(
      await app.gql(secretariat, REVIEW_PROPOSAL, { id: UNKNOWN_ID, decision: 'ENDORSE', note: 'Fine' }),
      'NOT_FOUND',
    );
    expectError(
      await app.gql(uzFocalPoint, WITHDRAW_PRACTICE, { id: hidden.question, reason: 'Wrong kind' }),
      'NOT_FOUND',
    );
    expectError(await app.gql(uzFocalPoint, ADOPT_PRACTICE, { id: UNKNOWN_ID }), 'NOT_FOUND');
  });
});

describe('input validation', () => {
  const share = (overrides: Record<string, unknown>) =>
    app.gql(kzExpert, SHARE_PRACTICE, { input: practiceInput(overrides) });

  it.each([
    ['title', 'a title under 3 characters', { title: 'ab' }],
    ['title', 'a title over 200 characters', { title: 'x'.repeat(201) }],
    ['title', 'a title with a control character', { title: 'Bell \u0007 title' }],
    ['summary', 'a summary with a control character', { summary: 'Escape \u001b[31m red' }],
    ['summary', 'a summary over 1,000 characters', { summary: 'x'.repeat(1001) }],
    ['body', 'an empty body', { body: '' }],
    [
      'topics',
      'more than 5 topics',
      { topics: ['IDENTIFICATION', 'NOTIFICATION', 'PREVENTION', 'RESPONSE', 'TRAINING', 'NATECH'] },
    ],
    ['topics', 'no topic', { topics: [] }],
    ['topics', 'the same topic twice', { topics: ['NATECH', 'NATECH'] }],
    ['audience', 'SUBREGIONS with no subregion', { audience: { scope: 'SUBREGIONS', subregions: [] } }],
    ['audience', 'SUBREGIONS without a list', { audience: { scope: 'SUBREGIONS' } }],
    ['audience', 'COUNTRIES with no country', { audience: { scope: 'COUNTRIES', countries: [] } }],
    ['audience', 'COUNTRIES naming an unknown country', { audience: { scope: 'COUNTRIES', countries: ['FR'] } }],
    ['idempotencyKey', 'an idempotency key over 100 characters', { idempotencyKey: 'k'.repeat(101) }],
  ])('answers BAD_USER_INPUT naming %s for %s', async (field, _case, overrides) => {
    expectFieldError(await share(overrides), field);
  });

  it('keeps newlines and tabs, which are not refused control characters', async () => {
    const practice = dataOf(await share({ body: 'Line one\n\tLine two' })).sharePractice as { body: string };
    expect(practice.body).toBe('Line one\n\tLine two');
  });

  it('names every problem of an input at once', async () => {
    const error = expectError(await share({ title: 'ab', topics: [] }), 'BAD_USER_INPUT');
    const fields = Object.keys(error.extensions?.['fields'] as Record<string, unknown>);
    expect(fields.some((field) => field.endsWith('title'))).toBe(true);
    expect(fields.some((field) => field.endsWith('topics'))).toBe(true);
  });

  it('answers BAD_USER_INPUT naming partnerCountries for an unknown partner country', async () => {
    expectFieldError(
      await app.gql(kzFocalPoint, PROPOSE_JOINT_PROJECT, { input: proposalInput({ partnerCountries: ['UZ', 'XX'] }) }),
      'partnerCountries',
    );
  });

  it('answers BAD_USER_INPUT to a document that does not match the schema', async () => {
    expectError(await app.gql(kzExpert, '{ viewer { id password } }'), 'BAD_USER_INPUT');
    expectError(await app.gql(kzExpert, '{ viewer { id '), 'BAD_USER_INPUT');
    expectError(await app.gql(kzExpert, SHARE_PRACTICE, { input: { title: 'No other field' } }), 'BAD_USER_INPUT');
  });
});

describe('query limits', () => {
  it('refuses a document nested deeper than the depth limit, naming the limit', async () => {
    const nested = 'ofType { '.repeat(10) + 'name' + ' }'.repeat(10);
    const error = expectError(
      await app.gql(kzExpert, `{ __schema { types { fields { type { ${nested} } } } } }`),
      'BAD_USER_INPUT',
    );
    expect(error.extensions?.['limit']).toBe('depth');
    expect(error.message).toMatch(/depth/);
  });

  it('refuses a document with too many aliases, naming the limit', async () => {
    const aliases = Array.from({ length: 31 }, (_, index) => `a${index}: viewer { id }`).join(' ');
    const error = expectError(await app.gql(kzExpert, `{ ${aliases} }`), 'BAD_USER_INPUT');
    expect(error.extensions?.['limit']).toBe('aliases');
    expect(error.message).toMatch(/alias/);
  });

  it('refuses a document whose estimated cost is over the limit, naming the limit', async () => {
    const expensive = `{ feed(first: 100) { edges { node { item { comments(first: 100) { edges { node { id author { id name } } } } } } } } }`;
    const error = expectError(await app.gql(kzExpert, expensive), 'BAD_USER_INPUT');
    expect(error.extensions?.['limit']).toBe('cost');
    expect(error.message).toMatch(/cost/);
  });

  it('refuses a request body over the size limit', async () => {
    const response = await app.gql(kzExpert, SHARE_PRACTICE, { input: practiceInput({ body: 'x'.repeat(1_100_000) }) });
    expect(response.status).toBe(413);
  });
});

describe('rate limit', () => {
  let limited: TestApp;

  beforeAll(async () => {
    limited = await startTestApp({ env: { RATE_LIMIT_PER_MINUTE: '5' } });
  });

  afterAll(async () => {
    await limited?.dispose();
  });

  it('answers RATE_LIMITED once a viewer has used their requests, and not to another viewer', async () => {
    for (let index = 0; index < 5; index++) dataOf(await limited.gql(kzExpert, VIEWER));
    const refused = await limited.gql(kzExpert, VIEWER);
    const error = expectError(refused, 'RATE_LIMITED');
    expect(refused.status).toBe(429);
    expect(error.extensions?.['retryAfterSeconds']).toBeGreaterThan(0);
    expectError(await limited.gql(kzExpert, SHARE_PRACTICE, { input: practiceInput() }), 'RATE_LIMITED');
    expect(dataOf(await limited.gql(rsExpert, VIEWER))).toBeDefined();
  });
});

describe('in production', () => {
  let production: TestApp;

  beforeAll(async () => {
    production = await startTestApp({ env: { NODE_ENV: 'production' } });
  });

  afterAll(async () => {
    await production?.dispose();
  });

  it('refuses introspection', async () => {
    const response = await production.gql(kzExpert, '{ __schema { queryType { name } } }');
    expect(response.data ?? null).toBeNull();
    expect(response.errors?.length).toBeGreaterThan(0);
  });

  it('masks an unexpected failure as INTERNAL_SERVER_ERROR, without stack, SQL or path', async () => {
    // A damaged row in the event store: the log can no longer be read back for this practice.
    const practice = await sharePractice(production, kzExpert);
    const store = new Database(join(production.dataDir, 'events.sqlite'));
    try {
      store.prepare("UPDATE events SET data = '{damaged' WHERE stream_id = ?").run(`practice-${practice.id}`);
    } finally {
      store.close();
    }
    const response = await production.gql(rsExpert, ITEM_AS_OF, { id: practice.id, at: NOW() });
    const error = expectError(response, 'INTERNAL_SERVER_ERROR');
    expect(error.message).toBe('Internal server error');
    expect(Object.keys(error.extensions ?? {})).toEqual(['code']);
    const text = JSON.stringify(response);
    for (const leak of ['SELECT', 'sqlite', 'JSON', production.dataDir, '.ts:', '.js:', 'at '])
      expect(text).not.toContain(leak);
  });
});

describe('who may read the audit', () => {
  it.each([
    ['auditTrail', AUDIT_TRAIL],
    ['verifyIntegrity', VERIFY_INTEGRITY],
    ['cooperationStats', COOPERATION_STATS],
  ])('answers FORBIDDEN to %s for a focal point and a participant', async (_query, document) => {
    for (const who of [kzFocalPoint, rsExpert] as Participant[]) expectError(await app.gql(who, document), 'FORBIDDEN');
    expect(dataOf(await app.gql(secretariat, document))).toBeDefined();
  });
});
