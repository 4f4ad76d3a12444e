// A registry repository as a Target, over the OCI distribution API with undici. Written for
// multi-GB blobs: bodies are streamed from their source, large blobs go in chunks that resume
// from the session's Range after any failure (a dropped connection, a 5xx, an expired token),
// and every request is retried with backoff on the failures the spec says are transient.

import { sha256 } from '../../util/hashpool.js';
import { skipBytes } from '../../util/bytes.js';
import { MEDIA_TYPE } from '../mediatypes.js';
import type {
  BlobSource,
  BlobWriter,
  Manifest,
  ManifestInfo,
  PutBlobResult,
  Target,
} from '../target.js';
import { StreamedBlobWriter, uploadChunked, type UploadChannel } from './stream-upload.js';
import { ArrivedBlobs, recordedWriter, TargetError } from '../target.js';
import { repositoryScope } from './auth.js';
import { followRedirects, redirectTarget } from '../../util/redirects.js';
import {
  BODY_LIMIT,
  describeFetchError,
  isPermanent,
  isStall,
  readLimited,
} from '../../util/http.js';
import {
  counted,
  DEFAULT_CHUNK_SIZE,
  DEFAULT_CHUNK_THRESHOLD,
  header,
  MANIFEST_ACCEPT,
  RegistryTransport,
  type Response,
} from './transport.js';
import { RetryBudget, TransientError, withRetries } from '../../util/retry.js';

export {
  DEFAULT_CHUNK_SIZE,
  DEFAULT_CHUNK_THRESHOLD,
  HttpStatusError,
  MANIFEST_ACCEPT,
  receivedFromRange,
  registryScheme,
  type RegistryOptions,
} from './transport.js';

export class RegistryTarget extends RegistryTransport implements Target {
  readonly arrived = new ArrivedBlobs();

  async hasBlob(digest: string): Promise<number | null> {
    await this.probe();
    const res = await this.call({
      method: 'HEAD',
      url: `/v2/${this.repository}/blobs/${digest}`,
      scopes: [repositoryScope(this.repository, 'pull')],
      ok: [200, 404],
    });
    return res.status === 200 ? Number(header(res, 'content-length') ?? -1) : null;
  }

  async mountBlob(digest: string, fromRepository: string): Promise<boolean> {
    await this.probe();
    const q = new URLSearchParams({ mount: digest, from: fromRepository });
    const res = await this.call({
      method: 'POST',
      url: `/v2/${this.repository}/blobs/uploads/?${q}`,
      scopes: [this.pushScope, repositoryScope(fromRepository, 'pull')],
      bodySize: 0,
      ok: [201, 202],
    });
    if (res.status === 201) return true;
    // 202: the registry opened a normal session instead. Cancel it; putBlob opens its own.
    const location = header(res, 'location');
    if (location) {
      await this.call({
        method: 'DELETE',
        url: location,
        scopes: [this.pushScope],
        ok: [204, 404],
      }).catch(() => undefined);
    }
    return false;
  }

  async putBlob(blob: BlobSource): Promise<PutBlobResult> {
    const have = await this.hasBlob(blob.digest);
    if (have !== null) return { bytesWritten: 0 };
    return this.uploadBlob(blob);
  }

  async uploadBlob(blob: BlobSource): Promise<PutBlobResult> {
    const threshold = this.options.chunkThreshold ?? DEFAULT_CHUNK_THRESHOLD;
    if (blob.size > threshold && !this.chunkedRefused) {
      const chunked = await uploadChunked(this.channel(), blob, {
        chunkSize: this.options.chunkSize ?? DEFAULT_CHUNK_SIZE,
        onProgress: this.options.onProgress,
      });
      if (chunked !== 'refused') return chunked;
      this.chunkedRefused = true;
      this.options.log?.(
        `${this.registry} refused a chunked upload; sending blobs in one request from now on`,
      );
    }
    return this.uploadMonolithic(blob);
  }

  private async startSession(): Promise<{ location: string; minChunk: number; maxChunk: number }> {
    const res = await this.call({
      method: 'POST',
      url: `/v2/${this.repository}/blobs/uploads/`,
      scopes: [this.pushScope],
      bodySize: 0,
      ok: [202],
    });
    const location = header(res, 'location');
    if (!location) throw new TargetError(`${this.registry}: upload session without a Location`);
    return {
      location: new URL(location, this.origin + '/').href,
      minChunk: Number(header(res, 'oci-chunk-min-length') ?? 0) || 0,
      maxChunk: Number(header(res, 'oci-chunk-max-length') ?? 0) || 0,
    };
  }

