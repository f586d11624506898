import { describe, expect, it } from 'vitest';
import { loadFixtures, loadSpec, scoreFixture, siftSpans, spanPRF, totals, type SpecModel } from '../../../scripts/eval-claims';

// Regression floor for numeric claims: `npm run eval:claims` prints the full tables. The floors sit
// just under what the claim stage reached when they were set (see lib/claims/README.md); raise them
// when the stage improves, never lower them to let a change through.
const scores = loadFixtures().map(scoreFixture);
const heldOut = totals(scores.filter((s) => s.split === 'heldout'));
const fresh = totals(scores.filter((s) => s.split === 'heldout' && s.fresh));
const tuning = totals(scores.filter((s) => s.split === 'tune'));

describe('numeric claims: regression floor', () => {
  it('has the labelled articles it is measured on', () => {
    expect(tuning.gold).toBeGreaterThanOrEqual(120);
    expect(heldOut.gold).toBeGreaterThanOrEqual(140);
  });

  it('finds the claims of the held-out articles', () => {
    expect(heldOut.recall).toBeGreaterThanOrEqual(0.98);
    expect(heldOut.precision).toBeGreaterThanOrEqual(0.96);
    expect(fresh.recall).toBeGreaterThanOrEqual(0.97);
    expect(fresh.precision).toBeGreaterThanOrEqual(0.9);
  });

  it('gets their hedge, source, kind and footnotes right', () => {
    expect(heldOut.hedge).toBeGreaterThanOrEqual(0.98);
    expect(heldOut.source).toBeGreaterThanOrEqual(0.92);
    expect(heldOut.kind).toBeGreaterThanOrEqual(0.96);
    expect(heldOut.footnotes).toBeGreaterThanOrEqual(0.99);
  });

  it('keeps the tuning articles', () => {
    expect(tuning.recall).toBeGreaterThanOrEqual(0.99);
    expect(tuning.precision).toBeGreaterThanOrEqual(0.99);
    expect(tuning.hedge).toBeGreaterThanOrEqual(0.99);
  });

  it.each([
    ['number', 0.8],
    ['percent', 0.73],
    ['currency', 0.83],
  ] as [SpecModel, number][])('reads the %s spans of the Recognizers-Text specs', (model, floor) => {
    expect(spanPRF(loadSpec(model), (x) => siftSpans(model, x)).f1).toBeGreaterThanOrEqual(floor);
  });
});
