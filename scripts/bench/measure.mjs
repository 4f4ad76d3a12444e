// Run an ESM entry point (argv[2]) with the remaining arguments, then report its peak RSS on
// stderr as `maxrss_kb=N`. The peak covers every thread of the process, hash workers included.
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const [entry, ...args] = process.argv.slice(2);
process.argv = [process.argv[0], entry, ...args];
process.on('exit', () => {
  const u = process.resourceUsage();
  process.stderr.write(
    `maxrss_kb=${u.maxRSS} cpu_user_s=${u.userCPUTime / 1e6} cpu_sys_s=${u.systemCPUTime / 1e6}\n`,
  );
});
await import(pathToFileURL(path.resolve(entry)).href);
