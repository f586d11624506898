/**
 * A value made on first use, then kept (immutable). For tables built from word lists: a script
 * that builds them at load time pays for it on every page, also on pages that never use them.
 */
export function once<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= make());
}

/**
 * `compute`, remembered by its string: for questions that detection asks of every element and that
 * a page repeats (its class names: every row of an inbox, every teaser of a front page has the same
 * ones). Forgets all it knows when it knows `size` strings (a page's unique ids would fill it).
 */
export function memoByString<T extends number | boolean>(compute: (s: string) => T, size = 4096): (s: string) => T {
  const known = new Map<string, T>();
  return (s) => {
    let value = known.get(s);
    if (value === undefined) {
      value = compute(s);
      if (known.size >= size) known.clear();
      known.set(s, value);
    }
    return value;
  };
}
