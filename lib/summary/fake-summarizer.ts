import type { BrowserSummarizer, DownloadMonitor, SummarizerFactory, SummarizerOptions } from './on-device';

/**
 * A stand-in for Chrome's `Summarizer` (tests only: the real one needs Chrome 138+ with its model).
 * It answers `availability()` as told, reports download progress through the monitor when the
 * model is "downloadable", and summarises by echoing bullets or failing as told.
 */
export interface FakeSummarizerPlan {
  availability: 'unavailable' | 'downloadable' | 'downloading' | 'available' | 'throws';
  /** Progress fractions reported while "downloading" the model. */
  progress?: number[];
  output?: string;
  failWith?: string;
  inputQuota?: number;
}

export interface FakeSummarizer extends SummarizerFactory {
  created: (SummarizerOptions & { monitor?: unknown })[];
  summarized: { text: string; context?: string }[];
  destroyed: number;
}

export function fakeSummarizer(plan: FakeSummarizerPlan): FakeSummarizer {
  const fake: FakeSummarizer = {
    created: [],
    summarized: [],
    destroyed: 0,
    availability() {
      if (plan.availability === 'throws') return Promise.reject(new Error('not allowed'));
      return Promise.resolve(plan.availability);
    },
    async create(options = {}) {
      fake.created.push(options);
      if (plan.availability === 'unavailable') throw new Error('NotSupportedError');
      if (plan.availability === 'downloadable' || plan.availability === 'downloading') {
        const listeners: ((e: { loaded: number; total: number }) => void)[] = [];
        const monitor: DownloadMonitor = { addEventListener: (_type, l) => listeners.push(l) };
        options.monitor?.(monitor);
        for (const p of plan.progress ?? [0, 0.5, 1]) {
          await Promise.resolve();
          for (const l of listeners) l({ loaded: p, total: 1 });
        }
      }
      const s: BrowserSummarizer = {
        inputQuota: plan.inputQuota,
        measureInputUsage: plan.inputQuota === undefined ? undefined : (text: string) => Promise.resolve(Math.ceil(text.length / 4)),
        summarize(text, o) {
          fake.summarized.push({ text, context: o?.context });
          if (plan.failWith) return Promise.reject(new Error(plan.failWith));
          return Promise.resolve(plan.output ?? '* First point.\n* Second point.');
        },
        destroy() {
          fake.destroyed++;
        },
      };
      return s;
    },
  };
  return fake;
}
