// The health stage: how each feed is doing, from the config and what the store recorded (no network).
export { assessFeeds } from './assess.ts';
export type { FetchHistoryRecordLike, HealthInput } from './assess.ts';
export { advertisedFeedsOf } from './advertised.ts';
export { healthLines, statusLabel, summaryLine, toHealthReport, HEALTH_REPORT_VERSION } from './format.ts';
export type { HealthReport, HealthReportFeed } from './format.ts';
export { DEFAULT_ACTIVITY_THRESHOLD, defaultHealthSettings, healthSettingsOf, hiddenByPolicy } from './policy.ts';
export { healthStatuses, parseStatusList } from './statuses.ts';
