// Turn a destination string into a Target: `oci-layout:DIR` or `registry/repository`.

import path from 'node:path';
import { OciLayoutTarget } from './layout.js';
import { parseRepository, ReferenceError } from './reference.js';
import { RegistryTarget, type RegistryOptions } from './registry/client.js';
import type { Target } from './target.js';

export const OCI_LAYOUT_PREFIX = 'oci-layout:';

export interface OpenedTarget {
  readonly target: Target;
  /** `registry/repository`, or `oci-layout:DIR`: what pinned refs start with. */
  readonly repositoryRef: string;
  close(): Promise<void>;
}

export function openTarget(to: string, options: RegistryOptions = {}): OpenedTarget {
  if (to.startsWith(OCI_LAYOUT_PREFIX)) {
    const dir = path.resolve(to.slice(OCI_LAYOUT_PREFIX.length));
    const target = new OciLayoutTarget(dir);
    return { target, repositoryRef: target.name, close: async () => undefined };
  }
  let repo;
  try {
    repo = parseRepository(to);
  } catch (e) {
    throw new ReferenceError(
      `--to "${to}" is not a repository (registry/path) or oci-layout:DIR: ${(e as Error).message}`,
    );
  }
  const target = new RegistryTarget(repo.registry, repo.repository, options);
  return { target, repositoryRef: target.name, close: () => target.close() };
}
