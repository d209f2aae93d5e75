import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Participant } from '@coop/domain';
import { startTestApp, type TestApp } from '../support/test-app.js';
import {
  answerQuestion,
  askQuestion,
  dataOf,
  expectError,
  expectFieldError,
  markNotificationsRead,
  notificationsOf,
  postComment,
  proposeJointProject,
  requestConsultation,
  respondToInvitation,
  sharePractice,
  untilCaughtUp,
  watchItem,
} from './support/api.js';
import {
  ACCEPT_ANSWER,
  ADOPT_PRACTICE,
  INVITE_PARTNER,
  ITEM_WATCHING,
  PARTICIPANTS,
  POST_COMMENT,
  RESPOND_TO_CONSULTATION,
  REVISE_PRACTICE,
  WATCH_ITEM,
  WITHDRAW_PRACTICE,
} from './support/documents.js';
import { person } from './support/people.js';
import type { NotificationConnection, ParticipantFields } from './support/types.js';

/*
 * Each test acts with people of its own, so what one notifies does not show
 * in another's assertions; they run in order on one data directory, which the
 * last test serves again after deleting the read model.
 */
const kzAuthor = person('notif-kz-fp', 'KZ', ['FOCAL_POINT']);
const kzFocalPoint = person('notif-kz-fp-2', 'KZ', ['FOCAL_POINT']);
/** Calls the service for the first time in the first test, after the invitation. */
const kgFocalPoint = person('notif-kg-fp', 'KG', ['FOCAL_POINT']);
const kgExpert = person('notif-kg-expert', 'KG');
const tjFocalPoint = person('notif-tj-fp', 'TJ', ['FOCAL_POINT']);
const tjExpert = person('notif-tj-expert', 'TJ');
const uzFocalPoint = person('notif-uz-fp', 'UZ', ['FOCAL_POINT']);
const asker = person('notif-ua-asker', 'UA');
const answerer = person('notif-ge-answerer', 'GE');
const replier = person('notif-md-replier', 'MD');
const mentioned = person('notif-rs-mentioned', 'RS');
const author = person('notif-al-author', 'AL');
const adopter = person('notif-by-adopter', 'BY');
const watcher = person('notif-am-watcher', 'AM');
const secretariat = person('notif-secretariat', null, ['SECRETARIAT']);
const everyone = [
  kzAuthor,
  kzFocalPoint,
  kgFocalPoint,
  kgExpert,
  tjFocalPoint,
  tjExpert,
  uzFocalPoint,
  asker,
  answerer,
  replier,
  mentioned,
  author,
  adopter,
  watcher,
];

const dataDir = mkdtempSync(join(tmpdir(), 'coop-e2e-notifications-'));
let app: TestApp;

beforeAll(async () => {
  app = await startTestApp({ dataDir });
});

