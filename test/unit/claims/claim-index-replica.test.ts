import { ClaimIndexReplica } from '../../../activities/claims/claim-index-replica';
import { ClaimEntry } from '../../../activities/claims/claim-index';
import type { StoredSignature } from '../../../activities/claims/claim-store';
import { signatureOf } from '../../../activities/claims/minhash';

/** The S3 store as the replica sees it: entries are parsed with the real schema on write and on read. */
class StoreDouble {
  readonly objects = new Map<string, { version: number; body: string }>();
  reads: string[] = [];
  lists = 0;
  listGate: Promise<void> = Promise.resolve();
  failLists = false;

  put(entry: ClaimEntry): StoredSignature {
    const key = `claims/index/${entry.caseId}.json`;
    const version = (this.objects.get(key)?.version ?? 0) + 1;
    this.objects.set(key, { version, body: JSON.stringify(ClaimEntry.parse(entry)) });
    return { key, version: String(version) };
  }

  async *listSignatures(): AsyncGenerator<StoredSignature[]> {
    this.lists += 1;
    // The listing is what was stored when it was asked for, whenever its answer arrives.
    const page = [...this.objects].map(([key, { version }]) => ({ key, version: String(version) }));
    await this.listGate;
    if (this.failLists) throw new Error('S3 unreachable');
    yield page;
  }

  async read(key: string): Promise<ClaimEntry> {
    this.reads.push(key);
    return ClaimEntry.parse(JSON.parse(this.objects.get(key)!.body));
  }
}

const entry = (caseId: string, text: string, status: 'open' | 'clarified' = 'open'): ClaimEntry => ({
  caseId,
  status,
  signature: signatureOf(text),
});
const DAM = 'bendungan riam kanan jebol warga martapura harus mengungsi';
const KIDNAP = 'ada penculik anak pakai mobil ambulans di banjarbaru';

describe('a worker replica of the claim index', () => {
  let now: number;
  let store: StoreDouble;
  let replica: ClaimIndexReplica;

  beforeEach(() => {
    now = 0;
    store = new StoreDouble();
    replica = new ClaimIndexReplica(store, () => now, 30_000);
  });

  it('reads every stored claim once, then only the ones that changed', async () => {
    store.put(entry('case-a', DAM));
    store.put(entry('case-b', KIDNAP));
    expect((await replica.current()).size).toBe(2);
    expect(store.reads.sort()).toEqual(['claims/index/case-a.json', 'claims/index/case-b.json']);

    store.reads = [];
    store.put(entry('case-a', DAM, 'clarified'));
    await replica.refresh();
    expect(store.reads).toEqual(['claims/index/case-a.json']);
    expect(replica.index.match(DAM)).toMatchObject({ caseId: 'case-a', status: 'clarified' });
  });

  it('shares one load among matches that arrive at once', async () => {
    store.put(entry('case-a', DAM));
    const indexes = await Promise.all(Array.from({ length: 20 }, () => replica.current()));
    expect(new Set(indexes).size).toBe(1);
    expect(store.lists).toBe(1);
    expect(store.reads).toHaveLength(1);
  });

  it('answers from a stale copy at once and brings it up to date in the background', async () => {
    store.put(entry('case-a', DAM));
    await replica.current();
    store.put(entry('case-b', KIDNAP));
    let openGate!: () => void;
    store.listGate = new Promise((resolve) => (openGate = resolve));

    now = 30_001;
    const stale = await replica.current();
    expect(stale.match(KIDNAP)).toBeUndefined();
    expect(store.lists).toBe(2);
    await replica.current();
    expect(store.lists).toBe(2);

    openGate();
    await replica.refresh();
    expect(replica.index.match(KIDNAP)).toMatchObject({ caseId: 'case-b' });
  });

  it("keeps this worker's own write over an older read that finishes after it", async () => {
    await replica.current();
    store.put(entry('case-a', DAM));
    let openGate!: () => void;
    store.listGate = new Promise((resolve) => (openGate = resolve));
    const refreshing = replica.refresh();
    // The refresh lists version 1 of case-a; this worker then writes version 2 before the read lands.
    const clarified = entry('case-a', DAM, 'clarified');
    replica.written(clarified, store.put(clarified));
    const realRead = store.read.bind(store);
    store.read = async (key) => ({ ...(await realRead(key)), status: 'open' });
    openGate();
    await refreshing;
    expect(replica.index.match(DAM)).toMatchObject({ status: 'clarified' });
  });

  it('keeps answering when a background refresh fails, and tries again on the next match', async () => {
    store.put(entry('case-a', DAM));
    await replica.current();
    store.failLists = true;
    now = 30_001;
    expect((await replica.current()).match(DAM)).toMatchObject({ caseId: 'case-a' });
    await expect(replica.refresh()).rejects.toThrow('S3 unreachable');
    store.failLists = false;
    store.put(entry('case-b', KIDNAP));
    await replica.current();
    await replica.refresh();
    expect(replica.index.match(KIDNAP)).toMatchObject({ caseId: 'case-b' });
  });

  it('fails the first load when the store cannot be read, so the activity is retried', async () => {
    store.failLists = true;
    await expect(replica.current()).rejects.toThrow('S3 unreachable');
  });
});
