import { rmSync } from 'node:fs';
import { type Participant, practiceAggregate, proposalAggregate } from '@coop/domain';
import { InvalidCursor } from './read-model.errors.js';
import type { Projector } from './projector.js';
import type { ReadModel } from './read-model.js';
import type { NotificationView, Page } from './read-model.types.js';
import { focalPointOf, participantOf, ReadModelHarness, SECRETARIAT } from './testing/read-model.fixtures.js';

const KZ_FOCAL = focalPointOf('KZ');
const KZ_FOCAL_2 = focalPointOf('KZ', 'focal-point-kz-2');
const KG_FOCAL = focalPointOf('KG');
const KG = participantOf('KG');
const TJ_FOCAL = focalPointOf('TJ');
const UA = participantOf('UA');
const KZ = participantOf('KZ');

function allPages(fetch: (after: string | null) => Page<NotificationView>): NotificationView[] {
  const nodes: NotificationView[] = [];
  let after: string | null = null;
  for (;;) {
    const page = fetch(after);
    nodes.push(...page.edges.map((edge) => edge.node));
    if (!page.pageInfo.hasNextPage) return nodes;
    after = page.pageInfo.endCursor;
  }
}

const summary = (nodes: readonly NotificationView[]) =>
  nodes.map((node) => [node.entry.activity, node.reason, node.entry.item.state.title, node.read]);

