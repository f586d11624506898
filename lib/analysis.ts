import { detectArticle } from './article/detect';
import { pipelineSteps, runPipeline, type AnalysisResult, type AnalyzeOptions, type Step } from './pipeline';
import type { Analysis } from './schema';

export * from './pipeline';

/**
 * The one pipeline (lib/pipeline.ts) with the article detector: Document → Analysis.
 *
 *   detectArticle → TextMap → footnote markers → sentences → claims → actors → summary
 */

/** The pipeline as steps (see `pipelineSteps`), detecting the article unless told otherwise. */
export function analysisSteps(doc: Document, options: AnalyzeOptions = {}): Generator<Step, AnalysisResult> {
  return pipelineSteps(doc, { detect: detectArticle, ...options });
}

/** Runs the whole pipeline at once. */
export function analyzeDocument(doc: Document, options: AnalyzeOptions = {}): AnalysisResult {
  return runPipeline(doc, { detect: detectArticle, ...options });
}

/** Document → Analysis (the CLI's and the evaluations' entry point). */
export function analyze(doc: Document, options: AnalyzeOptions = {}): Analysis {
  return analyzeDocument(doc, options).analysis;
}
