import { useCallback, useEffect, useLayoutEffect, useMemo, useState } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import { carriedBackgrounds, isTabLoading, overviewOf, sendMessage, type AnalysisOverview, type JumpTarget, type PageOverview, type PageState } from '@/lib/messaging';
import { getSettings, normalizeHost, openOptionsPage, updateSettings, watchSettings, DEFAULT_SETTINGS, type Settings } from '@/lib/settings';
import type { Category } from '@/lib/categories';
import { formatCount, formatDate, languageName, t } from '@/lib/i18n';
import { Summary } from './Summary';
import { ActorList, type BackgroundOf } from './ActorList';
import { ClaimList } from './ClaimList';
import { FootnoteList } from './FootnoteList';
import { Toggles } from './Toggles';
import { CATEGORY_LABEL } from './labels';
import { ANALYSED_LANGUAGES, categoryCounts, primaryLanguage, readingMinutes } from './model';
import { nextTask } from '@/lib/steps';

/**
 * What the popup is showing:
 * - connecting: the first question to the page is on its way;
 * - waiting: the page did not answer yet (its content script starts when the page is idle), asked again;
 * - page-loading: the tab is still loading, so Sift has not started there yet;
 * - unsupported: no answer from a finished page: a browser page, an extension store, a PDF viewer,
 *   or a page opened before Sift was installed;
 * - page: the content script's state (analysing, ready, not an article, off on this site, failed):
 *   the first screen's share of it, and the whole state once it has come (`full`, null until then).
 */
type View =
  | { kind: 'connecting' }
  | { kind: 'waiting'; since: number }
  | { kind: 'page-loading' }
  | { kind: 'unsupported' }
  | { kind: 'page'; state: PageOverview; full: PageState | null };

/** How often to ask again while the page is loading or being analysed. */
const POLL_MS = 150;
/** How long a finished page may stay silent before the popup says Sift cannot run there. */
const CONNECT_GRACE_MS = 1500;
/** The lists below the first screen come after its first frame, or after this long at the latest. */
const BELOW_FOLD_LATEST_MS = 250;

export interface PopupProps {
  tabId: number | null;
  /** Loads the knowledge base's backgrounds (descriptions, aliases, links) of these actors. */
  loadBackgrounds?: (ids: readonly string[]) => Promise<(id: string) => ReturnType<NonNullable<BackgroundOf>>>;
  /**
   * The page's answer to a first `getPageOverview` sent before the popup rendered anything: the
   * popup shows its first screen from it and asks for the whole state next.
   */
  firstOverview?: Promise<PageOverview | undefined>;
}

