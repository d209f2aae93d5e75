import type { RecordedEvent } from '../event-store.port.js';
import { AppendLoopProcess } from '../testing/append-loop.process.js';
import { sqliteConformanceTarget } from './testing/sqlite-event-store.conformance-target.js';

const STREAMS = ['crash-0', 'crash-1', 'crash-2'];

describe('SqliteEventStore after the writing process is killed', () => {
  it.each([1, 2, 3, 4, 5])(
    'keeps every acknowledged append whole and no append in part (round %i)',
    async () => {
      const storage = await sqliteConformanceTarget.createStorage();
      try {
        const writer = AppendLoopProcess.start({
          open: storage.childOpenSpec,
          streams: STREAMS,
          maxEventsPerAppend: 20,
          writer: 'crash',
        });
        await writer.waitForAcks(20 + Math.floor(Math.random() * 300));
        // Killing right on an ack would hit the same point of the child's loop each time; an
        // append takes well under a millisecond, so a random wait of a few puts the kill anywhere.
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 5));
        await writer.crash();

        const store = await storage.open();
        try {
          const streams = new Map<string, RecordedEvent[]>();
          for (const streamId of STREAMS) streams.set(streamId, await store.readStream(streamId));

          for (const ack of writer.acks) {
            const stream = streams.get(ack.streamId) ?? [];
            const first = ack.nextVersion - ack.ids.length;
            expect(stream.slice(first, ack.nextVersion).map((event) => event.id)).toEqual(ack.ids);
            expect(stream[ack.nextVersion - 1]?.position).toBe(ack.position);
          }

          const appends = new Map<string, RecordedEvent[]>();
          for (const event of [...streams.values()].flat()) {
            const appendId = String(event.metadata['appendId']);
            appends.set(appendId, [...(appends.get(appendId) ?? []), event]);
          }
          for (const events of appends.values()) {
            const size = events[0]?.metadata['appendSize'];
            expect(events.map((event) => event.metadata['index'])).toEqual(
              Array.from({ length: Number(size) }, (_, i) => i),
            );
          }
          // At most the append in flight at the kill is there without its ack.
          expect(appends.size - writer.acks.length).toBeGreaterThanOrEqual(0);
          expect(appends.size - writer.acks.length).toBeLessThanOrEqual(1);
        } finally {
          await store.close();
        }
      } finally {
        await storage.dispose();
      }
    },
    60_000,
  );
});
