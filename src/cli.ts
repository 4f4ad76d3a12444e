// `cog-push`: the same stages as the action, from a shell (local runs, the README demo, tests).
import { runCli, uncaught } from './cli/run.js';
process.on('uncaughtException', uncaught).on('unhandledRejection', uncaught);
process.exitCode = await runCli(process.argv.slice(2), process.env);
