/**
 * Where the audit archive lives: the Object Lock audit bucket (s3-archive.ts) or a copy of it on disk
 * (directory-archive.ts, same keys as relative paths). Verification and replay read through this
 * interface only, so they work from either and never need Temporal.
 */
export interface ArchiveReader {
  /** The object's current bytes, or undefined when there is none. */
  read(key: string): Promise<Uint8Array | undefined>;
  /** Every key under the prefix, sorted. */
  list(prefix: string): Promise<string[]>;
  /** A short name for messages: `s3://bucket` or a folder path. */
  readonly where: string;
}

export interface ArchiveWriter extends ArchiveReader {
  /** Create-only: when the key already holds an object, it is kept and `created` is false. */
  putOnce(key: string, body: Uint8Array): Promise<{ created: boolean }>;
  /** A new version of a key that moves on (the ledger's signed heads). */
  putVersion(key: string, body: Uint8Array): Promise<void>;
}
