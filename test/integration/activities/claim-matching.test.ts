import { claimActivities } from '../../../activities/claim-activities';
import { activitiesHarness, type ActivitiesHarness } from '../../support/activities/activities-harness';

/**
 * Claim matching on the real S3 server: a clarified hoax is indexed with its published clarification;
 * a fresh worker (index loaded from S3) links a paraphrase of the hoax to that case and offers the
 * clarification for reuse, and leaves a different claim on the same topic unlinked.
 */
describe('claim matching across cases', () => {
  let harness: ActivitiesHarness;

  beforeAll(async () => {
    harness = await activitiesHarness('claims');
  });

  afterAll(async () => {
    await harness?.close();
  });

  it('links a paraphrased hoax to the case that clarified it', async () => {
    const clarification = {
      label: 'HOAKS' as const,
      text: '[HOAKS] Bendungan Riam Kanan tidak jebol. Faktanya: kondisi aman menurut BWS Kalimantan III.',
      publishedAt: '2026-11-01T02:00:00.000Z',
    };
    const writer = claimActivities(harness.deps.claims!);
    await writer.indexClaim({
      caseId: 'case-riam-kanan',
      status: 'clarified',
      text: 'VIRALKAN!!! bendungan riam kanan jebol, warga martapura harus mengungsi',
      clarification,
    });
    await writer.indexClaim({
      caseId: 'case-other',
      status: 'open',
      text: 'ada penculik anak pakai mobil ambulans di Banjarbaru',
    });

    const reader = claimActivities(harness.deps.claims!);
    const match = await reader.matchClaim({
      text: 'waduk riam kanan jebol!! warga martapura disuruh ngungsi sekarang, sebarkan',
    });
    expect(match).toMatchObject({ caseId: 'case-riam-kanan', status: 'clarified', clarification });
    expect(match!.similarity).toBeGreaterThanOrEqual(0.3);

    await expect(
      reader.matchClaim({ text: 'lomba jukung hias di sungai martapura tahun ini meriah' }),
    ).resolves.toBeNull();
    await expect(reader.matchClaim({ text: '' })).rejects.toThrow(/matchClaim/);
  });
});
