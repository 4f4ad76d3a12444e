// Action entry: the only module that knows @actions/core. Read inputs once, run, write outputs.

import * as core from '@actions/core';
import { parseInputs } from './inputs.js';
import { publish } from './publish.js';
import { referenceString } from './oci/reference.js';

async function main(): Promise<void> {
  const inputs = parseInputs((name) => core.getInput(name), process.env);
  const result = await publish(inputs, { info: core.info, warning: core.warning });
  const ref = result.target.ref;
  core.setOutput('tag', ref.tag ?? '');
  core.setOutput('tagged-ref', referenceString(ref));
  core.setOutput(
    'weights',
    JSON.stringify(
      result.weights.map((w) => ({
        name: w.artifact.name,
        setDigest: w.artifact.setDigest,
        digest: w.artifact.manifestDigest,
        tag: w.artifact.tag,
        size: w.artifact.sizeUncompressed,
      })),
    ),
  );
  core.notice('cog-push-action: resolved and packed; pushing is not implemented yet.');
}

try {
  await main();
} catch (e) {
  core.setFailed((e as Error).message);
}
// Like actions/cache: exit explicitly so a dangling socket or worker cannot hang the step.
process.exit();
