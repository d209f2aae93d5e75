export { FeedBus, type FeedBusOptions } from './feed-bus.js';
export { NotificationBus, type NotificationBusOptions } from './notification-bus.js';
export { type LiveEntry, LiveFeed, type LiveSource, type LiveStream, ResumeRequired } from './live-feed.js';
