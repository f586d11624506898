import { detectArticle } from './article/detect';
import { pipelineSteps, runPipeline, type AnalysisResult, type AnalyzeOptions, type LaterStages, type Step } from './pipeline';
import { findActorsSteps } from './actors/recognize';
import { summarizeSteps } from './summary/summarize';
import type { Analysis } from './schema';

export * from './pipeline';

/**
 * The one pipeline (lib/pipeline.ts) with the article detector and the later stages (actors,
 * summary): Document → Analysis.
 *
 *   detectArticle → TextMap → footnote markers → sentences → claims → actors → summary
 */

const LATER: LaterStages = { findActorsSteps, summarizeSteps };

/** The pipeline as steps (see `pipelineSteps`), detecting the article unless told otherwise. */
export function analysisSteps(doc: Document, options: AnalyzeOptions = {}): Generator<Step, AnalysisResult> {
  return pipelineSteps(doc, { detect: detectArticle, later: LATER, ...options });
}

/** Runs the whole pipeline at once. */
export function analyzeDocument(doc: Document, options: AnalyzeOptions = {}): AnalysisResult {
  return runPipeline(doc, { detect: detectArticle, later: LATER, ...options });
}

/** Document → Analysis (the CLI's and the evaluations' entry point). */
export function analyze(doc: Document, options: AnalyzeOptions = {}): Analysis {
  return analyzeDocument(doc, options).analysis;
}
