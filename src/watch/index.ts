export { formatDuration, parseDuration } from './duration.js';
export { feedDocumentSources, type KeyedSource } from './feed-items.js';
export { createHostGate, type HostGate } from './host-gate.js';
export { pollFeed, type PollContext, type PollOutcome, type PollResult } from './poll.js';
export { createRobots, ROBOTS_AGENT, type RobotsCache, type RobotsOptions, type RobotsVerdict } from './robots.js';
export { firstPollDelay, jittered, nextPollDelay, type Random, type Schedule } from './schedule.js';
export type { Delivered, ItemSink, WatchSource } from './sink.js';
export { createPoliteness, runWatch, type WatchOptions, type WatchSummary } from './watch.js';
