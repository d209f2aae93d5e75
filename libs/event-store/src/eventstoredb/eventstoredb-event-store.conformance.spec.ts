import { describeEventStoreConformance } from '../testing/event-store.conformance.js';
import { checkEventStoreAgainstModel } from '../testing/event-store.model-check.js';
import { eventStoreDbDoubleTarget } from './testing/eventstoredb-event-store.conformance-target.js';

describeEventStoreConformance(eventStoreDbDoubleTarget);

describe('EventStoreDbEventStore over the double against the model of the port', () => {
  it('gives the outcomes and final state the rules give, for random append sequences', async () => {
    // EventStoreDB keeps no index of event ids, so an id reused elsewhere is stored.
    await checkEventStoreAgainstModel(eventStoreDbDoubleTarget, {
      refusesReusedIds: false,
      parameters: { numRuns: 40 },
    });
  }, 60_000);
});
