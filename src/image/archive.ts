// A `docker save` archive as an image source, read in place: one pass over the tar headers
// finds every entry's offset, and blobs are streamed straight from their byte ranges, so a
// multi-GB image is never extracted. The archive's manifest.json becomes a Docker v2 schema 2
// manifest; layer digests come from OCI-style entry names (Docker ≥ 25) or are hashed.

import { shown } from '../util/format.js';
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { goMarshal } from '../util/gojson.js';
import { sha256, sha256File } from '../util/hashpool.js';
import { TargetError, type Manifest, type ManifestInfo } from '../oci/target.js';
import { DIGEST_HEX_PATTERN } from '../oci/digest.js';
import { MEDIA_TYPE } from '../oci/mediatypes.js';
import { BODY_LIMIT } from '../util/http.js';

/** The most a long-name or PAX header may hold: names, not data. */
const NAME_HEADER_LIMIT = 1024 * 1024;

export interface Entry {
  readonly offset: number;
  readonly size: number;
}

function field(block: Buffer, start: number, length: number): string {
  const raw = block.subarray(start, start + length);
  const nul = raw.indexOf(0);
  return raw.subarray(0, nul < 0 ? length : nul).toString('utf8');
}

function octal(block: Buffer, start: number, length: number): number {
  if (block[start]! & 0x80) {
    // GNU base-256 for sizes ≥ 8 GiB.
    let n = 0;
    for (let i = start + 1; i < start + length; i++) n = n * 256 + block[i]!;
    return n;
  }
  const text = field(block, start, length).trim();
  return text === '' ? 0 : parseInt(text, 8);
}

/**
 * Every regular file of a tar: name → where its bytes are. Headers only; data is skipped.
 * `shownAs` (`docker-archive:FILE`, `oci-archive:FILE`) starts each finding.
 */
