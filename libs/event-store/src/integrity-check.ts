import { metadataString } from './event-metadata.js';
import type { EventStore } from './event-store.port.js';
import { verifyChain } from './hash-chain.js';
import { logPages } from './log-pages.js';

export interface IntegrityReport {
  readonly valid: boolean;
  readonly streamsChecked: number;
  readonly eventsChecked: number;
  /** One line per broken link: stream, version, event id and what is wrong. */
  readonly problems: string[];
}

const PAGE = 1_000;
/** A store whose every event is broken should not answer with a million lines. */
const MAX_PROBLEMS = 1_000;

/**
 * Recomputes every stream's hash chain over the whole log, one page of `$all`
 * at a time, keeping only each stream's last version and hash in memory.
 */
export async function checkIntegrity(store: EventStore): Promise<IntegrityReport> {
  const chainEnds = new Map<string, { version: number; hash: string | null }>();
  const problems: string[] = [];
  let eventsChecked = 0;
  for await (const events of logPages(store, PAGE)) {
    for (const event of events) {
      const start = chainEnds.get(event.streamId) ?? { version: 0, hash: null };
      for (const problem of verifyChain([event], start)) {
        if (problems.length < MAX_PROBLEMS) {
          problems.push(`${event.streamId} version ${problem.version} (event ${problem.eventId}): ${problem.problem}`);
        }
      }
      chainEnds.set(event.streamId, { version: event.version, hash: metadataString(event.metadata, 'hash') });
      eventsChecked += 1;
    }
  }
  return { valid: problems.length === 0, streamsChecked: chainEnds.size, eventsChecked, problems };
}
