import { checkEventStoreAgainstModel } from '../testing/event-store.model-check.js';
import { sqliteConformanceTarget } from './testing/sqlite-event-store.conformance-target.js';

describe('SqliteEventStore against the model of the port', () => {
  it('gives the outcomes and final state the rules give, for random append sequences', async () => {
    await checkEventStoreAgainstModel(sqliteConformanceTarget, { refusesReusedIds: true, parameters: { numRuns: 60 } });
  }, 60_000);
});
