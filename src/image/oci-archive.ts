// An `oci-archive:` image (a tar of an OCI layout: podman save --format oci-archive, buildx
// type=oci, skopeo oci-archive:) read in place, as a docker-archive is: one pass over the tar
// headers finds each entry, index.json picks the manifest, and blobs stream from their byte
// ranges. Nothing is extracted, so a multi-GB image needs no disk of its own.

import { sha256 } from '../util/hashpool.js';
import { isDigest } from '../oci/digest.js';
import { defaultReference, findEntry, parseIndexJson } from '../oci/layout.js';
import { TargetError, type Manifest, type ManifestInfo } from '../oci/target.js';
import { entryStream, indexTar, smallEntry, type Entry } from './archive.js';

export class OciArchive {
  readonly name: string;

  private constructor(
    private readonly file: string,
    private readonly entries: Map<string, Entry>,
    private readonly index: ReturnType<typeof parseIndexJson>,
  ) {
    this.name = `oci-archive:${file}`;
  }

  static async open(file: string): Promise<OciArchive> {
    const name = `oci-archive:${file}`;
    let entries: Map<string, Entry>;
    try {
      entries = await indexTar(file, name);
    } catch (e) {
      if (e instanceof TargetError) throw e;
      throw new TargetError(`${name}: ${(e as Error).message}`);
    }
    const at = entries.get('index.json');
    if (!at) throw new TargetError(`${name}: no index.json (is it an OCI archive?)`);
    const text = (await smallEntry(file, at, `${name}: index.json`)).toString('utf8');
    const index = parseIndexJson(
      text,
      (why) => new TargetError(`${name}: index.json is not an OCI image index (${why})`),
    );
    return new OciArchive(file, entries, index);
  }

  /** The manifest a spec with no tag or digest means: the only one, else `latest`. */
  defaultReference(): string {
    return defaultReference(this.index, this.name);
  }

  async hasManifest(reference: string): Promise<ManifestInfo | null> {
    const e = findEntry(this.index, reference);
    return e && this.blob(e.digest)
      ? { digest: e.digest, mediaType: e.mediaType, size: e.size }
      : null;
  }

  async getManifest(reference: string): Promise<Manifest | null> {
    const e = findEntry(this.index, reference);
    const at = e && this.blob(e.digest);
    if (!e || !at) return null;
    const bytes = new Uint8Array(
      await smallEntry(this.file, at, `${this.name}: manifest ${e.digest}`),
    );
    if (sha256(bytes) !== e.digest)
      throw new TargetError(`${this.name}: manifest ${e.digest} does not hash to its digest`);
    return { digest: e.digest, mediaType: e.mediaType, size: bytes.length, bytes };
  }

  async *openBlob(digest: string): AsyncIterable<Uint8Array> {
    const e = this.blob(digest);
    if (!e) throw new TargetError(`${this.name}: no blob ${digest}`);
    yield* entryStream(this.file, e);
  }

  private blob(digest: string): Entry | undefined {
    if (!isDigest(digest)) return undefined;
    return this.entries.get(`blobs/sha256/${digest.slice('sha256:'.length)}`);
  }
}
