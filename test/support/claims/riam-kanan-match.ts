import type { ClaimMatch } from '../../../activities/claims/claim-index';

/**
 * What a scripted matchClaim answers for the Riam Kanan dam hoax: a link to `caseId`, which clarified it
 * and published the clarification on the website.
 */
export function riamKananClarifiedMatch(caseId: string, similarity: number): ClaimMatch {
  return {
    caseId,
    status: 'clarified',
    similarity,
    clarification: {
      label: 'HOAKS',
      title: '[HOAKS] Bendungan Riam Kanan tidak jebol',
      text: 'Faktanya: kondisi Bendungan Riam Kanan aman menurut BWS Kalimantan III.',
      pillar: 'digital_culture',
      publishedAt: '2026-11-01T02:00:00.000Z',
      publications: [
        {
          channel: 'website',
          url: 'https://diskominfo.example/klarifikasi/riam-kanan',
          publishedAt: '2026-11-01T02:00:00.000Z',
        },
      ],
    },
  };
}
