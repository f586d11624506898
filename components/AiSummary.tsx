import { useCallback, useEffect, useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import { findSummarizer, onDeviceAvailability, summarizeOnDevice, type OnDeviceAvailability, type SummarizerFactory } from '@/lib/summary/on-device';

type Phase =
  | { kind: 'checking' }
  | { kind: 'absent' }
  | { kind: 'offer'; availability: 'available' | 'downloadable' | 'downloading' }
  | { kind: 'downloading'; fraction: number }
  | { kind: 'working' }
  | { kind: 'done'; points: string[] }
  | { kind: 'failed'; message: string };

/** The one summary in flight: starting another, or leaving the popup, aborts it. */
class LatestRequest {
  private controller: AbortController | null = null;
  next(): AbortSignal {
    this.controller?.abort();
    this.controller = new AbortController();
    return this.controller.signal;
  }
  abort(): void {
    this.controller?.abort();
  }
}

export interface AiSummaryProps {
  text: string;
  title: string | null;
  lang: string | null;
  /** The browser's `Summarizer`; found on the global object by default (tests pass a fake). */
  factory?: SummarizerFactory | null;
}

/**
 * "AI summary": the browser's on-device summariser (Chrome 138+), offered behind a click where it
 * exists and never run on its own. Renders nothing where the browser has no such model, so the
 * extractive summary above stays the summary.
 */
export function AiSummary({ text, title, lang, factory = findSummarizer() }: AiSummaryProps) {
  const [phase, setPhase] = useState<Phase>({ kind: 'checking' });
  const [request] = useState(() => new LatestRequest());

  useEffect(() => {
    let live = true;
    void onDeviceAvailability(factory, lang).then((a: OnDeviceAvailability) => {
      if (!live) return;
      if (a === 'available' || a === 'downloadable' || a === 'downloading') setPhase({ kind: 'offer', availability: a });
      else setPhase({ kind: 'absent' });
    });
    return () => {
      live = false;
      request.abort();
    };
  }, [factory, lang, request]);

  const run = useCallback(
    async (downloadFirst: boolean) => {
      if (!factory) return;
      const signal = request.next();
      setPhase(downloadFirst ? { kind: 'downloading', fraction: 0 } : { kind: 'working' });
      try {
        const points = await summarizeOnDevice(factory, {
          text,
          title,
          lang,
          signal,
          onProgress: (fraction) => setPhase(fraction >= 1 ? { kind: 'working' } : { kind: 'downloading', fraction }),
        });
        if (!signal.aborted) setPhase({ kind: 'done', points });
      } catch (e) {
        if (!signal.aborted) setPhase({ kind: 'failed', message: (e instanceof Error ? e.message : String(e)) || 'unknown error' });
      }
    },
    [factory, text, title, lang, request],
  );

  if (phase.kind === 'checking' || phase.kind === 'absent' || !factory) return null;

  return (
    <div class="ai-summary" id="ai-summary" aria-live="polite">
      {phase.kind === 'offer' && (
        <button type="button" class="secondary" id="ai-summary-run" onClick={() => void run(phase.availability !== 'available')}>
          {phase.availability === 'available' ? t('aiSummaryButton') : t('aiSummaryButtonDownload')}
        </button>
      )}
      {phase.kind === 'downloading' && (
        <p class="ai-progress">
          <label>
            {t('aiSummaryDownloading', String(Math.round(phase.fraction * 100)))}{' '}
            <progress max={1} value={phase.fraction} />
          </label>
        </p>
      )}
      {phase.kind === 'working' && <p class="ai-progress">{t('aiSummaryWorking')}</p>}
      {phase.kind === 'done' && (
        <>
          <h3>{t('aiSummaryHeading')}</h3>
          <ul class="ai-points">
            {phase.points.map((p, i) => (
              <li key={i}>{p}</li>
            ))}
          </ul>
          <p class="ai-note">{t('aiSummaryNote')}</p>
        </>
      )}
      {phase.kind === 'failed' && (
        <p class="ai-failed">
          {t('aiSummaryFailed', phase.message)}{' '}
          <button type="button" class="secondary" onClick={() => void run(false)}>
            {t('popupRetry')}
          </button>
        </p>
      )}
    </div>
  );
}
