// Where a publish writes: a registry repository or an OCI image layout directory. Everything
// above this seam is target-agnostic (go-containerregistry's remote vs layout, in small).

/** A blob to write: its identity, and a way to stream its bytes (from any offset, to resume). */
export interface BlobSource {
  readonly digest: string;
  readonly size: number;
  /** The blob's bytes from `offset` to the end. Every call starts a fresh stream. */
  open(offset?: number): AsyncIterable<Uint8Array>;
}

/** A blob already in memory (config blobs, small test data). */
export function bytesBlob(digest: string, bytes: Uint8Array): BlobSource {
  return {
    digest,
    size: bytes.length,
    async *open(offset = 0) {
      if (offset < bytes.length) yield bytes.subarray(offset);
    },
  };
}

/** An OCI content descriptor: what a manifest or index names a child by. */
export interface Descriptor {
  readonly mediaType: string;
  readonly size: number;
  readonly digest: string;
  readonly annotations?: Readonly<Record<string, string>>;
}

/** A manifest the target holds, by its descriptor. */
export type ManifestInfo = Descriptor;

export interface Manifest extends ManifestInfo {
  readonly bytes: Uint8Array;
}

export interface PutBlobResult {
  /** Bytes sent over the wire or written to disk (0 when the blob was already there). */
  readonly bytesWritten: number;
}

/**
 * A blob written as its bytes arrive — out of order, at their positions — and named by its
 * digest only at the end. The writer trusts the digest it is given: the caller must have hashed
 * exactly the bytes it wrote (a download hashes and writes the same memory).
 */
export interface BlobWriter {
  write(data: Uint8Array, position: number): Promise<void>;
  /** Keep the blob as `digest`; it must be `size` bytes long. */
  commit(digest: string, size: number): Promise<void>;
  /** Drop what was written (safe after commit: then it does nothing). */
  abort(): Promise<void>;
}

/**
 * What this run wrote into a target as it arrived (blob writers), by digest: recorded where
 * the bytes moved, so a later push that finds the blob there counts it as this run's upload
 * rather than something the target already had. Each entry is counted once.
 */
export class ArrivedBlobs {
  private readonly sizes = new Map<string, number>();

  record(digest: string, size: number): void {
    this.sizes.set(digest, size);
  }

  has(digest: string): boolean {
    return this.sizes.has(digest);
  }

  /** The bytes written for `digest` as it arrived, if not counted yet; then it is counted. */
  claim(digest: string): number | undefined {
    const size = this.sizes.get(digest);
    this.sizes.delete(digest);
    return size;
  }
}

/** A blob writer whose committed blob is recorded in `arrived`. */
export function recordedWriter(writer: BlobWriter, arrived: ArrivedBlobs): BlobWriter {
  return {
    write: (data, position) => writer.write(data, position),
    commit: async (digest, size) => {
      await writer.commit(digest, size);
      arrived.record(digest, size);
    },
    abort: () => writer.abort(),
  };
}

export interface Target {
  /** `registry/repository`, or `oci-layout:<dir>`: names the target in messages. */
  readonly name: string;
  /** Blobs this run's blob writers committed, not yet counted by a push. */
  readonly arrived: ArrivedBlobs;
  /** Size of the blob when the target has it, else null. */
  hasBlob(digest: string): Promise<number | null>;
  /** Write a blob, verifying its digest; a blob the target already has costs nothing. */
  putBlob(blob: BlobSource): Promise<PutBlobResult>;
  /** Write a blob the caller has just found missing (transferBlob): no second check first. */
  uploadBlob(blob: BlobSource): Promise<PutBlobResult>;
  /**
   * Make a blob of another repository of the same target available here without sending it.
   * Returns false when the target cannot (the caller then uploads).
   */
  mountBlob(digest: string, fromRepository: string): Promise<boolean>;
  hasManifest(reference: string): Promise<ManifestInfo | null>;
  getManifest(reference: string): Promise<Manifest | null>;
  /** Write a manifest by tag or by digest; returns its digest (verified). */
  putManifest(bytes: Uint8Array, mediaType: string, reference: string): Promise<string>;
  /** Stream a blob the target holds (an image being copied from here). */
  openBlob(digest: string): AsyncIterable<Uint8Array>;
  /**
   * A blob taken before its digest is known (an OCI layout writes it in place, a registry
   * streams it in chunks); undefined when the target cannot take one now.
   */
  blobWriter?(): Promise<BlobWriter | undefined>;
  /** Reading a blob back costs no network (an OCI layout): verification then hashes them all. */
  readonly localReads?: boolean;
}

export class TargetError extends Error {
  override name = 'TargetError';
}

/**
 * A blob written as it arrives (`blobWriter`) must be sent again from its first byte: its
 * session is gone, or the target cannot take it that way. The caller starts the blob over.
 */
export class RestartBlobError extends TargetError {
  override name = 'RestartBlobError';
}