  private withDigest(location: string, digest: string): string {
    const url = new URL(location);
    url.searchParams.set('digest', digest);
    return url.href;
  }

  private checkDigest(res: Response, digest: string): void {
    const echoed = header(res, 'docker-content-digest');
    if (echoed && echoed !== digest) {
      throw new TargetError(
        `${this.registry}: stored ${echoed} for blob ${digest}; the registry and the bytes disagree`,
      );
    }
  }

  private async uploadMonolithic(blob: BlobSource): Promise<PutBlobResult> {
    // A failed PUT may leave its session half-written: every attempt gets a new session.
    return withRetries(this.retry, this.retryContext('PUT'), async () => {
      const session = await this.startSession();
      let sent = 0;
      const res = await this.call(
        {
          method: 'PUT',
          url: this.withDigest(session.location, blob.digest),
          scopes: [this.pushScope],
          headers: { 'content-type': 'application/octet-stream' },
          body: () =>
            counted(blob.open(0), (n) => {
              sent += n;
              this.options.onProgress?.(blob.digest, sent, blob.size);
            }),
          bodySize: blob.size,
          ok: [201],
        },
        false,
      );
      this.checkDigest(res, blob.digest);
      return { bytesWritten: sent };
    });
  }

  /** The final PUT of a chunked session, naming the blob. */
  private async finishUpload(location: string, digest: string): Promise<void> {
    const res = await this.call({
      method: 'PUT',
      url: this.withDigest(location, digest),
      scopes: [this.pushScope],
      headers: { 'content-type': 'application/octet-stream' },
      bodySize: 0,
      ok: [201],
    });
    this.checkDigest(res, digest);
  }

  /**
   * A blob streamed as it arrives (a weight file on its way from its source), or undefined
   * once the registry has refused chunked uploads: such a blob then needs a local copy.
   */
  async blobWriter(): Promise<BlobWriter | undefined> {
    if (this.chunkedRefused) return undefined;
    await this.probe();
    return recordedWriter(new StreamedBlobWriter(this.channel()), this.arrived);
  }

  /** What chunked uploads (stream-upload.ts) need of this transport. */
  private channel(): UploadChannel {
    return {
      registry: this.registry,
      retry: this.retry,
      scopes: [this.pushScope],
      call: (call, replay) => this.call(call, replay),
      retryContext: this.retryContext('PATCH'),
      startSession: () => this.startSession(),
      finish: (location, digest) => this.finishUpload(location, digest),
      refuseChunks: () => (this.chunkedRefused = true),
      log: (m) => this.options.log?.(m),
    };
  }

  /**
   * A blob's bytes. Registries often redirect blob GETs to object storage: the redirect is
   * followed without the Authorization header, which belongs to the registry alone. A cut or a stall in the middle resumes where it stopped (`Range`), as
   * uploads do; the attempts are the retry policy's (fewer for stalls).
   */
  async *openBlob(digest: string): AsyncIterable<Uint8Array> {
    await this.probe();
    let offset = 0;
    let body: AsyncIterator<Uint8Array> | undefined;
    const context = {
      ...this.retryContext('GET'),
      budget: new RetryBudget(),
      giveUp: (last: TransientError, tries: number) =>
        new TargetError(`${this.registry}: ${last.message} (gave up after ${tries} attempts)`),
    };
    // Each chunk is one attempt: a failed read opens the blob again where it stopped. The
    // budget is the whole read's: a peer that cuts every answer is given up on.
    const nextChunk = async () => {
      try {
        body ??= (await this.blobFrom(digest, offset))[Symbol.asyncIterator]();
        return await body.next();
      } catch (e) {
        body = undefined;
        if (e instanceof TargetError) throw e;
        const where = `GET blob ${digest} at byte ${offset}: ${describeFetchError(e)}`;
        if (isPermanent(e)) throw new TargetError(`${this.registry}: ${where}`);
        throw new TransientError(where, undefined, isStall(e));
      }
    };
    let next: IteratorResult<Uint8Array>;
    try {
      while (!(next = await withRetries(this.retry, context, nextChunk)).done) {
        offset += next.value.length;
        yield next.value;
      }
    } finally {
      // A reader that stops early closes the answer it was reading.
      await body?.return?.();
    }
  }

