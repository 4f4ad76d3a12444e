// The tar bytes of a weight layer, exactly as Go's archive/tar (FormatPAX) writes them for Cog's
// packer: directory entries first, then files, every entry preceded by a PAX extended header
// (atime/ctime at the epoch force PAX), two zero blocks at the end. See spec/weights.md §4.
//
// A tar is described as segments: small header/padding buffers and references to file
// contents. The same segments drive the digest pass and every later replay (upload), so the
// bytes cannot drift between them, and file contents are never held in memory.

import { compareUtf8 } from '../util/gojson.js';
import type { PlannedFile } from './layers.js';

export const BLOCK = 512;
const NAME_SIZE = 100;
/** Largest size the 11-digit octal field holds; larger files carry a PAX `size` record. */
const MAX_OCTAL_SIZE = 8 ** 11 - 1;
const TYPE_FILE = 0x30; // '0'
const TYPE_DIR = 0x35; // '5'
const TYPE_PAX = 0x78; // 'x'

export type TarSegment =
  | { readonly kind: 'bytes'; readonly data: Uint8Array }
  | { readonly kind: 'file'; readonly file: PlannedFile };

const utf8 = new TextEncoder();

function toAscii(s: string): string {
  // archive/tar's toASCII: non-ASCII runes are dropped, not replaced.
  // eslint-disable-next-line no-control-regex
  return s.replace(/[^\x00-\x7f]/gu, '');
}

function isAscii(s: string): boolean {
  // eslint-disable-next-line no-control-regex
  return /^[\x00-\x7f]*$/.test(s);
}

function writeString(block: Uint8Array, offset: number, size: number, s: string): void {
  // Header fields are ASCII (names pass through toAscii): written byte by byte, no encoder.
  const bytes = isAscii(s) ? null : utf8.encode(s);
  const length = bytes ? bytes.length : s.length;
  if (bytes) block.set(bytes.subarray(0, size), offset);
  else for (let i = 0; i < Math.min(length, size); i++) block[offset + i] = s.charCodeAt(i);
  if (length < size) block[offset + length] = 0;
  // archive/tar: a name cut inside its field must not end in `/` (readers would take a file
  // for a directory), so trailing slashes of the cut become the NUL terminator.
  if (length > size && block[offset + size - 1] === 0x2f) {
    let n = size;
    while (n > 0 && block[offset + n - 1] === 0x2f) n--;
    block[offset + n] = 0;
  }
}

function writeOctal(block: Uint8Array, offset: number, size: number, value: number): void {
  const digits = value.toString(8).padStart(size - 1, '0');
  writeString(block, offset, size, digits);
}

function finishHeader(block: Uint8Array, withDevNumbers: boolean): Uint8Array {
  writeString(block, 257, 6, 'ustar\0');
  writeString(block, 263, 2, '00');
  if (withDevNumbers) {
    writeOctal(block, 329, 8, 0);
    writeOctal(block, 337, 8, 0);
  }
  block.fill(0x20, 148, 156);
  let sum = 0;
  for (let i = 0; i < block.length; i++) sum += block[i]!;
  writeOctal(block, 148, 7, sum);
  block[155] = 0x20;
  return block;
}

function paxRecord(key: string, value: string): string {
  const body = ` ${key}=${value}\n`;
  const bodyLength = utf8.encode(body).length;
  let n = bodyLength + String(bodyLength).length;
  if (String(n).length + bodyLength !== n) n = bodyLength + String(n).length;
  return `${n}${body}`;
}

/** `dir/PaxHeaders.0/base` for `dir/base`, `dir/PaxHeaders.0` for `dir/`, as archive/tar names it. */
function paxHeaderName(name: string): string {
  const slash = name.lastIndexOf('/');
  const dir = name.slice(0, slash + 1);
  const base = name.slice(slash + 1);
  const joined = base === '' ? `${dir}PaxHeaders.0` : `${dir}PaxHeaders.0/${base}`;
  return toAscii(joined).slice(0, NAME_SIZE).replace(/\/+$/, '');
}

