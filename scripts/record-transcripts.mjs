// Record the behaviour transcripts from the current dist/ (see __tests__/helpers/transcripts.ts).
// Run before a restructuring, commit them, and the transcripts test holds the new code to them.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { recordTranscripts, TRANSCRIPT_DIR } from '../__tests__/helpers/transcripts.ts';

for (const [name, text] of Object.entries(recordTranscripts())) {
  writeFileSync(path.join(TRANSCRIPT_DIR, `${name}.txt`), text);
  console.log(`recorded ${name}`);
}
