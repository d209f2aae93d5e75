export { FeedBus, type FeedBusOptions } from './feed-bus.js';
export { LiveFeed, ResumeRequired } from './live-feed.js';
