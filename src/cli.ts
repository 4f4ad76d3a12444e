// `cog-push`: the same stages as the action, from a shell (local runs, the README demo, tests).
import { runCli } from './cli/run.js';
process.exitCode = await runCli(process.argv.slice(2), process.env);
