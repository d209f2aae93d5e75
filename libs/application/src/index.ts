export * from './command-handler.js';
export * from './idempotency.js';
