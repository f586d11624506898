import type { FeatureName } from './features';

/**
 * The news model: a logistic regression over the features of `features.ts`, trained to tell the
 * sentences of a greedy ROUGE oracle from the others; it ranks a report's sentences and breaks ties
 * in an opinion piece. Refit with `npm run eval:summary -- --fit` and paste its output here; it
 * uses the tuning half of the development stories only. Other rankings (other targets, λ, a
 * rule-based lead) are compared by `--cv` and were rejected by `--variants`.
 */
// Fitted by `npm run eval:summary -- --fit` on 150 tuning stories (4537 sentences), λ = 30.
export const NEWS_WEIGHTS: Record<FeatureName, number> = {
  bias: -2.2405,
  first: 0.0493,
  second: 0.4435,
  third: 0.4770,
  invPosition: 0.6250,
  relPosition: -0.8043,
  logLength: -0.0080,
  short: -0.1477,
  centrality: 0.6564,
  leadOverlap: 0.7264,
  opensWithQuote: -0.0932,
  opensWithPronoun: -0.2379,
  question: -0.0431,
  firstPerson: -0.4647,
};
