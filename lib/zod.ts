import * as z from 'zod/mini';

/**
 * zod (mini), configured once for every Sift context. Extension pages and content scripts forbid
 * `eval`, so zod's compiled fast path can never run there; `jitless` also skips its `new Function`
 * probe, which a strict CSP reports as a violation even though zod catches the error, and which
 * costs a cold page several milliseconds. Import `z` from here, never from 'zod/mini' directly.
 */
z.config({ jitless: true });

export { z };
