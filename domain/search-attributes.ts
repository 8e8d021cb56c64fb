import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

/**
 * Custom search attributes every case keeps current, so case lists, queues and dashboards are plain
 * visibility queries (e.g. `SaringStatus = "verifying" AND SaringSlaBreached = true`).
 * The local dev server registers these at start; in the cloud, infra registers them on the namespace.
 */
export const CASE_SEARCH_ATTRIBUTES = {
  category: defineSearchAttributeKey('SaringCategory', SearchAttributeType.KEYWORD),
  status: defineSearchAttributeKey('SaringStatus', SearchAttributeType.KEYWORD),
  priority: defineSearchAttributeKey('SaringPriority', SearchAttributeType.KEYWORD),
  region: defineSearchAttributeKey('SaringRegion', SearchAttributeType.KEYWORD),
  platforms: defineSearchAttributeKey('SaringPlatforms', SearchAttributeType.KEYWORD_LIST),
  assignee: defineSearchAttributeKey('SaringAssignee', SearchAttributeType.KEYWORD),
  nextDeadline: defineSearchAttributeKey('SaringNextDeadline', SearchAttributeType.DATETIME),
  slaBreached: defineSearchAttributeKey('SaringSlaBreached', SearchAttributeType.BOOL),
  detectionCount: defineSearchAttributeKey('SaringDetectionCount', SearchAttributeType.INT),
} as const;

/** Server-side type names, as `temporal server start-dev --search-attribute Name=Type` takes them. */
const CLI_TYPE_NAMES: Record<SearchAttributeType, string> = {
  [SearchAttributeType.TEXT]: 'Text',
  [SearchAttributeType.KEYWORD]: 'Keyword',
  [SearchAttributeType.INT]: 'Int',
  [SearchAttributeType.DOUBLE]: 'Double',
  [SearchAttributeType.BOOL]: 'Bool',
  [SearchAttributeType.DATETIME]: 'Datetime',
  [SearchAttributeType.KEYWORD_LIST]: 'KeywordList',
};

/** [name, server-side type] of every case search attribute, as `temporal operator search-attribute create` takes them. */
export function caseSearchAttributeTypes(): [string, string][] {
  return Object.values(CASE_SEARCH_ATTRIBUTES).map((key) => [key.name, CLI_TYPE_NAMES[key.type]]);
}

export function searchAttributeCliArgs(): string[] {
  return Object.values(CASE_SEARCH_ATTRIBUTES).flatMap((key) => [
    '--search-attribute',
    `${key.name}=${CLI_TYPE_NAMES[key.type]}`,
  ]);
}