/** The popup for one tab: what Sift found on the page, and the switches. */
export function Popup({ tabId, loadBackgrounds, firstOverview }: PopupProps) {
  const [view, setView] = useState<View>({ kind: 'connecting' });
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  const [announcement, setAnnouncement] = useState('');
  const [backgroundOf, setBackgroundOf] = useState<BackgroundOf>(undefined);

  const announce = useCallback((text: string) => {
    // Re-announce the same words (switching twice) by clearing first.
    setAnnouncement('');
    setTimeout(() => setAnnouncement(text), 50);
  }, []);

  // Shows the page's answer to `request` (what a `page` view holds), or why there is none.
  const answer = useCallback(
    async (request: () => Promise<{ state: PageOverview; full: PageState | null } | undefined>): Promise<PageOverview | null> => {
      if (tabId === null) {
        setView({ kind: 'unsupported' });
        return null;
      }
      try {
        const shown = await request();
        if (performance.getEntriesByName('sift-popup-state').length === 0) performance.mark('sift-popup-state');
        setView(shown ? { kind: 'page', ...shown } : { kind: 'unsupported' });
        return shown?.state ?? null;
      } catch {
        const loading = await isTabLoading(tabId);
        if (loading === null) setView({ kind: 'unsupported' });
        else if (loading) setView({ kind: 'page-loading' });
        else
          setView((prev) => {
            const since = prev.kind === 'waiting' ? prev.since : Date.now();
            return Date.now() - since < CONNECT_GRACE_MS ? { kind: 'waiting', since } : { kind: 'unsupported' };
          });
        return null;
      }
    },
    [tabId],
  );
  /** Asks the page something it answers with its whole state. */
  const ask = useCallback(
    (request: () => Promise<PageState | undefined>) =>
      answer(async () => {
        const state = await request();
        return state && { state: overviewOf(state), full: state };
      }),
    [answer],
  );
  const refresh = useCallback(() => ask(() => sendMessage('getPageState', undefined, tabId!)), [ask, tabId]);

  // Ask the page at once (or take the answer to the question already sent), in the layout effect:
  // a plain effect would wait for the first frame. After the first screen's share of an analysis,
  // the whole state (the lists below the first screen, the article's text), asked for at once (asked
  // after the first frame, when the popup still read the knowledge base itself, the lists came 40–90
  // ms later on a 5,000-word article and the first frame no sooner).
  useLayoutEffect(() => {
    if (firstOverview)
      void answer(async () => {
        const overview = await firstOverview;
        return overview && { state: overview, full: null };
      }).then((overview) => {
        if (overview?.status === 'ready') void refresh();
      });
    else void refresh();
    void getSettings().then(setSettings);
    return watchSettings(setSettings);
  }, [answer, refresh, firstOverview]);

  // While the page loads or is being analysed, ask again shortly.
  const pending = view.kind === 'waiting' || view.kind === 'page-loading' || (view.kind === 'page' && view.state.status === 'analyzing');
  useEffect(() => {
    if (!pending) return;
    const timer = setTimeout(() => void refresh(), POLL_MS);
    return () => clearTimeout(timer);
  }, [view, pending, refresh]);

  const state = view.kind === 'page' ? view.state : null;
  const analysis = state?.status === 'ready' ? state.analysis : null;
  const full = view.kind === 'page' && view.full?.status === 'ready' ? view.full.analysis : null;

  // The first screen (title, contents, switches, summary, the first actors) comes in the first
  // frame; the other actors and the long lists below (claims and footnotes: most of the popup's
  // elements on a long article) in the task after it, so that a long article's popup does not wait
  // for what is out of sight.
  const [belowFold, setBelowFold] = useState(false);
  useLayoutEffect(() => {
    if (!analysis || belowFold) return;
    if (performance.getEntriesByName('sift-popup-content').length === 0) performance.mark('sift-popup-content');
    const cancel = afterNextFrame(() => {
      performance.mark('sift-popup-painted');
      setBelowFold(true);
    });
    // A document that is not being rendered gets no frames: the lists come anyway.
    const fallback = window.setTimeout(() => setBelowFold(true), BELOW_FOLD_LATEST_MS);
    return () => {
      cancel();
      clearTimeout(fallback);
    };
  }, [analysis, belowFold]);
  // Every section in the DOM: marked for the timing printed by the e2e run.
  useLayoutEffect(() => {
    if (belowFold && full && performance.getEntriesByName('sift-popup-complete').length === 0) performance.mark('sift-popup-complete');
  }, [belowFold, full]);

  // Backgrounds come from the bundled knowledge base: with the page's answer when the page has them
  // (it asks for them once analysed), in the first frame; otherwise through the background, shown
  // after the first frame. The ids as one string: the effect stays put when the whole state replaces
  // the overview.
  const actorIds = analysis?.actors.map((a) => a.id).join('\n') ?? '';
  const carried = useMemo(() => (analysis && state ? carriedBackgrounds(state, analysis.actors.map((a) => a.id)) : null), [analysis, state]);
  useLayoutEffect(() => {
    if (carried && performance.getEntriesByName('sift-popup-backgrounds').length === 0) performance.mark('sift-popup-backgrounds');
  }, [carried]);
  useEffect(() => {
    if (!actorIds || backgroundOf || carried || !loadBackgrounds) return;
    let live = true;
    // After the first frame: redrawing the actor list with them must not delay the first screen.
    const cancel = afterNextFrame(() =>
      loadBackgrounds(actorIds.split('\n'))
        .then((lookup) => {
          if (performance.getEntriesByName('sift-popup-backgrounds').length === 0) performance.mark('sift-popup-backgrounds');
          if (live) setBackgroundOf(() => lookup);
        })
        .catch(() => live && setBackgroundOf(() => () => null)),
    );
    return () => {
      live = false;
      cancel();
    };
  }, [actorIds, backgroundOf, carried, loadBackgrounds]);

  const jump = async (target: JumpTarget, what: string) => {
    const found = await sendMessage('jumpTo', target, tabId!).catch(() => false);
    announce(found ? t('popupJumped', what) : t('popupJumpFailed', what));
  };

  const siteOff = async (off: boolean, hostname: string) => {
    const host = normalizeHost(hostname);
    setSettings(
      await updateSettings((s) => ({ ...s, disabledSites: off ? [...s.disabledSites, host] : s.disabledSites.filter((x) => x !== host) })),
    );
    announce(off ? t('popupAnnounceSiteOff', host) : t('popupAnnounceSiteOn', host));
    // The content script reacts to the settings change; ask for its new state.
    setTimeout(() => void refresh(), POLL_MS);
  };

  const live = (
    <p class="visually-hidden" id="announce" role="status" aria-live="polite">
      {announcement}
    </p>
  );

  if (view.kind === 'connecting' || view.kind === 'waiting') return <Status live={live} busy text={t('popupConnecting')} />;
  if (view.kind === 'page-loading') return <Status live={live} busy text={t('popupPageLoading')} />;
  if (view.kind === 'unsupported') return <Status live={live} kind="unsupported" title={t('popupUnsupportedTitle')} text={t('popupUnsupported')} extra={<p class="hint">{t('popupUnsupportedReload')}</p>} />;

  const s = view.state;
  if (s.status === 'analyzing') return <Status live={live} busy text={t('popupLoading')} />;
  if (s.status === 'error')
    return (
      <Status
        live={live}
        kind="error"
        title={t('popupErrorTitle')}
        text={s.error ? t('popupError', s.error) : t('popupErrorUnknown')}
        action={
          <button type="button" id="retry" class="primary" onClick={() => void ask(() => sendMessage('analyzeAnyway', undefined, tabId!))}>
            {t('popupRetry')}
          </button>
        }
      />
    );
  if (s.status === 'site-disabled')
    return (
      <Status
        live={live}
        kind="site-disabled"
        title={normalizeHost(s.hostname)}
        text={t('popupSiteDisabled')}
        action={
          <button type="button" id="site-on" class="primary" onClick={() => void siteOff(false, s.hostname)}>
            {t('popupSiteEnable')}
          </button>
        }
      />
    );

  const a = s.analysis;
  if (s.status === 'not-article')
    return (
      <Shell live={live}>
        <Header article={a?.article} hostname={s.hostname} readingTime={false} />
        <div class="state not-article">
          <p id="status" role="status">
            {t('popupNotArticle')}
          </p>
          <p class="hint">{t('popupNotArticleHint')}</p>
          <button type="button" id="analyse-anyway" class="primary" onClick={() => void ask(() => sendMessage('analyzeAnyway', undefined, tabId!))}>
            {t('popupAnalyseAnyway')}
          </button>
        </div>
      </Shell>
    );

  if (s.status === 'other-language' && s.language)
    return (
      <Shell live={live}>
        <Header article={null} hostname={s.hostname} readingTime={false} title={s.language.title} siteName={s.language.siteName} />
        <div class="state other-language">
          <p id="status" role="status">
            {t('popupOtherLanguage', languageName(s.language.lang))}
          </p>
          <p class="hint" id="lang-notice">
            {t('popupOtherLanguageHint')}
          </p>
          <button type="button" id="analyse-anyway" class="primary" onClick={() => void ask(() => sendMessage('analyzeAnyway', undefined, tabId!))}>
            {t('popupAnalyseAnyway')}
          </button>
        </div>
      </Shell>
    );

  return (
    <Shell live={live}>
      <Header article={a?.article} hostname={s.hostname} />
      <LanguageNotice lang={a?.article?.lang} />
      {a && <Contents analysis={a} />}
      <Toggles
        highlightsOn={s.highlightsOn}
        settings={settings}
        counts={categoryCounts(a)}
        onTabHighlights={async (on) => {
          const next = await ask(() => sendMessage('setTabHighlights', on, tabId!));
          if (next) announce(next.highlightsOn ? t('popupAnnounceOn') : t('popupAnnounceOff'));
        }}
        onCategory={async (category: Category, on: boolean) => {
          setSettings(await updateSettings((x) => ({ ...x, categories: { ...x.categories, [category]: on } })));
          announce(t(on ? 'popupAnnounceCategoryOn' : 'popupAnnounceCategoryOff', CATEGORY_LABEL[category]()));
        }}
        onSiteOff={() => void siteOff(true, s.hostname)}
      />
      {a && (
        <>
          <Summary summary={a.summary} article={full?.article} markers={a.markers} onJump={(index) => void jump({ kind: 'summary', index }, t('popupSummarySentence', String(index + 1)))} />
          <ActorList actors={a.actors} backgroundOf={carried ?? backgroundOf} firstFrame={!belowFold} onJump={(index, name) => void jump({ kind: 'actor', index }, name)} />
          {belowFold && full && (
            <>
              <ClaimList claims={full.claims} footnoteIndex={(label) => full.footnotes.findIndex((f) => f.label === label)} onJump={(index, text) => void jump({ kind: 'claim', index }, text)} />
              <FootnoteList footnotes={full.footnotes} articleText={full.article?.text} markers={a.markers} onJump={(index, occurrence, label) => void jump({ kind: 'footnote', index, occurrence }, `[${label}]`)} />
            </>
          )}
        </>
      )}
    </Shell>
  );
}

