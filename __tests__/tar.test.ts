import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { extract } from 'tar-stream';
import { describe, expect, it } from 'vitest';
import { planLayers } from '../src/weights/layers.js';
import { inventoryDirectory } from '../src/weights/inventory.js';
import { layerStream } from '../src/weights/layer.js';
import { BLOCK, entryHeader, parentDirectories } from '../src/weights/tar.js';
import { tempDir, writeTree } from './helpers/tmp.js';

const root = tempDir('tar-');

function checksumOk(block: Uint8Array): boolean {
  const stored = parseInt(Buffer.from(block.subarray(148, 154)).toString(), 8);
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 0x20 : block[i]!;
  return stored === sum && block[154] === 0 && block[155] === 0x20;
}

describe('tar writer', () => {
  it('writes sizes of 8 GiB and more in a PAX record, 0 in the header', () => {
    const size = 8 * 1024 ** 3;
    const bytes = entryHeader('big.safetensors', 'file', size);
    const pax = Buffer.from(bytes.subarray(BLOCK, 2 * BLOCK)).toString('latin1');
    expect(pax.startsWith('11 atime=0\n11 ctime=0\n19 size=8589934592\n')).toBe(true);
    const header = bytes.subarray(bytes.length - BLOCK);
    expect(Buffer.from(header.subarray(124, 136)).toString('latin1')).toBe('00000000000\0');
    expect(checksumOk(header)).toBe(true);
    expect(checksumOk(bytes.subarray(0, BLOCK))).toBe(true);
    // One below the limit still fits the octal field and needs no record.
    const fits = entryHeader('big.safetensors', 'file', size - 1);
    expect(fits.length).toBe(3 * BLOCK);
    expect(Buffer.from(fits.subarray(2 * BLOCK + 124, 2 * BLOCK + 136)).toString()).toBe(
      '77777777777\0',
    );
  });

  it('sorts parent directories as Go sorts strings (without the slash)', () => {
    const f = (p: string) => ({ path: p, size: 1, source: '' });
    expect(parentDirectories([f('a/b/y'), f('a-b/x'), f('a/c'), f('z')])).toEqual([
      'a',
      'a-b',
      'a/b',
    ]);
  });

  it('is read back by GNU tar and tar-stream with every name, size and byte', async () => {
    const long = `${'d'.repeat(70)}/${'e'.repeat(70)}/${'f'.repeat(60)}.json`;
    const files: Record<string, string> = {
      [long]: 'long',
      'café/日本語.txt': 'unicode',
      'sub/dir/file.txt': 'nested',
      'empty.txt': '',
      [`${'n'.repeat(99)}/`.slice(0, 99) + 'x']: 'name of exactly 100 bytes',
    };
    const dir = writeTree(path.join(root, 'readback'), files);
    const [plan] = planLayers(await inventoryDirectory(dir), { bundleFileMax: 1 << 20 });
    const chunks: Buffer[] = [];
    for await (const c of layerStream({
      ...plan!,
      mediaType: 'application/vnd.oci.image.layer.v1.tar',
      gzipLevel: null,
    })) {
      chunks.push(Buffer.from(c));
    }
    const tar = Buffer.concat(chunks);
    const tarFile = path.join(root, 'readback.tar');
    writeFileSync(tarFile, tar);

    const listed = execFileSync('tar', ['-tf', tarFile], { encoding: 'utf8' })
      .split('\n')
      .filter(Boolean);
    expect(listed.filter((n) => !n.endsWith('/')).sort()).toEqual(Object.keys(files).sort());

    const seen: Record<string, string> = {};
    const ex = extract();
    const done = new Promise<void>((resolve, reject) => {
      ex.on('entry', (header, stream, next) => {
        const parts: Buffer[] = [];
        stream.on('data', (d: unknown) => parts.push(d as Buffer));
        stream.on('end', () => {
          if (header.type === 'file') seen[header.name] = Buffer.concat(parts).toString();
          else expect(header.mode).toBe(0o755);
          expect(header.mtime?.getTime()).toBe(0);
          expect(header.uid).toBe(0);
          next();
        });
      });
      ex.on('finish', resolve);
      ex.on('error', reject);
    });
    Readable.from(tar).pipe(ex);
    await done;
    expect(seen).toEqual(files);
  });
});
