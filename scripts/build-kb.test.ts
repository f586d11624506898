import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildKb } from './build-kb';
import { REPO } from '@/tests/unit/dom';

describe('the bundled knowledge base', () => {
  it('is what scripts/build-kb makes from its sources (run `npm run build:kb` when this fails)', () => {
    const built = buildKb();
    expect(built.index).toBe(readFileSync(path.join(REPO, 'public/kb/index.json'), 'utf8'));
    expect(built.details).toBe(readFileSync(path.join(REPO, 'public/kb/details.json'), 'utf8'));
  });

  it('builds deterministically', () => {
    expect(buildKb()).toEqual(buildKb());
  });
});
