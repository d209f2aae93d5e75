import type { EventStore, RecordedEvent } from '../event-store.port.js';

export interface SubscriptionHooks {
  /** Awaited before each read of the next event, with how many the subscription has delivered so far. */
  beforeNext?(delivered: number): Promise<void> | void;
  /** Called with each event as it is delivered, and how many have been delivered with it. */
  onEvent?(event: RecordedEvent, delivered: number): void;
}

/**
 * The store as it is, except that each of its subscriptions runs the hooks:
 * a test can watch what a subscriber reads, or hold it at a point of its
 * catch-up, on a real store.
 */
export function withSubscriptionHooks(store: EventStore, hooks: SubscriptionHooks): EventStore {
  return {
    append: (...args) => store.append(...args),
    readStream: (...args) => store.readStream(...args),
    readAll: (...args) => store.readAll(...args),
    ping: () => store.ping(),
    close: () => store.close(),
    subscribeToAll: (options) => ({
      [Symbol.asyncIterator]: () => {
        const inner = store.subscribeToAll(options)[Symbol.asyncIterator]();
        let delivered = 0;
        return {
          async next() {
            await hooks.beforeNext?.(delivered);
            const result = await inner.next();
            if (result.done === true) return result;
            delivered += 1;
            hooks.onEvent?.(result.value, delivered);
            return result;
          },
          return: async () => (await inner.return?.()) ?? { done: true, value: undefined },
        };
      },
    }),
  };
}
