import type { CaseFacts, CaseState } from '../domain';

/**
 * The facts a report needs from one case state (small: a few hundred bytes a case, so a day of
 * ~14,000 cases is a few MB of NDJSON). Every fact keeps the time it happened, so a report counts
 * each event in the period it happened in, whatever day the state was read.
 */
export function factsOfCase(state: CaseState, asOf: Date): CaseFacts {
  const firstSource =
    state.detections.sample[0]?.source ??
    (Object.entries(state.detections.bySource).sort(([, a], [, b]) => (b ?? 0) - (a ?? 0))[0]?.[0] as
      CaseFacts['source'] | undefined);
  const verdict = state.verdict;
  const clarification = state.tracks.clarification;
  const published = clarification?.status === 'published' ? clarification.publication : undefined;
  const firstPublished = published?.publications.map((item) => item.publishedAt).sort()[0];
  return {
    caseId: state.caseId,
    asOf: asOf.toISOString(),
    openedAt: state.openedAt,
    ...(state.outcome ? { closedAt: state.outcome.closedAt, resolution: state.outcome.resolution } : {}),
    category: state.category ?? 'uncategorized',
    platform: state.subject.platform ?? 'none',
    region: state.region,
    source: firstSource ?? 'unknown',
    priority: state.priority,
    contentType: state.subject.url
      ? 'url'
      : state.subject.textExcerpt !== undefined
        ? 'text'
        : 'content_hash',
    ...(state.subject.url ? { url: state.subject.url } : {}),
    classified: state.classification !== undefined,
    ...(verdict
      ? {
          verdict: {
            kind: verdict.verdict.kind,
            at: verdict.at,
            ...(verdict.verdict.kind === 'hoax' ? { label: verdict.verdict.label } : {}),
            reasons: verdict.verdict.reasons,
          },
        }
      : {}),
    deadlines: state.deadlines.map((deadline) => ({
      sla: deadline.sla,
      startedAt: deadline.startedAt,
      dueAt: deadline.dueAt,
      ...(deadline.breachedAt ? { breachedAt: deadline.breachedAt } : {}),
      ...(deadline.closedAt ? { closedAt: deadline.closedAt } : {}),
      ...(deadline.closedHow ? { closedHow: deadline.closedHow } : {}),
    })),
    takedowns: state.tracks.takedowns.map((track) => {
      const requestedAt = state.deadlines
        .filter((deadline) => deadline.id.startsWith(`takedown_compliance:${track.key}:`))
        .map((deadline) => deadline.startedAt)
        .sort()[0];
      return {
        key: track.key,
        platform: track.platform,
        url: track.url,
        ...(requestedAt ? { requestedAt } : {}),
        ...(track.result ? { result: track.result, finishedAt: track.updatedAt } : {}),
        ...(track.level ? { level: track.level } : {}),
      };
    }),
    ...(clarification?.draft && firstPublished
      ? {
          clarification: {
            pillar: clarification.draft.pillar,
            title: clarification.draft.title,
            ...(clarification.draft.label ? { label: clarification.draft.label } : {}),
            publishedAt: firstPublished,
            urls: published.publications.map((item) => item.url),
          },
        }
      : {}),
  };
}
