import { claimActivities } from '../../../activities/claim-activities';
import { ClaimIndexReplica } from '../../../activities/claims/claim-index-replica';
import { signatureOf } from '../../../activities/claims/minhash';
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

  it('matches and registers in one step, never against itself, so a retry answers as the first try', async () => {
    const worker = claimActivities(harness.deps.claims!);
    await worker.indexClaim({
      caseId: 'case-jembatan',
      status: 'open',
      text: 'jembatan barito runtuh pagi ini, jangan lewat sana, sebarkan ke keluarga',
    });
    const paraphrase = 'JEMBATAN BARITO RUNTUH pagi ini!! jangan lewat, sebarkan ke keluarga kalian';
    const first = await worker.matchAndIndexClaim({ caseId: 'case-jembatan-2', text: paraphrase });
    expect(first).toMatchObject({ caseId: 'case-jembatan', status: 'open' });
    // A retry after the write (its own entry now in the index, and the closest) still finds the other case.
    await expect(worker.matchAndIndexClaim({ caseId: 'case-jembatan-2', text: paraphrase })).resolves.toEqual(
      first,
    );
    // The registration is there: a fresh worker matches a third report to one of the two.
    const fresh = claimActivities(harness.deps.claims!);
    const third = await fresh.matchClaim({ text: paraphrase });
    expect(third?.caseId).toBe('case-jembatan-2');
    await expect(worker.matchAndIndexClaim({ caseId: '', text: paraphrase })).rejects.toThrow(
      /matchAndIndexClaim/,
    );
  });

  // S3's ETags as the replica's versions: the one PutObject answers must be the one ListObjectsV2 shows,
  // or every refresh would read back this worker's own writes.
  it('refreshes a replica by reading only the claims written elsewhere since', async () => {
    const store = harness.deps.claims!;
    const reads: string[] = [];
    const counted = {
      listSignatures: () => store.listSignatures(),
      read: (key: string) => (reads.push(key), store.read(key)),
    };
    const replica = new ClaimIndexReplica(counted);
    await replica.refresh();
    const ownEntry = {
      caseId: 'case-own-write',
      status: 'open' as const,
      signature: signatureOf('harga cabai naik tiga kali lipat'),
    };
    replica.written(ownEntry, await store.put(ownEntry));
    reads.length = 0;
    await replica.refresh();
    expect(reads).toEqual([]);

    const elsewhere = claimActivities(store);
    await elsewhere.indexClaim({ caseId: 'case-elsewhere', status: 'open', text: 'jembatan barito runtuh' });
    await replica.refresh();
    expect(reads).toEqual(['claims/index/case-elsewhere.json']);
    expect(replica.index.match('jembatan barito runtuh hari ini')).toMatchObject({
      caseId: 'case-elsewhere',
    });
  });
});
