// The closed sets an input may name, defined below the modules that act on them, so that
// parsing the inputs (config/) imports nothing from the layers above it.

/** The builders `build` may name (besides `none`). */
export type BuilderName = 'cog' | 'docker' | 'buildah';
export const BUILDERS: readonly BuilderName[] = ['cog', 'docker', 'buildah'];

/** How a published model is read back: by digest and size, or every blob hashed. */
export type VerifyMode = 'digests' | 'full';
