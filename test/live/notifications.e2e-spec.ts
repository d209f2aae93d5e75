import type { Participant } from '@coop/domain';
import type { Client } from 'graphql-ws';
import {
  dataOf,
  notificationsOf,
  postComment,
  proposeJointProject,
  sharePractice,
  watchItem,
} from '../api/support/api.js';
import { PARTICIPANTS } from '../api/support/documents.js';
import { person } from '../api/support/people.js';
import type { ParticipantFields } from '../api/support/types.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { headCursor, liveClient, LiveSubscription } from './support/live-client.js';

const NOTIFICATION_ADDED = /* GraphQL */ `
  subscription NotificationAdded($since: String) {
    notificationAdded(since: $since) {
      id
      cursor
      reason
      read
      entry {
        activity
        item {
          id
        }
      }
    }
  }
`;

interface LiveNotification {
  id: string;
  cursor: string;
  reason: string;
  read: boolean;
  entry: { activity: string; item: { id: string } };
}

const kzFocalPoint = person('live-kz-fp', 'KZ', ['FOCAL_POINT']);
const kgFocalPoint = person('live-kg-fp', 'KG', ['FOCAL_POINT']);
const kgWatcher = person('live-kg-watcher', 'KG');
/** Never calls over HTTP: only its socket tells the service of it. */
const tjFocalPoint = person('live-tj-fp', 'TJ', ['FOCAL_POINT']);
const rsExpert = person('live-rs-expert', 'RS');
const secretariat = person('live-secretariat', null, ['SECRETARIAT']);

let app: TestApp;
const clients: Client[] = [];

beforeAll(async () => {
  app = await startTestApp();
});

afterAll(async () => {
  await Promise.all(clients.map((client) => client.dispose()));
  await app?.dispose();
});

async function subscribe(who: Participant, since: string | null): Promise<LiveSubscription<LiveNotification>> {
  const client = await liveClient(app, who);
  clients.push(client);
  return new LiveSubscription<LiveNotification>(client, NOTIFICATION_ADDED, { since }, 'notificationAdded');
}

const itemIds = (subscription: LiveSubscription<LiveNotification>) =>
  subscription.entries.map((notification) => notification.entry.item.id);
const has = (subscription: LiveSubscription<LiveNotification>, id: string) => () => itemIds(subscription).includes(id);
const invite = async (...partnerCountries: string[]) =>
  (await proposeJointProject(app, kzFocalPoint, { partnerCountries })).id;

describe('notificationAdded', () => {
  let since: string;
  let invitations: LiveSubscription<LiveNotification>;
  let watched: LiveSubscription<LiveNotification>;

  it("delivers each participant's notifications as they happen, and never another's", async () => {
    // A cursor from before anything below: subscribing since it, nothing appended later is missed, however late the subscribe lands.
    await invite('KG');
    since = (await notificationsOf(app, kgFocalPoint)).edges[0]?.node.cursor ?? '';
    const practice = await sharePractice(app, rsExpert);
    await watchItem(app, kgWatcher, practice.id);
    invitations = await subscribe(kgFocalPoint, since);
    watched = await subscribe(kgWatcher, since);
    const tajik = await subscribe(tjFocalPoint, since);

    const first = await invite('KG', 'TJ');
    await invitations.until('the invitation', has(invitations, first));
    await postComment(app, rsExpert, practice.id);
    await watched.until('the comment on the watched practice', () => watched.entries.length === 1);
    // In log order, so once a later one arrives, nothing before it is still on its way.
    const last = await invite('KG');
    await invitations.until('the second invitation', has(invitations, last));
    await postComment(app, rsExpert, practice.id);
    await watched.until('the second comment', () => watched.entries.length === 2);
    const lastForTajikistan = await invite('TJ');
    await tajik.until('the last invitation of TJ', has(tajik, lastForTajikistan));

    expect(
      invitations.entries.map((notification) => [notification.reason, notification.entry.item.id, notification.read]),
    ).toEqual([
      ['PARTNER_INVITATION', first, false],
      ['PARTNER_INVITATION', last, false],
    ]);
    expect(watched.entries.map((notification) => [notification.reason, notification.entry.activity])).toEqual([
      ['WATCHED_ITEM', 'COMMENT_POSTED'],
      ['WATCHED_ITEM', 'COMMENT_POSTED'],
    ]);
    expect(itemIds(watched)).toEqual([practice.id, practice.id]);
    expect(itemIds(tajik)).toEqual([first, lastForTajikistan]);
  });

  it('records in the directory a participant who only ever connected the socket', async () => {
    const listed = dataOf(
      await app.gql<{ participants: ParticipantFields[] }>(secretariat, PARTICIPANTS, { country: 'TJ' }),
    ).participants;
    expect(listed).toEqual([
      { id: tjFocalPoint.id, name: tjFocalPoint.name, country: { code: 'TJ' }, roles: ['FOCAL_POINT'] },
    ]);
  });

  it('resumes with since after a disconnect, without gap or duplicate', async () => {
    const received = [...invitations.entries];
    invitations.dispose();
    const whileAway = await invite('KG');
    const resumed = await subscribe(kgFocalPoint, received.at(-1)?.cursor ?? null);
    const afterwards = await invite('KG');
    await resumed.until('the invitation after the resume', has(resumed, afterwards));

    expect(itemIds(resumed)).toEqual([whileAway, afterwards]);
    const all = [...received, ...resumed.entries].map((notification) => notification.id);
    expect(new Set(all).size).toBe(all.length);
    invitations = resumed;
  });

  it('refuses a since that is not a notification cursor', async () => {
    const refused = await subscribe(kgFocalPoint, 'not-a-cursor');
    await refused.untilEnded();
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  it("gives each subscriber an item's watching as it is for them, whoever shares their visibility", async () => {
    const practice = await sharePractice(app, rsExpert);
    await watchItem(app, kgWatcher, practice.id);
    const document = /* GraphQL */ `
      subscription Watched($id: ID!, $since: String) {
        itemUpdated(id: $id, since: $since) {
          cursor
          item {
            id
            watching
          }
        }
      }
    `;
    const since = await headCursor(app, secretariat);
    const follow = async (who: Participant) => {
      const client = await liveClient(app, who);
      clients.push(client);
      return new LiveSubscription<{ item: { watching: boolean } }>(
        client,
        document,
        { id: practice.id, since },
        'itemUpdated',
      );
    };
    const watching = await follow(kgWatcher);
    const notWatching = await follow(person('live-kg-other', 'KG'));
    // The first comment may reach them by their replay; once both have it, the second comes by the shared bus.
    for (const count of [1, 2]) {
      await postComment(app, rsExpert, practice.id);
      await watching.until('the comment', () => watching.entries.length === count);
      await notWatching.until('the comment', () => notWatching.entries.length === count);
    }
    expect(watching.entries.map((entry) => entry.item.watching)).toEqual([true, true]);
    expect(notWatching.entries.map((entry) => entry.item.watching)).toEqual([false, false]);
  });

  it('ends at shutdown with RESUME_REQUIRED and the last cursor delivered', async () => {
    await app.close();
    await invitations.untilEnded();
    expect(invitations.errors).toEqual([
      expect.objectContaining({
        extensions: expect.objectContaining({ code: 'RESUME_REQUIRED', cursor: invitations.entries.at(-1)?.cursor }),
      }),
    ]);
  });
});
