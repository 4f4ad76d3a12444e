// Types of image-layout.mjs, for the tests that make an image with it.
export function writeImageLayout(
  dir: string,
  files: readonly { path: string; source: string }[],
): Promise<string>;
