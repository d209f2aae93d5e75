import { proposalAggregate } from '@coop/domain';
import type { FeedEntryView } from '../read-model.types.js';
import { focalPointOf, participantOf, ReadModelHarness, SECRETARIAT } from '../testing/read-model.fixtures.js';
import { FeedBus } from './feed-bus.js';
import { ResumeRequired } from './live-feed.js';

const KZ = participantOf('KZ');
const KG = participantOf('KG');
const RS = participantOf('RS');

let harness: ReadModelHarness;

beforeEach(() => {
  harness = new ReadModelHarness();
});

afterEach(() => harness.dispose());

/** A bus fed by a running projector, as in the service. */
async function liveBus(queueLimit = 16) {
  const opened = await harness.openCaughtUp();
  const bus = new FeedBus(opened.readModel, { queueLimit });
  bus.attach(opened.projector);
  return { ...opened, bus };
}

const titles = (entries: readonly (FeedEntryView | null)[]) => entries.map((entry) => entry?.item.state.title ?? null);

describe('LiveFeed', () => {
  it('hands out what it is offered, filtered by subregion and visibility, and wakes the waiting consumer', async () => {
    const { bus, projector } = await liveBus();
    const feed = bus.subscribe(KG, { subregion: 'CENTRAL_ASIA' }, null);
    let wakes = 0;
    feed.whenReadable(() => (wakes += 1));

    await harness.share(KZ, { title: 'For Kazakhstan only', audience: { scope: 'COUNTRIES', countries: ['KZ'] } });
    await harness.share(KZ, { title: 'For the network' });
    await harness.share(RS, { title: 'Another subregion' });
    await harness.caughtUp(projector);

    expect(wakes).toBe(1);
    expect(titles([feed.pull(), feed.pull()])).toEqual(['For the network', null]);
    expect(feed.ending).toBeNull();
  });

  it('reaches a country invited to a proposal from its invitation on, in its own feed and its subregion', async () => {
    const { bus, projector } = await liveBus();
    const md = participantOf('MD');
    const everything = bus.subscribe(md, {}, null);
    const easternEurope = bus.subscribe(md, { subregion: 'EASTERN_EUROPE' }, null);
    const lead = focalPointOf('KZ');
    const proposalId = await harness.propose(lead, {
      title: 'Tailings safety',
      partnerCountries: ['KG'],
      audience: { scope: 'COUNTRIES', countries: ['UZ'] },
    });
    await harness.run(proposalAggregate, lead, { type: 'InvitePartner', proposalId, country: 'MD' });
    await harness.run(proposalAggregate, focalPointOf('MD'), {
      type: 'RespondToInvitation',
      proposalId,
      accept: false,
    });
    await harness.caughtUp(projector);

    for (const feed of [everything, easternEurope]) {
      expect([feed.pull(), feed.pull(), feed.pull()].map((entry) => entry?.activity ?? null)).toEqual([
        'PARTNER_INVITED',
        'PARTNER_DECLINED',
        null,
      ]);
    }
  });

  it('replays after `since`, then goes live, without a duplicate where the two overlap', async () => {
    const { bus, projector, readModel } = await liveBus();
    await harness.share(KZ, { title: 'Before since' });
    await harness.share(KZ, { title: 'Replayed' });
    await harness.caughtUp(projector);
    const [since] = readModel.feedAfter(SECRETARIAT, {}, null, 1);
    const feed = bus.subscribe(SECRETARIAT, {}, since?.cursor ?? null);
    // Committed after the subscription and before the replay reads: both in the read model and in the buffer.
    await harness.share(KZ, { title: 'Live' });
    await harness.caughtUp(projector);

    const entries = [feed.pull(), feed.pull(), feed.pull()];
    expect(titles(entries)).toEqual(['Replayed', 'Live', null]);
  });

  it('ends a consumer that lets its queue overflow with RESUME_REQUIRED at the last entry it took', async () => {
    const { bus, projector } = await liveBus(2);
    const feed = bus.subscribe(SECRETARIAT, {}, null);
    await harness.share(KZ, { title: 'Taken' });
    await harness.caughtUp(projector);
    const taken = feed.pull();
    for (const title of ['Queued 1', 'Queued 2', 'Overflowing']) await harness.share(KZ, { title });
    await harness.caughtUp(projector);

    expect(feed.pull()).toBeNull();
    expect(feed.ending).toEqual(expect.any(ResumeRequired));
    expect((feed.ending as ResumeRequired).cursor).toBe(taken?.cursor);
    expect(bus.subscriberCount).toBe(0);
  });

  it('is an async iterator: next waits for an entry, then throws RESUME_REQUIRED once and is done', async () => {
    const { bus, projector } = await liveBus();
    const feed = bus.subscribe(SECRETARIAT, {}, null);
    const first = feed.next();
    await harness.share(KZ, { title: 'Awaited' });
    await harness.caughtUp(projector);
    const { value } = await first;

    feed.end('draining');
    await expect(feed.next()).rejects.toEqual(
      expect.objectContaining({ code: 'RESUME_REQUIRED', cursor: value?.cursor }),
    );
    expect(await feed.next()).toEqual({ value: undefined, done: true });
    expect(titles([value ?? null])).toEqual(['Awaited']);
  });

  it('after return, takes nothing more and leaves the bus', async () => {
    const { bus, projector } = await liveBus();
    const feed = bus.subscribe(SECRETARIAT, {}, null);
    let woken = false;
    feed.whenReadable(() => (woken = true));
    await feed.return();
    await harness.share(KZ, { title: 'After return' });
    await harness.caughtUp(projector);

    expect(woken).toBe(true);
    expect(feed.pull()).toBeNull();
    expect(feed.ending).toBe('done');
    expect(bus.subscriberCount).toBe(0);
  });

  it('once the bus is drained, comes already ended at its since, and the feeds before it at their last entry', async () => {
    const { bus, projector, readModel } = await liveBus();
    const before = bus.subscribe(SECRETARIAT, {}, null);
    await harness.share(KZ, { title: 'Taken before the drain' });
    await harness.caughtUp(projector);
    const taken = before.pull();
    const [since] = readModel.feedAfter(SECRETARIAT, {}, null, 1);

    bus.drain('shutting down');
    const after = bus.subscribe(SECRETARIAT, {}, since?.cursor ?? null);

    expect(before.ending).toEqual(expect.objectContaining({ code: 'RESUME_REQUIRED', cursor: taken?.cursor }));
    expect(after.ending).toEqual(expect.objectContaining({ code: 'RESUME_REQUIRED', cursor: since?.cursor }));
    expect(after.pull()).toBeNull();
    expect(bus.subscriberCount).toBe(0);
  });
});
