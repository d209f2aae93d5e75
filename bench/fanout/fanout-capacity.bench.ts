/**
 * "fan-out at capacity": append-to-receipt p99 with N graphql-ws subscribers
 * over 4 subregions while offered about the floor's own capacity (by default
 * 20 practices a second, each to the next subregion in turn, on time whether
 * or not earlier ones have been delivered), divided by the p99 of the raw
 * `ws` floor offered the same load in the same run. Every delivery must
 * arrive; order is the fan-out scenario's check, since concurrent appends to
 * one subregion may commit in either order.
 */
import { type Figure, scenario } from '../support/scenario.js';
import { floorSide, measureOfferedLoad, type Phase, serviceSide } from './fanout-harness.js';

const P99_RATIO_TARGET = 2;

interface Plan {
  readonly subscribers: number;
  readonly perSecond: number;
  readonly seconds: number;
}

async function measure(plan: Plan): Promise<Figure[]> {
  const service = await serviceSide(plan.subscribers, false);
  let live: Phase;
  try {
    console.log(`offering ${plan.perSecond} practices/s for ${plan.seconds} s…`);
    live = await measureOfferedLoad(service, plan.subscribers, plan.perSecond, plan.seconds);
  } finally {
    await service.close();
  }
  const floor = await floorSide(plan.subscribers, service.templates);
  let raw: Phase;
  try {
    raw = await measureOfferedLoad(floor, plan.subscribers, plan.perSecond, plan.seconds);
  } finally {
    await floor.close();
  }
  return [
    {
      name: `append-to-receipt p99, ${plan.subscribers} subscribers offered ${plan.perSecond} practices/s`,
      value: live.p99,
      unit: 'ms',
      floor: { name: 'raw ws broadcast p99, same load', value: raw.p99 },
      targets: [{ on: 'ratio', atMost: P99_RATIO_TARGET }],
      note:
        `p50 ${live.p50} ms, floor p50 ${raw.p50} ms; ` +
        `${Math.round(live.deliveriesPerSecond)} deliveries/s, floor ${Math.round(raw.deliveriesPerSecond)}`,
    },
    {
      name: 'deliveries lost at capacity',
      value: service.deliveries.lost,
      unit: 'deliveries',
      targets: [{ on: 'value', atMost: 0 }],
    },
  ];
}

export const fanoutCapacity = scenario({
  name: 'fanout-capacity',
  summary: 'append-to-receipt p99 at about the raw ws floor capacity, against the floor p99 at the same load',
  options: {
    subscribers: { default: 10_000, meaning: 'graphql-ws subscribers (and floor sockets)' },
    rate: { default: 20, meaning: 'practices offered a second, each to one subregion' },
    'capacity-seconds': { default: 20, meaning: 'how long the load is offered' },
  },
  run: (options) =>
    measure({ subscribers: options.subscribers, perSecond: options.rate, seconds: options['capacity-seconds'] }),
});
