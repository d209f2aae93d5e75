import { EVERY_GROUP, floorSide, measureOfferedLoad } from './fanout-harness.js';

/** A live feed entry as the service sends it, of which the floor sends copies, each retitled and stamped with its broadcast time. */
const TEMPLATE = JSON.stringify({
  id: 'subscription',
  type: 'next',
  payload: {
    data: { feedUpdated: { occurredAt: '2019-03-14T09:00:00.000Z', item: { title: 'Fan-out #1 in group 0' } } },
  },
});

describe('the fan-out at capacity scenario at a tiny scale (the raw ws floor, 8 sockets)', () => {
  it('offers one entry per step to the next group in turn and waits until every socket of it has the entry', async () => {
    const floor = await floorSide(8, new Map(EVERY_GROUP.map((group) => [group, TEMPLATE])));
    try {
      const warmedUp = floor.deliveries.count;
      const phase = await measureOfferedLoad(floor, 8, 20, 1);
      // 20 entries, each to one group of 2 sockets.
      expect(floor.deliveries.count - warmedUp).toBe(40);
      expect(floor.deliveries.latencies).toHaveLength(40);
      expect(floor.deliveries.lost).toBe(0);
      expect(phase.p99).toBeGreaterThanOrEqual(phase.p50);
    } finally {
      await floor.close();
    }
  });
});
