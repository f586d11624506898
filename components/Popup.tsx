import { useCallback, useEffect, useState } from 'preact/hooks';
import { sendMessage, type JumpTarget, type PageState } from '@/lib/messaging';
import { getSettings, normalizeHost, updateSettings, DEFAULT_SETTINGS, type Settings } from '@/lib/settings';
import { t } from '@/lib/i18n';
import { Summary } from './Summary';
import { ActorList } from './ActorList';
import { ClaimList } from './ClaimList';
import { FootnoteList } from './FootnoteList';
import { Toggles } from './Toggles';

type View = { kind: 'loading' } | { kind: 'unsupported' } | { kind: 'page'; state: PageState };

const POLL_MS = 150;

/** The popup for one tab: what Sift found on the page, and the switches. */
export function Popup({ tabId }: { tabId: number | null }) {
  const [view, setView] = useState<View>({ kind: 'loading' });
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);

  const ask = useCallback(
    async (request: () => Promise<PageState | undefined>) => {
      if (tabId === null) return setView({ kind: 'unsupported' });
      try {
        const state = await request();
        setView(state ? { kind: 'page', state } : { kind: 'unsupported' });
      } catch {
        setView({ kind: 'unsupported' });
      }
    },
    [tabId],
  );

  useEffect(() => {
    void getSettings().then(setSettings);
    void ask(() => sendMessage('getPageState', undefined, tabId!));
  }, [ask, tabId]);

  // While the page is still being analysed, ask again shortly.
  useEffect(() => {
    if (view.kind !== 'page' || view.state.status !== 'analyzing') return;
    const timer = setTimeout(() => void ask(() => sendMessage('getPageState', undefined, tabId!)), POLL_MS);
    return () => clearTimeout(timer);
  }, [view, ask, tabId]);

  const jump = (target: JumpTarget) => void sendMessage('jumpTo', target, tabId!).catch(() => {});

  if (view.kind === 'loading') return <Status>{t('popupLoading')}</Status>;
  if (view.kind === 'unsupported') return <Status>{t('popupUnsupported')}</Status>;
  const { state } = view;
  const a = state.analysis;

  if (state.status === 'analyzing') return <Status>{t('popupLoading')}</Status>;
  if (state.status === 'error')
    return (
      <Status>
        {t('popupError', state.error ?? '')}{' '}
        <button type="button" onClick={() => void ask(() => sendMessage('analyzeAnyway', undefined, tabId!))}>
          {t('popupRetry')}
        </button>
      </Status>
    );
  if (state.status === 'site-disabled')
    return (
      <Status>
        {t('popupSiteDisabled')}{' '}
        <button
          type="button"
          id="site-on"
          onClick={async () => {
            const host = normalizeHost(state.hostname);
            setSettings(await updateSettings((s) => ({ ...s, disabledSites: s.disabledSites.filter((x) => x !== host) })));
            setTimeout(() => void ask(() => sendMessage('getPageState', undefined, tabId!)), POLL_MS);
          }}
        >
          {t('popupSiteEnable')}
        </button>
      </Status>
    );

  const art = a?.article;
  const header = (
    <header>
      <h1 id="title">{art?.title || state.hostname}</h1>
      <p class="meta" id="meta">
        {[art?.siteName ?? state.hostname, art && t('popupMinutes', String(Math.max(1, Math.round(art.wordCount / 230))))].filter(Boolean).join(' · ')}
      </p>
    </header>
  );

  if (state.status === 'not-article')
    return (
      <main class="popup">
        {header}
        <p id="status" role="status">
          {t('popupNotArticle')}
        </p>
        <button type="button" id="analyse-anyway" class="primary" onClick={() => void ask(() => sendMessage('analyzeAnyway', undefined, tabId!))}>
          {t('popupAnalyseAnyway')}
        </button>
      </main>
    );

  return (
    <main class="popup">
      {header}
      <Toggles
        highlightsOn={state.highlightsOn}
        settings={settings}
        onTabHighlights={(on) => void ask(() => sendMessage('setTabHighlights', on, tabId!))}
        onCategory={async (category, on) => setSettings(await updateSettings((s) => ({ ...s, categories: { ...s.categories, [category]: on } })))}
        onSiteOff={async () => {
          const host = normalizeHost(state.hostname);
          setSettings(await updateSettings((s) => ({ ...s, disabledSites: [...s.disabledSites, host] })));
          setTimeout(() => void ask(() => sendMessage('getPageState', undefined, tabId!)), POLL_MS);
        }}
      />
      {a && (
        <>
          <Summary summary={a.summary} article={a.article} onJump={(index) => jump({ kind: 'summary', index })} />
          <ActorList actors={a.actors} onJump={(index) => jump({ kind: 'actor', index })} />
          <ClaimList claims={a.claims} onJump={(index) => jump({ kind: 'claim', index })} />
          <FootnoteList footnotes={a.footnotes} onJump={(index) => jump({ kind: 'footnote', index })} />
        </>
      )}
    </main>
  );
}

function Status({ children }: { children: preact.ComponentChildren }) {
  return (
    <main class="popup">
      <p id="status" role="status" aria-live="polite">
        {children}
      </p>
    </main>
  );
}
