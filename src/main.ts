// Action entry: the only module that knows @actions/core. Reads the environment and the inputs
// once, runs the publish, writes outputs and the summary. `run()` is exported so that
// runner-compatible local tools can drive the action; the door below runs it when this file
// is the entry point.

import { realpathSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as core from '@actions/core';
import { ConfigError } from './cog/config.js';
import { readRuntimeEnv } from './config/env.js';
import { useProxies } from './util/net.js';
import { boundedLog, logSafe } from './util/log.js';
import { exitOnSignals, releaseNow, signalExitCode, termination } from './util/termination.js';
import { parseInputs } from './config/inputs.js';
import { publish } from './publish/flow.js';
import { PushLedger } from './publish/ledger.js';
import { failureMarkdown, publishOutputs, refTreeText, summaryMarkdown } from './report/publish.js';

export async function run(): Promise<void> {
  let workspace = process.cwd();
  // Whether a failure writes the job summary: until the inputs are read, the default (on).
  let summary = process.env['GITHUB_STEP_SUMMARY'] !== undefined;
  // What went up before a failure, for its summary.
  const ledger = new PushLedger();
  try {
    const runtime = readRuntimeEnv(process.env, process.cwd(), process.platform);
    workspace = runtime.workspace;
    summary = runtime.stepSummary !== undefined;
    await useProxies(runtime.proxy);
    const inputs = parseInputs((name) => core.getInput(name), runtime);
    summary &&= inputs.summary;
    // The Hub token comes from the environment (hf:// sources): masked like the inputs, in
    // case it was not set from a repository secret (those are masked already).
    // A build secret named by a variable: its value, should a build step print it.
    const buildSecrets = inputs.buildOptions.secrets.map((s) => s.env && runtime.childEnv[s.env]);
    for (const secret of [
      inputs.password,
      inputs.replicateToken,
      ...runtime.secrets,
      ...buildSecrets,
    ])
      if (secret) core.setSecret(secret);
    const result = await publish(
      inputs,
      runtime,
      boundedLog({
        info: core.info,
        warning: core.warning,
        notice: core.notice,
        group: (name, fn) => core.group(name, fn),
      }),
      ledger,
    );
    for (const [name, value] of Object.entries(publishOutputs(result))) core.setOutput(name, value);
    core.info('');
    core.info(refTreeText(result));
    if (inputs.summary && runtime.stepSummary) {
      // The summary is optional: a summary that cannot be written is a warning, as
      // actions/cache treats its save, never a failed step after everything was published.
      await core.summary
        .addRaw(summaryMarkdown(result))
        .write()
        .catch((e: Error) => core.warning(`the job summary could not be written: ${e.message}`));
    }
  } catch (e) {
    // Stopped by a signal: that was said once already; what the stop made fail is not news.
    if (termination.aborted) return;
    fail(e, workspace);
    if (summary)
      await core.summary
        .addRaw(failureMarkdown(logSafe((e as Error).message), ledger.view()))
        .write()
        .catch(() => undefined);
  }
}

/**
 * The step's one error. A cog.yaml problem is an annotation on the file, at its line and
 * column (GitHub shows it there), one per problem.
 */
function fail(e: unknown, workspace: string): void {
  if (e instanceof ConfigError && e.path) {
    const file = path.relative(workspace, e.path);
    for (const p of e.problems)
      core.error(logSafe(`${e.file}: ${p.field}: ${p.message}`), {
        file: file.startsWith('..') ? e.path : file,
        startLine: p.line,
        startColumn: p.col,
      });
    process.exitCode = 1;
    return;
  }
  core.setFailed(logSafe((e as Error).message));
}

/** Is this module the process's entry point (`node dist/index.js`), not an import? */
function isEntry(): boolean {
  try {
    return import.meta.url === pathToFileURL(realpathSync(process.argv[1] ?? '')).href;
  } catch {
    return false;
  }
}

if (isEntry()) {
  // Anything no stage caught (an error event of a stream, a rejected promise nobody awaited)
  // still ends as one ::error:: line, never as a stack trace with no annotation.
  const last = (e: unknown) => {
    core.setFailed(logSafe(e instanceof Error ? e.message : String(e)));
    process.exit(1);
  };
  process.on('uncaughtException', last);
  process.on('unhandledRejection', last);
  // The runner cancels a step with SIGINT, then SIGTERM: the builder stops, the scratch and
  // credential files go, and the step ends with the signal's code.
  exitOnSignals((m) => core.error(m));
  await run();
  // Stopped by a signal, the run may end before the handler's wait: nothing outlives it.
  if (signalExitCode() !== undefined) releaseNow();
  // Like actions/cache: exit explicitly so a dangling socket or worker cannot hang the step.
  process.exit(signalExitCode() ?? process.exitCode);
}
