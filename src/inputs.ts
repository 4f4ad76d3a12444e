// Every action input, parsed and validated once into one typed object (as actions/attest and
// docker/build-push-action do), so the rest of the code takes plain values and tests pass
// plain objects instead of mocking @actions/core.

import path from 'node:path';
import type { ModelRefEnv } from './cog/modelref.js';

export interface Inputs {
  /** Absolute project directory (cog.yaml's folder). */
  readonly workingDirectory: string;
  /** cog.yaml's name relative to workingDirectory. */
  readonly config: string;
  /** The COG_MODEL* knobs: an input, when given, replaces its environment variable. */
  readonly modelRef: ModelRefEnv;
}

/** Reads one input as @actions/core does: trimmed, "" when unset. */
export type InputReader = (name: string) => string;

export const MODEL_REF_INPUTS = {
  model: 'COG_MODEL',
  registry: 'COG_MODEL_REGISTRY',
  repository: 'COG_MODEL_REPO',
  tag: 'COG_MODEL_TAG',
} as const;

export function parseInputs(
  read: InputReader,
  env: Readonly<Record<string, string | undefined>>,
): Inputs {
  const workspace = env['GITHUB_WORKSPACE'] || process.cwd();
  const modelRef: Record<string, string | undefined> = {
    COG_REGISTRY_HOST: env['COG_REGISTRY_HOST'],
  };
  for (const [input, variable] of Object.entries(MODEL_REF_INPUTS)) {
    modelRef[variable] = read(input) || env[variable];
  }
  return {
    workingDirectory: path.resolve(workspace, read('working-directory') || '.'),
    config: read('config') || 'cog.yaml',
    modelRef,
  };
}
