// The programs the tests start as real peers (scripts/peers.txt, which scripts/test.sh installs).
import { accessSync, constants, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface Peer {
  command: string;
  debian: string;
}

const listFile = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../scripts/peers.txt',
);

export function peers(): Peer[] {
  return readFileSync(listFile, 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => {
      const [command, debian] = line.split(/\s+/) as [string, string];
      return { command, debian };
    });
}

/** Whether `command` is an executable file on PATH (what spawn would find). */
export function onPath(command: string, envPath = process.env['PATH'] ?? ''): boolean {
  return envPath
    .split(path.delimiter)
    .filter(Boolean)
    .some((dir) => {
      try {
        accessSync(path.join(dir, command), constants.X_OK);
        return true;
      } catch {
        return false;
      }
    });
}

export const missingPeers = (envPath?: string): Peer[] =>
  peers().filter((p) => !onPath(p.command, envPath));

/** The one line a run without its peers fails with: what is missing and how to get it. */
export function missingPeersMessage(missing: Peer[]): string {
  const packages = [...new Set(missing.map((p) => p.debian))].join(' ');
  return (
    `tests need ${missing.map((p) => p.command).join(', ')} (Debian: ${packages}): ` +
    `run \`bash scripts/test.sh\`, which installs them, or \`sudo apt-get install ${packages}\``
  );
}