export async function indexTar(file: string, shownAs: string): Promise<Map<string, Entry>> {
  const entries = new Map<string, Entry>();
  const handle = await open(file, 'r');
  try {
    const fileSize = (await handle.stat()).size;
    const block = Buffer.alloc(512);
    let at = 0;
    let longName: string | undefined;
    for (;;) {
      const { bytesRead } = await handle.read(block, 0, 512, at);
      if (bytesRead < 512 || block.every((b) => b === 0)) break;
      const type = String.fromCharCode(block[156]!);
      const size = octal(block, 124, 12);
      const data = at + 512;
      // What the header says is checked before it is used: a size must be a number that
      // fits in the file, and a name header is never large.
      if (!Number.isSafeInteger(size) || size < 0)
        throw new TargetError(`${shownAs}: not a tar (bad header at byte ${at})`);
      if (data + size > fileSize)
        throw new TargetError(
          `${shownAs}: an entry at byte ${at} claims ${size} bytes, past the end of the ${fileSize}-byte archive`,
        );
      if ((type === 'L' || type === 'x') && size > NAME_HEADER_LIMIT)
        throw new TargetError(
          `${shownAs}: a ${type === 'x' ? 'PAX' : 'long-name'} header at byte ${at} claims ${size} bytes`,
        );
      let name = field(block, 0, 100);
      const prefix = field(block, 345, 155);
      if (prefix && field(block, 257, 6).startsWith('ustar')) name = `${prefix}/${name}`;
      if (type === 'L' || type === 'x') {
        const body = Buffer.alloc(size);
        await handle.read(body, 0, size, data);
        if (type === 'L') longName = field(body, 0, size);
        else {
          const m = /\d+ path=([^\n]*)\n/.exec(body.toString('utf8'));
          if (m) longName = m[1];
        }
      } else {
        if (type === '0' || type === '\0')
          entries.set((longName ?? name).replace(/^\.\//, ''), { offset: data, size });
        longName = undefined;
      }
      at = data + Math.ceil(size / 512) * 512;
    }
  } finally {
    await handle.close();
  }
  return entries;
}

/** One image as `docker save` lists it in manifest.json. */
interface SavedImage {
  readonly Config: string;
  readonly Layers: string[];
}

function isSavedImage(x: unknown): x is SavedImage {
  return (
    typeof x === 'object' &&
    x !== null &&
    typeof (x as { Config?: unknown }).Config === 'string' &&
    Array.isArray((x as { Layers?: unknown }).Layers) &&
    (x as { Layers: unknown[] }).Layers.every((l) => typeof l === 'string')
  );
}

/** The indexed archive's entries, read by name; every finding names the archive. */
class ArchiveEntries {
  constructor(
    readonly file: string,
    private readonly entries: Map<string, Entry>,
  ) {}

  static async index(file: string): Promise<ArchiveEntries> {
    try {
      return new ArchiveEntries(file, await indexTar(file, `docker-archive:${file}`));
    } catch (e) {
      // Its own findings name the archive already; a read error gets the name once.
      if (e instanceof TargetError) throw e;
      throw new TargetError(`docker-archive:${file}: ${(e as Error).message}`);
    }
  }

  /** The entry manifest.json names: missing, manifest.json is at fault. */
  named(kind: string, name: string): Entry {
    const entry = this.entries.get(name);
    if (!entry)
      throw new TargetError(
        `docker-archive:${this.file}: manifest.json names ${kind} ${JSON.stringify(shown(name))}, which is not in the archive`,
      );
    return entry;
  }

  /** A small entry's bytes (manifest.json, the config), refused past the body limit. */
  async read(name: string): Promise<Buffer> {
    const e = this.entries.get(name);
    if (!e)
      throw new TargetError(
        `docker-archive:${this.file}: no ${name} in the archive (is it a \`docker save\` tar?)`,
      );
    return smallEntry(this.file, e, `docker-archive:${this.file}: ${name}`);
  }

  /** The one image manifest.json lists. */
  async savedImage(): Promise<SavedImage> {
    let list: unknown;
    try {
      list = JSON.parse((await this.read('manifest.json')).toString('utf8'));
    } catch (e) {
      if (e instanceof TargetError) throw e;
      throw new TargetError(
        `docker-archive:${this.file}: manifest.json is not JSON: ${(e as Error).message}`,
      );
    }
    if (!Array.isArray(list) || !list.every(isSavedImage))
      throw new TargetError(
        `docker-archive:${this.file}: manifest.json is not a list of {Config, Layers} (is it a \`docker save\` tar?)`,
      );
    const image = list[0];
    if (!image) throw new TargetError(`docker-archive:${this.file}: manifest.json lists no image`);
    if (list.length > 1)
      throw new TargetError(
        `docker-archive:${this.file}: holds ${list.length} images; save one image per archive`,
      );
    return image;
  }

  /** A layer as the manifest describes it: digest from an OCI-style name, else hashed. */
  async layer(name: string): Promise<{ entry: Entry; digest: string; mediaType: string }> {
    const entry = this.named('layer', name);
    const head = await bytesAt(this.file, entry.offset, Math.min(2, entry.size));
    const gzip = head[0] === 0x1f && head[1] === 0x8b;
    const hex = name.startsWith('blobs/sha256/') ? name.slice('blobs/sha256/'.length) : '';
    const digest = DIGEST_HEX_PATTERN.test(hex)
      ? `sha256:${hex}`
      : await sha256File(this.file, { start: entry.offset, size: entry.size });
    return {
      entry,
      digest,
      mediaType: gzip ? MEDIA_TYPE.dockerLayerGzip : MEDIA_TYPE.dockerLayer,
    };
  }
}

export class DockerArchive {
  readonly name: string;

  private constructor(
    private readonly file: string,
    private readonly manifest: Manifest,
    /** Config and layers by digest: where each lies in the archive. */
    private readonly blobs: ReadonlyMap<string, Entry>,
  ) {
    this.name = `docker-archive:${file}`;
  }

  static async open(file: string): Promise<DockerArchive> {
    const archive = await ArchiveEntries.index(file);
    const image = await archive.savedImage();
    const configEntry = archive.named('config', image.Config);
    const config = await archive.read(image.Config);
    const layers = [];
    for (const name of image.Layers) layers.push(await archive.layer(name));
    const bytes = new TextEncoder().encode(
      goMarshal({
        schemaVersion: 2,
        mediaType: MEDIA_TYPE.dockerManifest,
        config: { mediaType: MEDIA_TYPE.dockerConfig, size: config.length, digest: sha256(config) },
        layers: layers.map((l) => ({
          mediaType: l.mediaType,
          size: l.entry.size,
          digest: l.digest,
        })),
      }),
    );
    const manifest = {
      digest: sha256(bytes),
      mediaType: MEDIA_TYPE.dockerManifest,
      size: bytes.length,
      bytes,
    };
    const blobs = new Map([
      [sha256(config), configEntry],
      ...layers.map((l) => [l.digest, l.entry] as const),
    ]);
    return new DockerArchive(file, manifest, blobs);
  }

  async getManifest(): Promise<Manifest> {
    return this.manifest;
  }

  async hasManifest(): Promise<ManifestInfo> {
    const { digest, mediaType, size } = this.manifest;
    return { digest, mediaType, size };
  }

  async *openBlob(digest: string): AsyncIterable<Uint8Array> {
    const e = this.blobs.get(digest);
    if (!e) throw new TargetError(`${this.name}: no blob ${digest}`);
    yield* entryStream(this.file, e);
  }
}

/**
 * A small entry's bytes (manifest.json, index.json, a config or manifest), refused past the
 * body limit: what an archive says of its sizes is not trusted. `what` names it in the error.
 */
export async function smallEntry(file: string, e: Entry, what: string): Promise<Buffer> {
  if (e.size > BODY_LIMIT.file)
    throw new TargetError(
      `${what} is ${e.size} bytes, larger than ${BODY_LIMIT.file}; refusing to read it`,
    );
  return bytesAt(file, e.offset, e.size);
}

async function bytesAt(file: string, offset: number, size: number): Promise<Buffer> {
  const handle = await open(file, 'r');
  try {
    const buf = Buffer.alloc(size);
    await handle.read(buf, 0, size, offset);
    return buf;
  } finally {
    await handle.close();
  }
}

/** An entry's bytes, streamed from its range of the archive. */
export async function* entryStream(file: string, e: Entry): AsyncIterable<Uint8Array> {
  if (e.size === 0) return;
  yield* createReadStream(file, {
    start: e.offset,
    end: e.offset + e.size - 1,
    highWaterMark: 1 << 20,
  });
}
