// Bundles the `sift` command line (bin/cli.ts + lib/) into .output/cli/sift.mjs with esbuild.
import { build } from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export async function buildCli() {
  await build({
    entryPoints: [path.join(root, 'bin/cli.ts')],
    outfile: path.join(root, '.output/cli/sift.mjs'),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // linkedom's CommonJS dependencies need a real `require`.
    banner: { js: "import { createRequire as __siftRequire } from 'node:module'; const require = __siftRequire(import.meta.url);" },
    logLevel: 'warning',
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await buildCli();
}