afterAll(async () => {
  await app?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** [reason, activity, item id] of each notification, newest first. */
const summary = (connection: NotificationConnection) =>
  connection.edges.map(({ node }) => [node.reason, node.entry.activity, node.entry.item.id]);

async function participants(variables: Record<string, unknown>): Promise<ParticipantFields[]> {
  return dataOf(await app.gql<{ participants: ParticipantFields[] }>(secretariat, PARTICIPANTS, variables))
    .participants;
}

const ids = (listed: readonly { id: string }[]) => listed.map((one) => one.id);

let proposalId: string;
let consultationId: string;

describe('joint project proposals', () => {
  it("invite the partner countries' focal points, even one who never called the service, and nobody else", async () => {
    const proposal = await proposeJointProject(app, kzAuthor, { partnerCountries: ['KG', 'TJ'] });
    proposalId = proposal.id;
    expect(ids(await participants({ country: 'KG' }))).not.toContain(kgFocalPoint.id);

    // The KG focal point's very first request.
    const first = await notificationsOf(app, kgFocalPoint);
    expect(summary(first)).toEqual([['PARTNER_INVITATION', 'PROPOSAL_CREATED', proposal.id]]);
    expect(first.unreadCount).toBe(1);
    expect(first.edges[0]?.node).toMatchObject({ read: false, entry: { actor: { id: kzAuthor.id } } });
    expect(ids(await participants({ country: 'KG' }))).toContain(kgFocalPoint.id);

    expect(summary(await notificationsOf(app, tjFocalPoint))).toEqual([
      ['PARTNER_INVITATION', 'PROPOSAL_CREATED', proposal.id],
    ]);
    expect(summary(await notificationsOf(app, kgExpert))).toEqual([]);
    expect(summary(await notificationsOf(app, kzAuthor))).toEqual([]);
  });

  it("tell the lead country's focal points that a partner joined, and not the partner who did", async () => {
    await respondToInvitation(app, kgFocalPoint, proposalId, true);
    for (const focalPoint of [kzAuthor, kzFocalPoint]) {
      expect(summary(await notificationsOf(app, focalPoint))).toEqual([
        ['PARTNER_RESPONDED', 'PARTNER_JOINED', proposalId],
      ]);
    }
    expect(summary(await notificationsOf(app, kgFocalPoint))).toEqual([
      ['PARTNER_INVITATION', 'PROPOSAL_CREATED', proposalId],
    ]);
  });
});

describe('joint projects after their proposal', () => {
  it('invite a partner country added later: its focal points, who had never called the service', async () => {
    const proposal = await proposeJointProject(app, kzAuthor, { partnerCountries: ['TJ'] });
    dataOf(await app.gql(kzAuthor, INVITE_PARTNER, { proposalId: proposal.id, country: 'UZ' }));
    expect(summary(await notificationsOf(app, uzFocalPoint))).toEqual([
      ['PARTNER_INVITATION', 'PARTNER_INVITED', proposal.id],
    ]);
    expect(summary(await notificationsOf(app, kgExpert))).toEqual([]);
  });
});

describe('transboundary consultations', () => {
  it('reach every participant of each consulted country, who had never called the service, and nobody else', async () => {
    const consultation = await requestConsultation(app, kzAuthor, { consultedCountries: ['TJ', 'UZ'] });
    consultationId = consultation.id;
    for (const consulted of [tjExpert, uzFocalPoint]) {
      expect(summary(await notificationsOf(app, consulted))[0]).toEqual([
        'CONSULTATION_REQUESTED',
        'CONSULTATION_REQUESTED',
        consultation.id,
      ]);
    }
    expect(summary(await notificationsOf(app, kgExpert))).toEqual([]);
  });

  it("tell the originating country's focal points and the author of each response", async () => {
    dataOf(
      await app.gql(tjFocalPoint, RESPOND_TO_CONSULTATION, {
        consultationId,
        position: 'NO_SIGNIFICANT_EFFECTS',
        body: 'The river flows away from us at that point.',
      }),
    );
    for (const focalPoint of [kzAuthor, kzFocalPoint]) {
      expect(summary(await notificationsOf(app, focalPoint))[0]).toEqual([
        'CONSULTATION_RESPONSE',
        'CONSULTATION_RESPONDED',
        consultationId,
      ]);
    }
    const responder = summary(await notificationsOf(app, tjFocalPoint));
    expect(responder.filter(([reason]) => reason === 'CONSULTATION_RESPONSE')).toEqual([]);
  });
});

describe('questions and comments', () => {
  let questionId: string;
  let answerId: string;

  it("tell a question's author of an answer, and the answerer of its acceptance", async () => {
    const question = await askQuestion(app, asker);
    questionId = question.id;
    const answer = await answerQuestion(app, answerer, question.id);
    answerId = answer.id;
    expect(summary(await notificationsOf(app, asker))).toEqual([['ANSWER_RECEIVED', 'QUESTION_ANSWERED', questionId]]);

    dataOf(await app.gql(asker, ACCEPT_ANSWER, { questionId, answerId }));
    expect(summary(await notificationsOf(app, answerer))).toEqual([['ANSWER_ACCEPTED', 'ANSWER_ACCEPTED', questionId]]);
    expect(summary(await notificationsOf(app, asker))).toHaveLength(1);
  });

  it('tell the author of a comment replied to, and each participant mentioned', async () => {
    // The mentioned participant is known to the directory once they have called the service.
    await notificationsOf(app, mentioned);
    const comment = await postComment(app, answerer, questionId);
    const reply = await postComment(app, replier, questionId, { replyTo: comment.id, mentions: [mentioned.id] });

    expect(summary(await notificationsOf(app, answerer))[0]).toEqual(['REPLY', 'COMMENT_POSTED', questionId]);
    expect(summary(await notificationsOf(app, mentioned))).toEqual([['MENTION', 'COMMENT_POSTED', questionId]]);
    expect(summary(await notificationsOf(app, replier))).toEqual([]);
    expect(reply.replyTo).toBe(comment.id);
  });

  it('refuse to mention anyone the directory does not know or who may not see the item', async () => {
    const post = (input: Record<string, unknown>) => app.gql(replier, POST_COMMENT, { input });
    expect(
      expectFieldError(await post({ itemId: questionId, body: 'Hello', mentions: ['nobody-at-all'] }), 'mentions'),
    ).toEqual(['nobody-at-all is not a known participant']);

    const forMoldova = await askQuestion(app, replier, { audience: { scope: 'COUNTRIES', countries: ['MD'] } });
    expect(
      expectFieldError(await post({ itemId: forMoldova.id, body: 'Hello', mentions: [mentioned.id] }), 'mentions'),
    ).toEqual([`${mentioned.id} may not see this item`]);
    expect(
      expectFieldError(
        await post({ itemId: questionId, body: 'Hello', mentions: [mentioned.id, mentioned.id] }),
        'mentions',
      ),
    ).toEqual([`lists ${mentioned.id} more than once`]);
    expect(summary(await notificationsOf(app, mentioned))).toHaveLength(1);
  });
});

describe('watching', () => {
  let practiceId: string;

  it('notifies a watcher of every activity on the item, until they stop', async () => {
    const practice = await sharePractice(app, author);
    practiceId = practice.id;
    expect(await watchItem(app, watcher, practiceId)).toBe(true);
    const watching = async (who: Participant) =>
      dataOf(await app.gql<{ item: { watching: boolean } }>(who, ITEM_WATCHING, { id: practiceId })).item.watching;
    expect([await watching(watcher), await watching(author)]).toEqual([true, false]);

    dataOf(await app.gql(author, REVISE_PRACTICE, { input: { id: practiceId, expectedVersion: 1, title: 'Revised' } }));
    dataOf(await app.gql(adopter, ADOPT_PRACTICE, { id: practiceId }));
    await postComment(app, adopter, practiceId);
    dataOf(await app.gql(author, WITHDRAW_PRACTICE, { id: practiceId, reason: 'Superseded' }));
    expect(await watchItem(app, watcher, practiceId, false)).toBe(false);
    await postComment(app, adopter, practiceId);

    expect(summary(await notificationsOf(app, watcher))).toEqual([
      ['WATCHED_ITEM', 'PRACTICE_WITHDRAWN', practiceId],
      ['WATCHED_ITEM', 'COMMENT_POSTED', practiceId],
      ['WATCHED_ITEM', 'PRACTICE_ADOPTED', practiceId],
      ['WATCHED_ITEM', 'PRACTICE_REVISED', practiceId],
    ]);
    expect(summary(await notificationsOf(app, author))).toEqual([['PRACTICE_ADOPTED', 'PRACTICE_ADOPTED', practiceId]]);
  });

  it('is refused for an item the viewer may not see, as if it did not exist', async () => {
    const hidden = await sharePractice(app, author, { audience: { scope: 'COUNTRIES', countries: ['AL'] } });
    expectError(await app.gql(watcher, WATCH_ITEM, { id: hidden.id, watching: true }), 'NOT_FOUND');
  });
});

describe('read marks', () => {
  it('lower the unread count: up to a notification, then all', async () => {
    const before = await notificationsOf(app, watcher);
    expect(before.unreadCount).toBe(4);
    const oldest = before.edges.at(-1)?.node;
    const secondOldest = before.edges.at(-2)?.node;
    expect(await markNotificationsRead(app, watcher, secondOldest?.cursor ?? null)).toBe(2);
    const after = await notificationsOf(app, watcher);
    expect(after.edges.map(({ node }) => node.read)).toEqual([false, false, true, true]);
    expect(after.unreadCount).toBe(2);
    const unread = await notificationsOf(app, watcher, { unreadOnly: true });
    expect(unread.edges.map(({ node }) => node.id)).toEqual(after.edges.slice(0, 2).map(({ node }) => node.id));
    // An older mark leaves the newer one.
    expect(await markNotificationsRead(app, watcher, oldest?.cursor ?? null)).toBe(2);
    expect(await markNotificationsRead(app, watcher, null)).toBe(0);
    expect((await notificationsOf(app, watcher)).edges.every(({ node }) => node.read)).toBe(true);
  });

  it('take only a notification cursor', async () => {
    const response = await app.gql(watcher, 'mutation { markNotificationsRead(upTo: "not-a-cursor") }');
    expect(expectFieldError(response, 'upTo')).toEqual(['upTo is not a cursor of this list']);
  });
});

describe('the participant directory', () => {
  it('lists those who called the service as their token says, and follows a new token', async () => {
    expect(await participants({ country: 'KG' })).toEqual([
      { id: kgExpert.id, name: kgExpert.name, country: { code: 'KG' }, roles: ['PARTICIPANT'] },
      { id: kgFocalPoint.id, name: kgFocalPoint.name, country: { code: 'KG' }, roles: ['FOCAL_POINT'] },
    ]);
    await notificationsOf(app, { ...kgExpert, name: 'Aibek Dzhaparov' });
    expect(await participants({ text: 'dzhap' })).toEqual([
      { id: kgExpert.id, name: 'Aibek Dzhaparov', country: { code: 'KG' }, roles: ['PARTICIPANT'] },
    ]);
    expect(ids(await participants({ text: 'NOTIF-AM' }))).toEqual([watcher.id]);
  });

  it('refuses a country that is not a beneficiary', async () => {
    expectFieldError(await app.gql(secretariat, PARTICIPANTS, { country: 'FR' }), 'country');
  });
});

describe('after the read model is deleted and rebuilt from the log', () => {
  const snapshot = async () => ({
    notifications: await Promise.all(everyone.map((who) => notificationsOf(app, who))),
    participants: await participants({ first: 100 }),
  });

  it('answers the same: notifications, read marks and unread counts, the directory', async () => {
    const before = await snapshot();
    expect(before.notifications.some((connection) => connection.edges.some(({ node }) => node.read))).toBe(true);
    await app.close();
    for (const name of readdirSync(dataDir).filter((file) => file.startsWith('read-model.sqlite'))) {
      rmSync(join(dataDir, name));
    }
    app = await startTestApp({ dataDir });
    await untilCaughtUp(app.url);
    expect(await snapshot()).toEqual(before);
  });
});
