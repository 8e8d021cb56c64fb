import { z } from 'zod';
import { HoaxLabel, PublicationChannel, type CaseState } from '../domain';

/**
 * What a public reporter may see about their complaint. Anyone can send a complaint about any URL,
 * including the author of the content, so until the case has a public outcome (a published
 * clarification or public response) the page says only "received" (open) or "handled" (closed):
 * no verification stage, no takedown, no police. Built field by field from the case state (never by
 * copying and deleting), so nothing about officers, other reporters, evidence or internal notes can
 * slip through when the state grows.
 */
export const PUBLIC_STAGES = ['received', 'handled'] as const;
export type PublicStage = (typeof PUBLIC_STAGES)[number];

export const PublicProgress = z
  .object({
    trackingCode: z.string(),
    submittedAt: z.string(),
    stage: z.enum(PUBLIC_STAGES),
    stageLabel: z.string(),
    /** Only once something about the case is published: the outcome is public by then. */
    outcome: z
      .object({
        result: z.enum(['no_violation', 'actioned', 'withdrawn']),
        resultLabel: z.string(),
        hoaxLabel: HoaxLabel.optional(),
      })
      .optional(),
    /** Published clarifications and responses (public links). */
    publications: z.array(
      z.object({ channel: PublicationChannel, url: z.string(), publishedAt: z.string() }),
    ),
  })
  .meta({ id: 'PublicProgress' });
export type PublicProgress = z.infer<typeof PublicProgress>;

const STAGE_LABELS: Record<PublicStage, string> = {
  received: 'Aduan diterima',
  handled: 'Aduan telah ditangani',
};

const RESULT_LABELS = {
  no_violation: 'Tidak ditemukan pelanggaran',
  actioned: 'Ditindaklanjuti',
  withdrawn: 'Ditutup',
} as const;

export function publicProgress(state: CaseState, trackingCode: string, submittedAt: string): PublicProgress {
  const stage: PublicStage = state.stage === 'closed' || state.stage === 'withdrawn' ? 'handled' : 'received';
  const publications = [state.tracks.clarification, state.tracks.response].flatMap((track) =>
    track?.status === 'published' && track.publication
      ? track.publication.publications.map(({ channel, url, publishedAt }) => ({ channel, url, publishedAt }))
      : [],
  );
  const progress: PublicProgress = {
    trackingCode,
    submittedAt,
    stage,
    stageLabel: STAGE_LABELS[stage],
    publications,
  };
  const resolution = state.outcome?.resolution;
  if (resolution && publications.length > 0) {
    const verdict = state.verdict?.verdict;
    const clarificationPublished = state.tracks.clarification?.status === 'published';
    const hoaxLabel = clarificationPublished && verdict?.kind === 'hoax' ? verdict.label : undefined;
    progress.outcome = {
      result: resolution,
      resultLabel: RESULT_LABELS[resolution],
      ...(hoaxLabel ? { hoaxLabel } : {}),
    };
  }
  return progress;
}
