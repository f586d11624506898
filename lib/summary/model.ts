import type { FeatureName } from './features';

/**
 * The news model: a logistic regression over the features of `features.ts`, trained to tell the
 * sentences of a greedy ROUGE oracle from the others. Refit with `npm run eval:summary -- --fit`
 * and paste its output here; it uses the tuning half of the development stories only.
 */
// Fitted by `npm run eval:summary -- --fit` on 150 tuning stories (4538 sentences), λ = 30.
export const NEWS_WEIGHTS: Record<FeatureName, number> = {
  bias: -2.2415,
  first: 0.0495,
  second: 0.4437,
  third: 0.4771,
  invPosition: 0.6249,
  relPosition: -0.8035,
  logLength: -0.0075,
  short: -0.1491,
  centrality: 0.6568,
  leadOverlap: 0.7268,
  opensWithQuote: -0.0932,
  opensWithPronoun: -0.2376,
  question: -0.043,
  firstPerson: -0.4645,
};
