import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { buildKb } from './build-kb';
import { parseKbIndex } from '@/lib/kb/index-file';
import type { KbDetailsHeader } from '@/lib/kb/details-file';
import { inputsDigest } from './kb/sources';
import { REPO } from '@/tests/unit/dom';

const committed = (f: string) => readFileSync(path.join(REPO, 'public/kb', f), 'utf8');

describe('the bundled knowledge base', () => {
  it('was built from the sources, overlay and build code as they are now (run `npm run build:kb` when this fails)', () => {
    // Cheap: hashes the inputs (and checks every pinned source against its pin) instead of
    // rebuilding; the build is deterministic, so the same inputs give the same files.
    const details = JSON.parse(committed('details/header.json')) as KbDetailsHeader;
    const index = parseKbIndex(committed('index.txt'));
    expect(details.inputs).toBe(inputsDigest(REPO));
    expect(details.build).toBe(index.build);
  });

  // The whole build takes about 10 s of CPU: it runs in CI (CI=true) or with SIFT_KB_FULL_CHECK=1.
  it.runIf(process.env.CI === 'true' || process.env.SIFT_KB_FULL_CHECK === '1')('is byte for byte what scripts/build-kb makes', () => {
    const built = buildKb();
    expect(built.index).toBe(committed('index.txt'));
    expect(readdirSync(path.join(REPO, 'public/kb/details')).sort()).toEqual(Object.keys(built.details).map((f) => f.slice('details/'.length)).sort());
    for (const [f, text] of Object.entries(built.details)) expect(text, f).toBe(committed(f));
  });
});
