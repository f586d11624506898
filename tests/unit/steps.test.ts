import { describe, expect, it, vi } from 'vitest';
import { analysisSteps, analyze, type Step } from '@/lib/analysis';
import { bundledKb, fixtureDocument, htmlDocument } from './dom';
import { drain, nextTask, runInSlices, yieldToPage, type Steps } from '@/lib/steps';
import { detectArticle, detectArticleSteps } from '@/lib/article/detect';
import { longArticle } from '../fixtures/generated';

// The content script runs the pipeline in short steps (analysisSteps with pauses inside long
// stages); the CLI runs it straight through. Both must give the same Analysis.
describe('the pipeline in short steps', () => {
  it('pauses inside the long stages and gives the same analysis as analyze()', () => {
    const kb = bundledKb();
    const whole = analyze(fixtureDocument('palmyra'), { kb, url: 'https://example.org/palmyra' });
    // A clock that moves 1 ms per reading: every step is "long", so the pipeline pauses at each one.
    let now = 0;
    const steps = analysisSteps(fixtureDocument('palmyra'), { kb, url: 'https://example.org/palmyra', clock: () => now++, sliceMs: 1 });
    const pauses = new Map<Step, number>();
    let r = steps.next();
    while (!r.done) {
      pauses.set(r.value, (pauses.get(r.value) ?? 0) + 1);
      now += 1000; // time spent in the page between steps is not the pipeline's
      r = steps.next();
    }
    const stepped = r.value.analysis;
    // Every stage pauses inside, not only at its end: none is one long task on a long article.
    expect(pauses.get('actors')).toBeGreaterThan(10);
    expect(pauses.get('claims')).toBeGreaterThan(10);
    for (const stage of ['textmap', 'footnotes', 'sentences', 'summary'] as const) expect(pauses.get(stage), stage).toBeGreaterThan(3);
    expect({ ...stepped, timingsMs: {} }).toEqual({ ...whole, timingsMs: {} });
    // Timings count work only: far below the 1,000 ms of every pause.
    expect(stepped.timingsMs.total).toBeLessThan(1000);
  });

  // The analyzer starts before the knowledge-base index has arrived: the stages that do not need it
  // run, then the pipeline waits ('kb') until the index is there, and the actors are the same.
  it('runs the stages before the actors while the knowledge base loads, then waits for it', () => {
    const kb = bundledKb();
    const whole = analyze(fixtureDocument('palmyra'), { kb, url: 'https://example.org/palmyra' });
    let loaded: typeof kb | null = null;
    const steps = analysisSteps(fixtureDocument('palmyra'), { kb: () => loaded, url: 'https://example.org/palmyra' });
    const seen: Step[] = [];
    let r = steps.next();
    while (!r.done) {
      seen.push(r.value);
      if (seen.filter((s) => s === 'kb').length === 3) loaded = kb;
      r = steps.next();
    }
    expect(seen.filter((s) => s === 'kb')).toHaveLength(3);
    const waitedAt = seen.indexOf('kb');
    expect(seen.slice(0, waitedAt)).toEqual(expect.arrayContaining(['textmap', 'footnotes', 'sentences', 'claims']));
    expect(seen.slice(0, waitedAt)).not.toContain('actors');
    expect(r.value.analysis.actors.length).toBeGreaterThan(5);
    expect({ ...r.value.analysis, timingsMs: {} }).toEqual({ ...whole, timingsMs: {} });
  });
});

// The content script decides the language before loading the analyzer and hands it over: the
// pipeline takes that answer instead of sampling the text again, and decides itself otherwise.
describe('the article language handed to the pipeline', () => {
  it('is used as given, and decided from the page when not given', () => {
    const decided = analyze(fixtureDocument('palmyra'), { url: 'https://example.org/palmyra' });
    expect(decided.article?.lang).toBe('en');
    const given = analyze(fixtureDocument('palmyra'), { url: 'https://example.org/palmyra', lang: 'xx' });
    expect(given.article?.lang).toBe('xx');
    expect({ ...given, article: { ...given.article, lang: 'en' }, timingsMs: {} }).toEqual({ ...decided, timingsMs: {} });
  });
});