function padding(size: number): Uint8Array {
  const rem = size % BLOCK;
  return new Uint8Array(rem === 0 ? 0 : BLOCK - rem);
}

/** The PAX extended header and the ustar header of one entry, as one buffer. */
export function entryHeader(name: string, type: 'file' | 'dir', size: number): Uint8Array {
  const records: [string, string][] = [
    ['atime', '0'],
    ['ctime', '0'],
  ];
  if (utf8.encode(name).length > NAME_SIZE || !isAscii(name)) records.push(['path', name]);
  if (size > MAX_OCTAL_SIZE) records.push(['size', String(size)]);
  const paxData = utf8.encode(records.map(([k, v]) => paxRecord(k, v)).join(''));

  const paxPadded = paxData.length + padding(paxData.length).length;
  const out = new Uint8Array(BLOCK + paxPadded + BLOCK);

  const pax = out.subarray(0, BLOCK);
  writeString(pax, 0, NAME_SIZE, paxHeaderName(name));
  writeOctal(pax, 100, 8, 0);
  writeOctal(pax, 108, 8, 0);
  writeOctal(pax, 116, 8, 0);
  writeOctal(pax, 124, 12, paxData.length);
  writeOctal(pax, 136, 12, 0);
  pax[156] = TYPE_PAX;
  finishHeader(pax, false);
  out.set(paxData, BLOCK);

  const hdr = out.subarray(BLOCK + paxPadded);
  writeString(hdr, 0, NAME_SIZE, toAscii(name));
  writeOctal(hdr, 100, 8, type === 'dir' ? 0o755 : 0o644);
  writeOctal(hdr, 108, 8, 0);
  writeOctal(hdr, 116, 8, 0);
  writeOctal(hdr, 124, 12, size > MAX_OCTAL_SIZE ? 0 : size);
  writeOctal(hdr, 136, 12, 0);
  hdr[156] = type === 'dir' ? TYPE_DIR : TYPE_FILE;
  finishHeader(hdr, true);
  return out;
}

/** Every ancestor directory of every file, deduplicated and sorted (Go sort.Strings, no slash). */
export function parentDirectories(files: readonly PlannedFile[]): string[] {
  const dirs = new Set<string>();
  for (const f of files) {
    const parts = f.path.split('/');
    for (let i = 1; i < parts.length; i++) dirs.add(parts.slice(0, i).join('/'));
  }
  return [...dirs].sort(compareUtf8);
}

/**
 * The segments of the layer tar for `files`, in tar order, made one by one as they are walked
 * (memory stays flat in the file count).
 */
export function* tarSegments(files: readonly PlannedFile[]): Generator<TarSegment> {
  const dirHeaders = parentDirectories(files).map((d) => entryHeader(`${d}/`, 'dir', 0));
  if (dirHeaders.length > 0) yield { kind: 'bytes', data: concat(dirHeaders) };
  for (const file of files) {
    yield { kind: 'bytes', data: entryHeader(file.path, 'file', file.size) };
    if (file.size > 0) yield { kind: 'file', file };
    const pad = padding(file.size);
    if (pad.length > 0) yield { kind: 'bytes', data: pad };
  }
  yield { kind: 'bytes', data: new Uint8Array(2 * BLOCK) };
}

/** The bytes around the contents of a one-file tar: what precedes them, and what follows. */
export function soloTarFraming(
  filePath: string,
  size: number,
): { before: Uint8Array; after: Uint8Array } {
  const segments = [...tarSegments([{ path: filePath, size, source: '' }])];
  const at = segments.findIndex((s) => s.kind === 'file');
  const bytes = (part: TarSegment[]) =>
    concat(part.map((s) => (s.kind === 'bytes' ? s.data : new Uint8Array(0))));
  return at < 0
    ? { before: bytes(segments), after: new Uint8Array(0) }
    : { before: bytes(segments.slice(0, at)), after: bytes(segments.slice(at + 1)) };
}

/** The tar's length in bytes, without building it. */
export function tarSize(segments: readonly TarSegment[]): number {
  return segments.reduce((n, s) => n + (s.kind === 'bytes' ? s.data.length : s.file.size), 0);
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
