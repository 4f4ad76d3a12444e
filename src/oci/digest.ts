// The one digest pattern: content is named by sha256 here, as Cog and the registries name it.

/** `sha256:<64 lowercase hex>`. */
export const DIGEST_PATTERN = /^sha256:[a-f0-9]{64}$/;

/** 64 lowercase hex: a digest without its algorithm (a blob's file name). */
export const DIGEST_HEX_PATTERN = /^[a-f0-9]{64}$/;

export const isDigest = (s: string): boolean => DIGEST_PATTERN.test(s);