/**
 * Runs `run` in the task after the next frame: a message to the popup itself (nextTask), as Firefox
 * puts off a zero timeout while the popup loads. The function returned cancels it.
 */
function afterNextFrame(run: () => unknown): () => void {
  let live = true;
  const frame = requestAnimationFrame(() => void nextTask().then(() => live && run()));
  return () => {
    live = false;
    cancelAnimationFrame(frame);
  };
}

function Shell({ live, children, busy }: { live: ComponentChildren; children: ComponentChildren; busy?: boolean }) {
  return (
    <>
      <main class="popup" aria-busy={busy ? 'true' : undefined}>
        {children}
      </main>
      {live}
    </>
  );
}

function SettingsButton() {
  return (
    <button type="button" class="icon-button" id="open-options" onClick={openOptionsPage} title={t('popupOpenSettings')}>
      <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
        <path
          fill="currentColor"
          d="M19.4 13a7.6 7.6 0 0 0 0-2l2-1.6-2-3.4-2.4 1a7.4 7.4 0 0 0-1.7-1L15 3.4h-4l-.4 2.6a7.4 7.4 0 0 0-1.7 1l-2.4-1-2 3.4 2 1.6a7.6 7.6 0 0 0 0 2l-2 1.6 2 3.4 2.4-1c.5.4 1.1.7 1.7 1l.4 2.6h4l.4-2.6c.6-.3 1.2-.6 1.7-1l2.4 1 2-3.4-2-1.6ZM12 15.5a3.5 3.5 0 1 1 0-7 3.5 3.5 0 0 1 0 7Z"
        />
      </svg>
      <span class="visually-hidden">{t('popupOpenSettings')}</span>
    </button>
  );
}

