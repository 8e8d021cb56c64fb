import { z } from 'zod';
import { HoaxLabel, PublicationChannel, type CaseStage, type CaseState } from '../domain';

/**
 * What a public reporter may see about their complaint: where it is and, once public, how it ended.
 * Built field by field from the case state (never by copying and deleting), so nothing about officers,
 * other reporters, evidence or internal notes can slip through when the state grows.
 */
export const PUBLIC_STAGES = ['received', 'verifying', 'in_action', 'monitoring', 'finished'] as const;
export type PublicStage = (typeof PUBLIC_STAGES)[number];

export const PublicProgress = z
  .object({
    trackingCode: z.string(),
    submittedAt: z.string(),
    stage: z.enum(PUBLIC_STAGES),
    stageLabel: z.string(),
    outcome: z
      .object({
        result: z.enum(['no_violation', 'actioned', 'withdrawn']),
        resultLabel: z.string(),
        /** Only once the clarification is published: the label is public by then. */
        hoaxLabel: HoaxLabel.optional(),
        contentRemoved: z.boolean(),
      })
      .optional(),
    /** Published clarifications and responses (public links). */
    publications: z.array(
      z.object({ channel: PublicationChannel, url: z.string(), publishedAt: z.string() }),
    ),
  })
  .meta({ id: 'PublicProgress' });
export type PublicProgress = z.infer<typeof PublicProgress>;

const PUBLIC_STAGE: Record<CaseStage, PublicStage> = {
  intake: 'received',
  verification: 'verifying',
  action: 'in_action',
  monitoring: 'monitoring',
  closed: 'finished',
  withdrawn: 'finished',
};

const STAGE_LABELS: Record<PublicStage, string> = {
  received: 'Aduan diterima',
  verifying: 'Sedang diverifikasi',
  in_action: 'Sedang ditindaklanjuti',
  monitoring: 'Dalam pemantauan',
  finished: 'Selesai',
};

const RESULT_LABELS = {
  no_violation: 'Tidak ditemukan pelanggaran',
  actioned: 'Ditindaklanjuti',
  withdrawn: 'Ditutup',
} as const;

export function publicProgress(state: CaseState, trackingCode: string, submittedAt: string): PublicProgress {
  const stage = PUBLIC_STAGE[state.stage];
  const publications = [state.tracks.clarification, state.tracks.response].flatMap((track) =>
    track?.status === 'published' && track.publication
      ? track.publication.publications.map(({ channel, url, publishedAt }) => ({ channel, url, publishedAt }))
      : [],
  );
  const clarificationPublished = state.tracks.clarification?.status === 'published';
  const verdict = state.verdict?.verdict;
  const hoaxLabel = clarificationPublished && verdict?.kind === 'hoax' ? verdict.label : undefined;
  const progress: PublicProgress = {
    trackingCode,
    submittedAt,
    stage,
    stageLabel: STAGE_LABELS[stage],
    publications,
  };
  const resolution = state.outcome?.resolution;
  if (resolution) {
    progress.outcome = {
      result: resolution,
      resultLabel: RESULT_LABELS[resolution],
      ...(hoaxLabel ? { hoaxLabel } : {}),
      contentRemoved: state.tracks.takedowns.some((track) => track.result === 'removed'),
    };
  }
  return progress;
}
