import { practiceAggregate, proposalAggregate } from '@coop/domain';
import type { NotificationView } from '../read-model.types.js';
import { focalPointOf, participantOf, ReadModelHarness } from '../testing/read-model.fixtures.js';
import type { LiveFeed } from './live-feed.js';
import { NotificationBus } from './notification-bus.js';

const KZ_FOCAL = focalPointOf('KZ');
const KZ_FOCAL_2 = focalPointOf('KZ', 'focal-point-kz-2');
const KG_FOCAL = focalPointOf('KG');
const KG = participantOf('KG');
const KZ = participantOf('KZ');
const UA = participantOf('UA');

let harness: ReadModelHarness;

beforeEach(() => {
  harness = new ReadModelHarness();
});

afterEach(() => harness.dispose());

async function liveBus() {
  const opened = await harness.openCaughtUp();
  const bus = new NotificationBus(opened.readModel, { queueLimit: 16 });
  bus.attach(opened.projector);
  return { ...opened, bus };
}

/** What the feed holds right now, as [activity, reason]. */
function drain(feed: LiveFeed<NotificationView>): [string, string][] {
  const taken: [string, string][] = [];
  for (let next = feed.pull(); next !== null; next = feed.pull()) taken.push([next.entry.activity, next.reason]);
  return taken;
}

describe('NotificationBus', () => {
  it("delivers a group's notification to its members as it is committed, and to nobody else", async () => {
    const { bus, projector } = await liveBus();
    const focalPoint = bus.subscribe(KG_FOCAL, null);
    const participant = bus.subscribe(KG, null);
    const author = bus.subscribe(KZ_FOCAL, null);
    await harness.propose(KZ_FOCAL, { title: 'Invitation', partnerCountries: ['KG'] });
    await harness.caughtUp(projector);

    expect(drain(focalPoint)).toEqual([['PROPOSAL_CREATED', 'PARTNER_INVITATION']]);
    expect(drain(participant)).toEqual([]);
    expect(drain(author)).toEqual([]);
  });

  it('gives one notification per event with the reason that takes precedence, never of the viewer’s own act', async () => {
    const { bus, projector } = await liveBus();
    const proposal = await harness.propose(KZ_FOCAL, { title: 'Watched', partnerCountries: ['KG'] });
    await harness.watch(KZ_FOCAL_2, proposal, 'PROPOSAL');
    await harness.caughtUp(projector);
    const watcher = bus.subscribe(KZ_FOCAL_2, null);
    // Someone who answered for KG and whose token now says KZ.
    const actorNowInTheGroup = bus.subscribe({ ...KG_FOCAL, country: 'KZ' }, null);
    await harness.run(proposalAggregate, KG_FOCAL, { type: 'RespondToInvitation', proposalId: proposal, accept: true });
    await harness.caughtUp(projector);

    expect(drain(watcher)).toEqual([['PARTNER_JOINED', 'PARTNER_RESPONDED']]);
    expect(drain(actorNowInTheGroup)).toEqual([]);
  });

  it('delivers nothing about an item the viewer may not see', async () => {
    const { bus, projector } = await liveBus();
    const restricted = await harness.share(KZ, {
      title: 'For Kazakhstan only',
      audience: { scope: 'COUNTRIES', countries: ['KZ'] },
    });
    await harness.watch(UA, restricted, 'PRACTICE');
    await harness.watch(KZ_FOCAL, restricted, 'PRACTICE');
    const ua = bus.subscribe(UA, null);
    const kz = bus.subscribe(KZ_FOCAL, null);
    await harness.run(practiceAggregate, KZ, {
      type: 'RevisePractice',
      practiceId: restricted,
      expectedVersion: 1,
      title: 'For Kazakhstan only, revised',
    });
    await harness.caughtUp(projector);

    expect(drain(ua)).toEqual([]);
    expect(drain(kz)).toEqual([['PRACTICE_REVISED', 'WATCHED_ITEM']]);
  });

  it('replays after `since`, then goes live, without a duplicate where the two overlap', async () => {
    const { bus, projector, readModel } = await liveBus();
    for (const title of ['First', 'Second']) await harness.propose(KZ_FOCAL, { title, partnerCountries: ['KG'] });
    await harness.caughtUp(projector);
    const [since] = readModel.notificationsAfter(KG_FOCAL, null, 1);
    const feed = bus.subscribe(KG_FOCAL, since?.cursor ?? null);
    // Committed after the subscription and before the replay reads: both in the read model and in the buffer.
    await harness.propose(KZ_FOCAL, { title: 'Third', partnerCountries: ['KG'] });
    await harness.caughtUp(projector);

    const titles: string[] = [];
    for (let next = feed.pull(); next !== null; next = feed.pull()) titles.push(next.entry.item.state.title);
    expect(titles).toEqual(['Second', 'Third']);
  });
});
