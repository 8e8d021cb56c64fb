import { defineSearchAttributeKey, SearchAttributeType, type SearchAttributePair } from '@temporalio/common';

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

/**
 * The search attributes of a case that has just taken its first detection signal, as the case itself
 * computes them (workflows/case/search-attributes.ts; a unit test holds the two equal). The case client
 * sets them with the start, so a case is listed in intake from the moment it is accepted, even while no
 * worker runs, and its first workflow task has nothing to upsert. Where they differ (a batch with
 * duplicate ids), the case upserts the difference.
 */
export function startSearchAttributes(
  first: { region: string; platform?: string | undefined },
  detectionCount: number,
): SearchAttributePair[] {
  const A = CASE_SEARCH_ATTRIBUTES;
  return [
    { key: A.category, value: 'uncategorized' },
    { key: A.status, value: 'intake' },
    { key: A.priority, value: 'normal' },
    { key: A.region, value: first.region },
    ...(first.platform ? [{ key: A.platforms, value: [first.platform] }] : []),
    { key: A.slaBreached, value: false },
    { key: A.detectionCount, value: detectionCount },
  ];
}