// The analyzer paints the claims and footnote markers before the actors are found.
describe('the partial analysis before the actors stage', () => {
  it('holds the claims and footnotes, no actors yet, and is offered once', () => {
    const kb = bundledKb();
    const seen: { claims: number; footnotes: number; actors: number; summary: number; map: boolean }[] = [];
    const whole = analyze(fixtureDocument('palmyra'), {
      kb,
      url: 'https://example.org/palmyra',
      beforeActors: ({ analysis, map }) =>
        seen.push({ claims: analysis.claims.length, footnotes: analysis.footnotes.length, actors: analysis.actors.length, summary: analysis.summary.length, map: map !== null }),
    });
    expect(seen).toEqual([{ claims: whole.claims.length, footnotes: whole.footnotes.length, actors: 0, summary: 0, map: true }]);
    expect(whole.claims.length).toBeGreaterThan(5);
    expect(whole.actors.length).toBeGreaterThan(5);
  });
});

// scheduler.yield resumes ahead of the page's timers; every fourth pause lets them run.
describe('yieldToPage', () => {
  it('uses scheduler.yield, and a zero timeout every fourth pause', async () => {
    const scheduler = { yield: vi.fn(() => Promise.resolve()) };
    vi.stubGlobal('scheduler', scheduler);
    try {
      for (let i = 0; i < 8; i++) await yieldToPage();
      expect(scheduler.yield).toHaveBeenCalledTimes(6);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  // Firefox has no scheduler.yield, and puts off the timers a loading page sets.
  it('without scheduler.yield, pauses until the next task and sets no timer', async () => {
    vi.stubGlobal('scheduler', undefined);
    const timers = vi.spyOn(globalThis, 'setTimeout');
    try {
      for (let i = 0; i < 8; i++) await yieldToPage();
      expect(timers).not.toHaveBeenCalled();
    } finally {
      timers.mockRestore();
      vi.unstubAllGlobals();
    }
  });
});

// The popup's next task: after every promise of the current task, without a timer (Firefox puts
// off a loading document's timers).
describe('nextTask', () => {
  it('resolves after the current task and its promises, and sets no timer', async () => {
    const timers = vi.spyOn(globalThis, 'setTimeout');
    const order: string[] = [];
    const next = nextTask().then(() => order.push('next task'));
    void Promise.resolve()
      .then(() => order.push('promise'))
      .then(() => order.push('its continuation'));
    order.push('this task');
    await next;
    expect(order).toEqual(['this task', 'promise', 'its continuation', 'next task']);
    expect(timers).not.toHaveBeenCalled();
    timers.mockRestore();
  });
});

// The content script detects in short tasks too: a 1 MB page took one task of 40-60 ms.
describe('detection in short steps', () => {
  it('pauses inside the walk of a large page and decides as detectArticle does', () => {
    const html = longArticle(10_000);
    const whole = detectArticle(htmlDocument(html), { url: 'https://example.org/long' });
    const steps = detectArticleSteps(htmlDocument(html), { url: 'https://example.org/long' });
    let pauses = 0;
    let r = steps.next();
    while (!r.done) {
      pauses++;
      r = steps.next();
    }
    expect(pauses).toBeGreaterThan(5);
    expect(r.value.isArticle).toBe(true);
    expect({ ...r.value, skip: null, meta: r.value.meta, root: r.value.root?.outerHTML }).toEqual({ ...whole, skip: null, meta: whole.meta, root: whole.root?.outerHTML });
  });
});

describe('runInSlices', () => {
  function* counted(n: number): Steps<number> {
    let sum = 0;
    for (let i = 0; i < n; i++) {
      sum += i;
      yield;
    }
    return sum;
  }

  it('gives the main thread back between slices and returns what drain returns', async () => {
    const scheduler = { yield: vi.fn(() => Promise.resolve()) };
    vi.stubGlobal('scheduler', scheduler);
    try {
      // Slices of 0 ms: a pause after every step (every fourth pause is a timeout, see yieldToPage).
      const { value, workMs } = await runInSlices(counted(12), 0);
      expect(value).toBe(drain(counted(12)));
      expect(workMs).toBeGreaterThanOrEqual(0);
      expect(scheduler.yield.mock.calls.length).toBeGreaterThanOrEqual(8);
      // Slices of a minute: no pause at all.
      scheduler.yield.mockClear();
      expect((await runInSlices(counted(12), 60_000)).value).toBe(66);
      expect(scheduler.yield).not.toHaveBeenCalled();
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
