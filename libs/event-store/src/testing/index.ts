export * from './conformance-target.js';
export { describeEventStoreConformance } from './event-store.conformance.js';
export { checkEventStoreAgainstModel, type ModelCheckOptions } from './event-store.model-check.js';
export { EventStoreModel, type ModelEvent, type ModelOutcome, type ModelRecord } from './event-store.model.js';
export { AppendLoopProcess, type AppendLoopAck, type AppendLoopSpec } from './append-loop.process.js';
export { withSubscriptionHooks, type SubscriptionHooks } from './subscription-hooks.js';
export { appendChainedLog, type ChainedLogOptions } from './chained-log.js';
