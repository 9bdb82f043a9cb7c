export { DEFAULT_QUEUE_NAME, DEFAULT_QUEUE_PREFIX, checkReachable, parseQueueUrl, redisOptions, type QueueTarget } from './connection.js';
export { startConsumer, type Consumer, type ConsumerEvent, type ConsumerOptions, type ConsumerSummary } from './consume.js';
export { DEFAULT_ATTEMPTS, DEFAULT_BACKOFF_MS, enqueueInputs, type EnqueueOptions, type EnqueueSummary } from './enqueue.js';
export { isPermanent, failedReasonOf, parseFailedReason } from './failure.js';
export { JOB_SCHEMA, JobDataSchema, articleSourceOf, jobIdFor, parseJobData, toJobData, type JobData, type LinkLike } from './job-data.js';
export { cleanQueue, obliterateQueue, queueStatus, retryFailed, type DeadLetter, type QueueStatus, type StatusOptions } from './status.js';