function Header({
  article: art,
  hostname,
  readingTime = true,
  title,
  siteName,
}: {
  article: AnalysisOverview['article'] | undefined;
  hostname: string;
  readingTime?: boolean;
  /** Without an analysis: what the content script knows of the article. */
  title?: string | null;
  siteName?: string | null;
}) {
  const date = art?.publishedTime ? formatDate(art.publishedTime) : null;
  const meta = [art?.siteName || siteName || hostname, art?.byline, date].filter(Boolean) as string[];
  return (
    <header class="head">
      <div class="head-text">
        <h1 id="title">{art?.title || title || hostname}</h1>
        <p class="meta" id="meta">
          {meta.join(' · ')}
          {readingTime && art && art.wordCount > 0 && (
            // The separator stays with the reading time when the line wraps.
            <span class="nowrap">
              {meta.length > 0 && ' · '}
              <span id="reading-time" title={t('popupWords', formatCount(art.wordCount))}>
                {t('popupMinutes', formatCount(readingMinutes(art.wordCount)))}
              </span>
            </span>
          )}
        </p>
      </div>
      <SettingsButton />
    </header>
  );
}

/** Links to the popup's sections, with their counts: the article at a glance. */
function Contents({ analysis: a }: { analysis: AnalysisOverview }) {
  const items: [string, string, number | null][] = [
    ['#summary', t('popupSummary'), null],
    ['#actors', t('popupActors'), a.actors.length],
    ['#claims', t('popupClaims'), a.claimCount],
    ['#footnotes', t('popupFootnotes'), a.footnoteCount],
  ];
  return (
    <nav class="contents" aria-label={t('popupContents')}>
      <ul>
        {items.map(([href, label, n]) => (
          <li key={href}>
            <a href={href}>
              {label}
              {n !== null && <span class="count"> {formatCount(n)}</span>}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** The analysis is built for English: say so on pages in other languages instead of failing quietly. */
function LanguageNotice({ lang: tag }: { lang: string | null | undefined }) {
  const lang = primaryLanguage(tag);
  if (!lang || ANALYSED_LANGUAGES.includes(lang)) return null;
  return (
    <p class="notice" id="lang-notice">
      {t('popupLanguageUnsupported', languageName(lang))}
    </p>
  );
}

function Status({
  live,
  text,
  title,
  kind,
  busy,
  action,
  extra,
}: {
  live: ComponentChildren;
  text: string;
  title?: string;
  kind?: string;
  busy?: boolean;
  action?: ComponentChildren;
  extra?: ComponentChildren;
}) {
  return (
    <Shell live={live} busy={busy}>
      <header class="head">
        <div class="head-text">
          <h1 id="title">{title ?? t('extShortName')}</h1>
        </div>
        <SettingsButton />
      </header>
      <div class={`state${kind ? ` ${kind}` : ''}${busy ? ' busy' : ''}`}>
        {busy && <span class="spinner" aria-hidden="true" />}
        <p id="status" role="status" aria-live="polite">
          {text}
        </p>
        {extra}
        {action}
      </div>
    </Shell>
  );
}
