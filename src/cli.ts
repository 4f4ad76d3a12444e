// `cog-push`: the same stages as the action, from a shell (local runs, the README demo, tests).
import { runCli, uncaught } from './cli/run.js';
import { exitOnSignals, releaseNow, signalExitCode } from './util/termination.js';
process.on('uncaughtException', uncaught).on('unhandledRejection', uncaught);
exitOnSignals((m) => process.stderr.write(`cog-push: ${m}\n`));
const code = await runCli(process.argv.slice(2), process.env, {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  cwd: process.cwd(),
});
if (signalExitCode() !== undefined) releaseNow();
process.exitCode = signalExitCode() ?? code;
