// Action entry: the only module that knows @actions/core. Read inputs once, run, write outputs.

import * as core from '@actions/core';
import { parseInputs } from './inputs.js';
import { publish } from './publish.js';
import { publishOutputs, refTreeText, summaryMarkdown } from './report/publish.js';

async function main(): Promise<void> {
  const inputs = parseInputs((name) => core.getInput(name), process.env);
  // The Hub token comes from the environment (hf:// sources): masked like the inputs, in case
  // it was not set from a repository secret (those are masked already).
  const hubTokens = [process.env['HF_TOKEN'], process.env['HUGGING_FACE_HUB_TOKEN']];
  for (const secret of [inputs.password, inputs.replicateToken, ...hubTokens])
    if (secret) core.setSecret(secret);
  const result = await publish(inputs, {
    info: core.info,
    warning: core.warning,
    notice: core.notice,
    group: (name, fn) => core.group(name, fn),
  });
  for (const [name, value] of Object.entries(publishOutputs(result))) core.setOutput(name, value);
  core.info('');
  core.info(refTreeText(result));
  if (inputs.summary && process.env['GITHUB_STEP_SUMMARY']) {
    await core.summary.addRaw(summaryMarkdown(result)).write();
  }
}

try {
  await main();
} catch (e) {
  core.setFailed((e as Error).message);
}
// Like actions/cache: exit explicitly so a dangling socket or worker cannot hang the step.
process.exit();