describe('notifications', () => {
  let harness: ReadModelHarness;
  let readModel: ReadModel;
  let projector: Projector;
  let proposal: string;
  let restricted: string;

  beforeAll(async () => {
    harness = new ReadModelHarness();
    proposal = await harness.propose(KZ_FOCAL, { title: 'Joint training', partnerCountries: ['KG', 'TJ'] });
    await harness.watch(KZ_FOCAL_2, proposal, 'PROPOSAL');
    await harness.watch(UA, proposal, 'PROPOSAL');
    await harness.run(proposalAggregate, KG_FOCAL, { type: 'RespondToInvitation', proposalId: proposal, accept: true });
    await harness.run(proposalAggregate, TJ_FOCAL, {
      type: 'RespondToInvitation',
      proposalId: proposal,
      accept: false,
    });
    await harness.run(proposalAggregate, KZ_FOCAL, { type: 'SubmitProposal', proposalId: proposal });
    // Seen by KZ only; UA watches it anyway, as only the API would have stopped it.
    restricted = await harness.share(KZ, {
      title: 'For Kazakhstan only',
      audience: { scope: 'COUNTRIES', countries: ['KZ'] },
    });
    await harness.watch(UA, restricted, 'PRACTICE');
    await harness.run(practiceAggregate, KZ, {
      type: 'RevisePractice',
      practiceId: restricted,
      expectedVersion: 1,
      title: 'For Kazakhstan only, revised',
    });
    ({ readModel, projector } = await harness.openCaughtUp());
  });

  afterAll(() => harness.dispose());

  const everything = (viewer: Participant, filter = {}) =>
    allPages((after) => readModel.notifications(viewer, { ...filter, first: 1, after }));

  it("reaches a country's focal points whoever they are, and not its other participants", () => {
    expect(summary(everything(KG_FOCAL))).toEqual([
      ['PROPOSAL_CREATED', 'PARTNER_INVITATION', 'Joint training', false],
    ]);
    expect(summary(everything({ ...KG_FOCAL, id: 'a-kg-focal-point-never-seen-before' }))).toEqual([
      ['PROPOSAL_CREATED', 'PARTNER_INVITATION', 'Joint training', false],
    ]);
    expect(everything(KG)).toEqual([]);
  });

  it("is newest first, one per event with the reason that takes precedence, never of the viewer's own act", () => {
    expect(summary(everything(KZ_FOCAL_2))).toEqual([
      ['PROPOSAL_SUBMITTED', 'WATCHED_ITEM', 'Joint training', false],
      ['PARTNER_DECLINED', 'PARTNER_RESPONDED', 'Joint training', false],
      ['PARTNER_JOINED', 'PARTNER_RESPONDED', 'Joint training', false],
    ]);
    expect(summary(everything(KZ_FOCAL))).toEqual([
      ['PARTNER_DECLINED', 'PARTNER_RESPONDED', 'Joint training', false],
      ['PARTNER_JOINED', 'PARTNER_RESPONDED', 'Joint training', false],
    ]);
    // Someone who answered for KG and whose token now says KZ is not told of their own answer.
    expect(summary(everything({ ...KG_FOCAL, country: 'KZ' }))).toEqual([
      ['PARTNER_DECLINED', 'PARTNER_RESPONDED', 'Joint training', false],
    ]);
    expect(everything(SECRETARIAT)).toEqual([]);
  });

  it('shows a notification only while the viewer may see its item', () => {
    expect(summary(everything(UA))).toEqual([
      ['PROPOSAL_SUBMITTED', 'WATCHED_ITEM', 'Joint training', false],
      ['PARTNER_DECLINED', 'WATCHED_ITEM', 'Joint training', false],
      ['PARTNER_JOINED', 'WATCHED_ITEM', 'Joint training', false],
    ]);
    expect(readModel.unreadNotificationCount(UA)).toBe(3);
  });

  it('pages by keyset without overlap, and replays oldest first after a cursor', () => {
    const pages = [readModel.notifications(KZ_FOCAL_2, { first: 2 })];
    pages.push(readModel.notifications(KZ_FOCAL_2, { first: 2, after: pages[0]?.pageInfo.endCursor }));
    expect(pages.map((page) => [page.edges.length, page.pageInfo.hasNextPage])).toEqual([
      [2, true],
      [1, false],
    ]);
    const newestFirst = everything(KZ_FOCAL_2);
    expect(pages.flatMap((page) => page.edges.map((edge) => edge.node.id))).toEqual(newestFirst.map((node) => node.id));
    expect(new Set(newestFirst.map((node) => node.id)).size).toBe(3);
    const oldest = newestFirst.at(-1);
    expect(readModel.notificationsAfter(KZ_FOCAL_2, oldest?.cursor ?? null, 10).map((node) => node.id)).toEqual(
      newestFirst
        .slice(0, 2)
        .reverse()
        .map((node) => node.id),
    );
    expect(readModel.notificationsAfter(KZ_FOCAL_2, null, 1).map((node) => node.id)).toEqual([oldest?.id]);
  });

  it('takes only its own cursors', () => {
    const [feedEntry] = readModel.feedAfter(SECRETARIAT, {}, null, 1);
    expect(() => readModel.notifications(KZ_FOCAL, { after: feedEntry?.cursor })).toThrow(InvalidCursor);
    const [notification] = everything(KZ_FOCAL);
    expect(readModel.notifyingEventOf(notification?.cursor ?? '', 'upTo')).toBe(notification?.eventId);
    const [, older] = everything(KZ_FOCAL);
    const forged = Buffer.from(JSON.stringify(['notification', older?.position, notification?.eventId])).toString(
      'base64url',
    );
    expect(() => readModel.notifyingEventOf(forged, 'upTo')).toThrow(InvalidCursor);
  });

  describe('read marks', () => {
    it('read up to a notification, count the rest unread, and filter them', async () => {
      const [newest, older] = everything(KZ_FOCAL_2);
      await harness.markRead(KZ_FOCAL_2, older?.eventId ?? null);
      await harness.caughtUp(projector);
      expect(summary(everything(KZ_FOCAL_2))).toEqual([
        ['PROPOSAL_SUBMITTED', 'WATCHED_ITEM', 'Joint training', false],
        ['PARTNER_DECLINED', 'PARTNER_RESPONDED', 'Joint training', true],
        ['PARTNER_JOINED', 'PARTNER_RESPONDED', 'Joint training', true],
      ]);
      expect(readModel.unreadNotificationCount(KZ_FOCAL_2)).toBe(1);
      expect(everything(KZ_FOCAL_2, { unreadOnly: true }).map((node) => node.id)).toEqual([newest?.id]);
      // Another focal point of the same country keeps their own marks.
      expect(readModel.unreadNotificationCount(KZ_FOCAL)).toBe(2);
    });

    it('read everything so far without a cursor', async () => {
      await harness.markRead(KZ_FOCAL, null);
      await harness.caughtUp(projector);
      expect(readModel.unreadNotificationCount(KZ_FOCAL)).toBe(0);
      expect(everything(KZ_FOCAL).map((node) => node.read)).toEqual([true, true]);
    });
  });

  it('come back the same from a read model rebuilt from the log', async () => {
    const viewers = [KZ_FOCAL, KZ_FOCAL_2, KG_FOCAL, UA, KG];
    const before = viewers.map((viewer) => [everything(viewer), readModel.unreadNotificationCount(viewer)]);
    await harness.closeReadModels();
    rmSync(harness.readModelFile);
    ({ readModel } = await harness.openCaughtUp());
    expect(viewers.map((viewer) => [everything(viewer), readModel.unreadNotificationCount(viewer)])).toEqual(before);
  });
});
