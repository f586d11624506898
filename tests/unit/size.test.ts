import { describe, expect, it } from 'vitest';
import { overBudget, sizeReport } from '@/scripts/size';

// The size budgets, checked on the built extension (`npm test` builds first; run `npm run build`
// before `npm run test:unit` to include this check).
describe.each(['chrome-mv3', 'firefox-mv3'])('bundle sizes of %s', (target) => {
  const rows = sizeReport(target);
  it.skipIf(!rows)('stay within their budgets', () => {
    expect(overBudget(rows!).map((r) => `${r.name}: ${r.gzip} > ${r.budgetGzip} bytes gzipped`)).toEqual([]);
    expect(rows!.find((r) => r.name.startsWith('content script (js'))!.gzip).toBeGreaterThan(0);
  });
});