  /** The blob's bytes from `offset` on: a 206 that starts there, or a 200 with the start skipped. */
  private async blobFrom(digest: string, offset: number): Promise<AsyncIterable<Uint8Array>> {
    const auth = await this.authenticator();
    const scopes = [repositoryScope(this.repository, 'pull')];
    return followRedirects<AsyncIterable<Uint8Array>>(
      new URL(`/v2/${this.repository}/blobs/${digest}`, this.origin),
      { origin: this.origin, header: () => auth.authorization(scopes) },
      async (url, headers) => {
        if (offset > 0) headers['range'] = `bytes=${offset}-`;
        const { request, dispatcher } = await this.httpClient();
        const res = await request(url, {
          method: 'GET',
          headers,
          dispatcher,
          signal: this.options.signal,
        });
        const next = redirectTarget(res.statusCode, res.headers['location'], url);
        if (next) {
          await res.body.dump();
          return { next };
        }
        const body = res.body as AsyncIterable<Uint8Array>;
        if (res.statusCode === 200) return { done: offset > 0 ? skipBytes(body, offset) : body };
        const start = /^bytes (\d+)-/.exec(String(res.headers['content-range'] ?? ''))?.[1];
        if (res.statusCode === 206 && Number(start) === offset) return { done: body };
        const text = (await readLimited(body, 200, 'the answer', true)).toString('utf8');
        res.body.destroy();
        throw new TargetError(
          `${this.name}: GET blob ${digest}${offset > 0 ? ` from byte ${offset}` : ''} answered ${res.statusCode}: ${text}`,
        );
      },
      () => new TargetError(`${this.name}: GET blob ${digest}: too many redirects`),
    );
  }

  /** HEAD or GET a manifest by tag or digest; null when the registry does not have it. */
  private async fetchManifest(method: 'HEAD' | 'GET', reference: string): Promise<Response | null> {
    await this.probe();
    const res = await this.call({
      method,
      url: `/v2/${this.repository}/manifests/${reference}`,
      scopes: [repositoryScope(this.repository, 'pull')],
      headers: { accept: MANIFEST_ACCEPT },
      ok: [200, 404],
      expect: { limit: BODY_LIMIT.manifest, what: `manifest ${reference} (over the OCI limit)` },
    });
    return res.status === 404 ? null : res;
  }

  async hasManifest(reference: string): Promise<ManifestInfo | null> {
    const res = await this.fetchManifest('HEAD', reference);
    if (!res) return null;
    const digest = header(res, 'docker-content-digest');
    if (!digest) {
      const full = await this.getManifest(reference);
      return full && { digest: full.digest, mediaType: full.mediaType, size: full.size };
    }
    if (reference.startsWith('sha256:') && digest !== reference) {
      throw new TargetError(
        `${this.name}: asked for manifest ${reference}, registry says ${digest}`,
      );
    }
    return {
      digest,
      mediaType: header(res, 'content-type') ?? MEDIA_TYPE.ociManifest,
      size: Number(header(res, 'content-length') ?? 0),
    };
  }

  async getManifest(reference: string): Promise<Manifest | null> {
    const res = await this.fetchManifest('GET', reference);
    if (!res) return null;
    const digest = sha256(res.body);
    const echoed = header(res, 'docker-content-digest');
    if (
      (echoed && echoed !== digest) ||
      (reference.startsWith('sha256:') && reference !== digest)
    ) {
      throw new TargetError(
        `${this.name}: manifest ${reference} bytes hash to ${digest}, registry says ${echoed ?? reference}`,
      );
    }
    return {
      digest,
      mediaType: header(res, 'content-type') ?? MEDIA_TYPE.ociManifest,
      size: res.body.length,
      bytes: new Uint8Array(res.body),
    };
  }

  async putManifest(bytes: Uint8Array, mediaType: string, reference: string): Promise<string> {
    await this.probe();
    const digest = sha256(bytes);
    if (reference.startsWith('sha256:') && reference !== digest) {
      throw new TargetError(`${this.name}: manifest bytes are ${digest}, not ${reference}`);
    }
    const res = await this.call({
      method: 'PUT',
      url: `/v2/${this.repository}/manifests/${reference}`,
      scopes: [this.pushScope],
      headers: { 'content-type': mediaType },
      body: () => bytes,
      bodySize: bytes.length,
      ok: [201],
    });
    const echoed = header(res, 'docker-content-digest');
    if (echoed && echoed !== digest) {
      throw new TargetError(
        `${this.name}: registry stored manifest ${reference} as ${echoed}, but its bytes are ${digest}`,
      );
    }
    return digest;
  }
}
