// Today's behaviour, byte for byte: the commands' output and what they write, as recorded in
// __tests__/transcripts/ (scripts/record-transcripts.mjs) from the bundle before the code moved.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { recordTranscripts, TRANSCRIPT_DIR } from './helpers/transcripts.js';

it('reproduces every recorded transcript', () => {
  const now = recordTranscripts();
  expect(Object.keys(now).length).toBe(6);
  for (const [name, text] of Object.entries(now))
    expect(text, name).toBe(readFileSync(path.join(TRANSCRIPT_DIR, `${name}.txt`), 'utf8'));
}, 60_000);
