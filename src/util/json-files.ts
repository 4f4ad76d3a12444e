// Small JSON values kept on disk between runs, one file a key: what a later run may reuse
// instead of computing again (pack digests, a layer's gzip digest). Best effort both ways: a
// value that cannot be read is a miss, one that cannot be written only costs the next run the
// work again. Each file is written whole and renamed into place, so a reader never sees half.

import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { tempName } from './files.js';

export class JsonFiles {
  /** `dir`: none keeps nothing. */
  constructor(readonly dir: string | undefined) {}

  /** The value stored at `key`, unchecked (the caller checks its shape), or undefined. */
  async get(key: string): Promise<unknown> {
    if (!this.dir) return undefined;
    try {
      return JSON.parse(await readFile(path.join(this.dir, `${key}.json`), 'utf8'));
    } catch {
      return undefined;
    }
  }

  async set(key: string, value: unknown): Promise<void> {
    if (!this.dir) return;
    try {
      await mkdir(this.dir, { recursive: true });
      const file = path.join(this.dir, `${key}.json`);
      const tmp = tempName(file);
      await writeFile(tmp, JSON.stringify(value));
      await rename(tmp, file);
    } catch {
      // ignored on purpose: see the header
    }
  }
}
