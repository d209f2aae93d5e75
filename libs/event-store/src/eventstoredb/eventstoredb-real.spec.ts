import { describeEventStoreConformance } from '../testing/event-store.conformance.js';
import { eventStoreDbServerTarget } from './testing/eventstoredb-event-store.conformance-target.js';

const connectionString = process.env['EVENTSTORE_CONNECTION_STRING'];

// Runs only against a real server, which CI does not have (no Docker): e.g.
// EVENTSTORE_CONNECTION_STRING='esdb://localhost:2113?tls=false' with the
// server's MaxAppendSize raised to 8 MiB. Without the variable Jest lists
// these tests as skipped; the same suite runs over the double in
// eventstoredb-event-store.conformance.spec.ts either way.
const describeIfServer = connectionString === undefined ? describe.skip : describe;

describeIfServer('EventStoreDbEventStore on the server at EVENTSTORE_CONNECTION_STRING', () => {
  describeEventStoreConformance(eventStoreDbServerTarget(connectionString ?? ''));
});
