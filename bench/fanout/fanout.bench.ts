/**
 * "fan-out": deliveries/s of live feed entries to N graphql-ws subscribers
 * over 4 subregions (every one received, in order), divided by a raw `ws`
 * broadcast of the same bytes to the same number of sockets, measured in the
 * same run; append-to-receipt p50/p99; and "memory", the service's resident
 * set with the N subscriptions.
 *
 * The service is the built one, in its own process (bench/support).
 * Two phases, each waiting until every subscriber of an append has it:
 *
 * - burst: each round appends one practice per subregion at once over HTTP,
 *   so every subscriber gets one entry a round; deliveries/s is taken here.
 * - one at a time: one practice after another, subregion by subregion; the
 *   append-to-receipt target is taken here. In a burst every delivery of the
 *   round queues behind the round's other writes, so its p99 is bounded below
 *   by the floor's own burst p99, which is printed beside it.
 *
 * The floor broadcasts the captured messages the same way, phase by phase.
 */
import { type Figure, scenario } from '../support/scenario.js';
import { EVERY_GROUP, floorSide, GROUPS, measureSteps, type Phase, serviceSide, type Side } from './fanout-harness.js';

const RATIO_TARGET = 0.5;
const P99_TARGET_MS = 250;
const RSS_TARGET_MB = 600;

interface Plan {
  readonly subscribers: number;
  readonly rounds: number;
  readonly appends: number;
}

async function phases(side: Side, plan: Plan): Promise<{ burst: Phase; oneAtATime: Phase }> {
  const burst = await measureSteps(side, plan.subscribers, plan.rounds, () => EVERY_GROUP);
  const oneAtATime = await measureSteps(side, plan.subscribers, plan.appends, (index) => [index % GROUPS.length]);
  return { burst, oneAtATime };
}

async function measure(plan: Plan): Promise<Figure[]> {
  const service = await serviceSide(plan.subscribers, true);
  let live;
  try {
    live = await phases(service, plan);
  } finally {
    await service.close();
  }
  const floor = await floorSide(plan.subscribers, service.templates);
  let raw;
  try {
    raw = await phases(floor, plan);
  } finally {
    await floor.close();
  }
  const { lost, outOfOrder } = service.deliveries;
  const latencies = (phase: Phase) => `p50 ${phase.p50} ms, p99 ${phase.p99} ms`;
  return [
    {
      name: `deliveries to ${plan.subscribers} subscribers, bursts of one practice per subregion`,
      value: live.burst.deliveriesPerSecond,
      unit: 'deliveries/s',
      floor: { name: 'raw ws broadcast', value: raw.burst.deliveriesPerSecond },
      targets: [{ on: 'ratio', atLeast: RATIO_TARGET }],
      note: `${plan.rounds} rounds; ${latencies(live.burst)}; floor ${latencies(raw.burst)}`,
    },
    {
      name: 'append-to-receipt p99, one practice at a time',
      value: live.oneAtATime.p99,
      unit: 'ms',
      floor: { name: 'raw ws broadcast p99', value: raw.oneAtATime.p99 },
      targets: [{ on: 'value', atMost: P99_TARGET_MS }],
      note: `${plan.appends} appends; p50 ${live.oneAtATime.p50} ms, floor p50 ${raw.oneAtATime.p50} ms`,
    },
    {
      name: 'deliveries lost or out of order',
      value: lost + outOfOrder,
      unit: 'deliveries',
      targets: [{ on: 'value', atMost: 0 }],
    },
    {
      name: `service RSS with ${plan.subscribers} subscriptions (memory)`,
      value: service.residentMegabytes ?? Number.NaN,
      unit: 'MB',
      targets: [{ on: 'value', atMost: RSS_TARGET_MB }],
      note: `connected and subscribed in ${service.connectSeconds.toFixed(1)} s`,
    },
  ];
}

export const fanout = scenario({
  name: 'fanout',
  summary: 'live deliveries/s and append-to-receipt p99 to graphql-ws subscribers against a raw ws broadcast',
  options: {
    subscribers: { default: 10_000, meaning: 'graphql-ws subscribers (and floor sockets)' },
    rounds: { default: 20, meaning: 'burst rounds, one practice per subregion each' },
    appends: { default: 40, meaning: 'practices appended one at a time' },
  },
  run: (options) => measure({ subscribers: options.subscribers, rounds: options.rounds, appends: options.appends }),
});
