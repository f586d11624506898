/**
 * A value made on first use, then kept (immutable). For tables built from word lists: a script
 * that builds them at load time pays for it on every page, also on pages that never use them.
 */
export function once<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= make());
}
