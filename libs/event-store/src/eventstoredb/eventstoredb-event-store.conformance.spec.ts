import { describeEventStoreConformance } from '../testing/event-store.conformance.js';
import { eventStoreDbDoubleTarget } from './testing/eventstoredb-event-store.conformance-target.js';

describeEventStoreConformance(eventStoreDbDoubleTarget);
