// The pipeline without the detector: the content script has already detected (and its detector
// stays out of this bundle).
import { pipelineSteps, runPipeline, type AnalysisResult } from '@/lib/pipeline';
import type { ArticleDetection } from '@/lib/article/detect';
import { loadKnowledgeBase } from '@/lib/kb/load';
import { fetchIndexBytes, packagedKb } from '@/lib/kb/packaged';
import { yieldToPage } from '@/lib/steps';
import { HighlightPainter, paintSpans, type PaintSpan } from '@/lib/paint/painter';
import { detectPageScheme, highlightLinesPainted, type PageScheme } from '@/lib/paint/palette';
import type { JumpTarget, StepResult } from '@/lib/messaging';
import type { Analysis } from '@/lib/schema';
import type { KnowledgeBase } from '@/lib/kb/knowledge-base';
import type { Settings } from '@/lib/settings';
import type { CardController } from './cards';
import type { Analyzer, AnalyzerOutcome, LaterScript, PaintOutcome } from './api';


/** The analysis, the highlights and the cards of one page (see ./api.ts for the contract). */
export function createAnalyzer(): Analyzer {
  let analysis: Analysis | null = null;
  let painter: HighlightPainter | null = null;
  let spans: PaintSpan[] = [];
  let root: Element | null = null;
  let scheme: PageScheme = 'light';
  const jumpCursor = new Map<string, number>();
  // Hover/focus/keyboard cards, made once the cards script is here (they are attached with
  // the full analysis only).
  let cards: CardController | null = null;
  // The knowledge-base index's bytes, fetched once per page (again after a failure).
  let indexBytes: Promise<ArrayBuffer> | null = null;

  const clear = () => {
    cards?.detach();
    painter?.clear();
    painter = null;
    analysis = null;
    jumpCursor.clear();
  };

  return {
    async analyze({ force, detection, stillWanted, loadLater, lang, paintEarly }): Promise<AnalyzerOutcome | null> {
      clear();
      let busyMs = 0;
      const timed = <T>(work: () => T): T => {
        const t0 = performance.now();
        try {
          return work();
        } finally {
          busyMs += performance.now() - t0;
        }
      };
      // The knowledge-base index is fetched once the claims are painted (`beforeActors`), and decoded
      // and read while the actors' code is imported: the first highlights do not wait for it. Fetched
      // earlier (while the analyzer was loaded), its 1.5 MB arrived during the claims stage, which
      // took 12 ms longer (51.6 → 38.2 and 48.5 → 37.2 ms of work, first highlights 211 → 201 and
      // 242 → 202 ms, `npm run bench:browser -- --runs 9 --page palmyra`, A/B, twice).
      let kb: KnowledgeBase | null = null;
      let kbAt = 0;
      let kbLoaded: Promise<void> = Promise.resolve();
      const loadKb = () => {
        const bytes = (indexBytes ??= fetchIndexBytes());
        bytes.catch(() => {
          if (indexBytes === bytes) indexBytes = null;
        });
        kbLoaded = loadKnowledgeBase(packagedKb(bytes)).then((loaded) => {
          kb = loaded;
          kbAt = performance.now();
        });
        // Awaited at the 'kb' step; a run abandoned before it must not leave a failure unhandled.
        kbLoaded.catch(() => {});
      };
      /** The painter of this analysis's text map, made once (the early paint and the full one share it). */
      const painterFor = (result: AnalysisResult): HighlightPainter | null => {
        if (painter || !result.map) return painter;
        root = result.detection?.root ?? null;
        // Once per analysis: a dark article background gets the dark-page palette.
        scheme = root ? detectPageScheme(root) : 'light';
        return (painter = new HighlightPainter(document, result.map, { scheme, lines: highlightLinesPainted(navigator.userAgent), root }));
      };
      // The claims and footnote markers are on the page before the actors are found: the reader sees
      // the first highlights while the knowledge base loads, the actors' code is imported and the
      // tagger runs.
      let earlyAt: number | undefined;
      let later: LaterScript | null = null;
      let laterLoaded: Promise<unknown> = Promise.resolve();
      const beforeActors = (partial: AnalysisResult) => {
        if (paintEarly && painterFor(partial)?.paint(paintSpans(partial.analysis), paintEarly.categories)) earlyAt = performance.now();
        // Asked for once the first highlights are painted, so that their evaluation never delays them.
        loadKb();
        laterLoaded = loadLater().then((stages) => {
          later = stages;
          cards ??= stages.createCards(document);
        });
        laterLoaded.catch(() => {});
      };
      const steps = pipelineSteps(document, { kb: () => kb, later: () => later, force, detection, lang, url: location.href, source: location.href, beforeActors });
      let r = timed(() => steps.next());
      while (!r.done) {
        // After the knowledge base and the later stages, too, a task of its own (the last of them may
        // have arrived at the end of a long task).
        if (r.value === 'kb') await Promise.all([kbLoaded, laterLoaded]);
        await yieldToPage();
        if (!stillWanted()) return null;
        r = timed(() => steps.next());
      }
      const result = r.value;
      analysis = result.analysis;
      spans = paintSpans(analysis);
      timed(() => painterFor(result));
      return { analysis, busyMs, kbAt, earlyAt };
    },

    describe(detection: ArticleDetection): Analysis {
      return runPipeline(document, { detection, url: location.href, source: location.href }).analysis;
    },

    paint(highlightsOn: boolean, settings: Settings): PaintOutcome {
      if (!painter || !analysis) return { painted: 0, actorsShown: 0 };
      const painted = highlightsOn ? painter.paint(spans, settings.categories) : (painter.clear(), 0);
      if (painted > 0) cards?.attach({ analysis, painter, scheme, enabled: settings.categories, root });
      else cards?.detach();
      const actorsShown = highlightsOn ? analysis.actors.filter((a) => settings.categories[a.type]).length : 0;
      return { painted, actorsShown };
    },

    jumpTo(target: JumpTarget): boolean {
      if (!analysis || !painter) return false;
      let span: { start: number; end: number } | undefined;
      const next = (key: string, n: number) => {
        const i = target.occurrence ?? jumpCursor.get(key) ?? 0;
        jumpCursor.set(key, (i + 1) % Math.max(n, 1));
        return i % Math.max(n, 1);
      };
      if (target.kind === 'actor') {
        const actor = analysis.actors[target.index];
        if (actor) span = actor.mentions[next(`a${target.index}`, actor.mentions.length)];
      } else if (target.kind === 'claim') span = analysis.claims[target.index];
      else if (target.kind === 'summary') span = analysis.summary[target.index];
      else {
        const f = analysis.footnotes[target.index];
        if (f) span = f.citations[next(`f${target.index}`, f.citations.length)];
      }
      return span ? painter.reveal(span.start, span.end) : false;
    },

    step(direction: 1 | -1): StepResult | null {
      return painter ? (cards?.step(direction) ?? null) : null;
    },

    clear,
  };
}
