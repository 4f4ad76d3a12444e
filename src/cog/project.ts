// The project a publish starts from: cog.yaml read and validated, and the model reference
// resolved once (so a timestamp tag is computed once and reused everywhere).

import { loadCogConfig, type CogConfig } from './config.js';
import { resolveModelRef, type ModelRefEnv, type ModelTarget } from './modelref.js';

export interface Project {
  readonly config: CogConfig;
  readonly target: ModelTarget;
}

export interface ProjectRequest {
  readonly dir: string;
  readonly configName?: string;
  readonly env: ModelRefEnv;
  readonly now?: () => Date;
}

export async function loadProject(request: ProjectRequest): Promise<Project> {
  const config = await loadCogConfig(request.dir, request.configName);
  const target = resolveModelRef(config, request.env, request.now ?? (() => new Date()));
  return { config, target };
}
