import type { CommandHandler } from '@coop/application';
import type { EventStore, Position } from '@coop/event-store';
import type { DemoAct } from './demo-act.js';
import { PROGRAMME_DEMO } from './programme-demo.js';

/**
 * What a store holds of the demo:
 * - `empty`: no event of the service at all;
 * - `unfinished`: its first act but not its last (a first start stopped while recording it);
 * - `complete`: its last act;
 * - `absent`: events of the service, none of them the demo's.
 */
export type DemoState = 'empty' | 'unfinished' | 'complete' | 'absent';

export interface DemoRecording {
  /** Acts written by this run; the others were recorded before. */
  readonly actsRecorded: number;
  readonly actsInDemo: number;
  /** Of the last event written by this run; null when it wrote nothing. */
  readonly lastPosition: Position | null;
}

async function isRecorded(store: EventStore, act: DemoAct): Promise<boolean> {
  const stream = await store.readStream(act.streamId);
  return stream.some((event) => event.metadata['correlationId'] === act.correlationId);
}

export async function demoState(store: EventStore, acts: readonly DemoAct[] = PROGRAMME_DEMO): Promise<DemoState> {
  const first = acts[0];
  const last = acts.at(-1);
  if ((await store.readAll({ limit: 1 })).length === 0) return 'empty';
  if (first === undefined || last === undefined) return 'absent';
  if (await isRecorded(store, last)) return 'complete';
  return (await isRecorded(store, first)) ? 'unfinished' : 'absent';
}

/**
 * Records the acts not recorded yet, in order, each through the command
 * handler as its participant at its own instant. Run again, it writes only
 * what is missing: an act found in its stream is skipped, and one written
 * meanwhile by another run is answered by its idempotency key.
 */
export async function recordDemo(
  store: EventStore,
  handler: CommandHandler,
  acts: readonly DemoAct[] = PROGRAMME_DEMO,
): Promise<DemoRecording> {
  let actsRecorded = 0;
  let lastPosition: Position | null = null;
  for (const act of acts) {
    if (await isRecorded(store, act)) continue;
    const { position } = await act.record(handler);
    if (position === null) throw new Error(`Demo act ${act.key} was decided to record nothing`);
    actsRecorded += 1;
    lastPosition = position;
  }
  return { actsRecorded, actsInDemo: acts.length, lastPosition };
}
