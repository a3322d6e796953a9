// The notify stage: what the pipeline, the daemon and the CLI use.
export { signBody, verifySignature } from './sign.js';
export type {
  OutboxEvent, EventSource, EventChange, ChangeEvent, FailingEvent, RecoveredEvent, DiscoveredEvent, TestEvent,
} from './outbox-event.js';
export { changeUrl } from './outbox-event.js';
export { summarizeFactChanges, describeFactChange, formatFactValue } from './summarize-fact-changes.js';
export { describeEvent } from './describe-event.js';
export type { PayloadFormat, FormatName } from './payload-format.js';
export { FORMATS, FormatRegistry, renderBody } from './formats.js';
export { backoffDelayMs } from './backoff.js';
export type { BackoffOptions } from './backoff.js';
export { redactUrl } from './redact-url.js';
export type { OutboxDb } from './outbox-db.js';
export {
  enqueueEvent, drainOutbox, retryFailed, listDeliveries, countDeliveries, nextDueAt,
} from './outbox.js';
export type {
  DeliveryRecord, ListDeliveriesOptions, RetryFailedOptions, DrainOutboxOptions, DrainResult, NotifyLogger,
} from './outbox.js';
export { sendTestEvent } from './send-test-event.js';
export type { SendTestEventOptions, TestEventResult } from './send-test-event.js';
export type { FetchImpl, PostResult } from './post-webhook.js';
