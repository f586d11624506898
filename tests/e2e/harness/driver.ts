/**
 * One small driver interface over two automation libraries, so every end-to-end test is written
 * once and runs in both real browsers: Playwright for Chromium, puppeteer-core over WebDriver BiDi
 * for Firefox ESR (Playwright cannot drive Debian's Firefox; see ../shared/recipes).
 */
export interface PageHandle {
  url(): string;
  goto(url: string): Promise<void>;
  evaluate<T, A = undefined>(fn: (arg: A) => T | Promise<T>, arg?: A): Promise<T>;
  click(selector: string): Promise<void>;
  press(key: string): Promise<void>;
  /** Moves the mouse to a viewport point (pointer events, as a reader's mouse makes them). */
  mouseMove(x: number, y: number): Promise<void>;
  mouseClick(x: number, y: number): Promise<void>;
  /** Presses the primary button at one point, moves to another and releases it (selecting text). */
  mouseDrag(from: { x: number; y: number }, to: { x: number; y: number }): Promise<void>;
  /** Focuses the first element matching `selector` (focus events, as keyboard navigation makes them). */
  focus(selector: string): Promise<void>;
  /**
   * Runs `fn(shadowRoot, arg)` in the page on the shadow root of the first element matching
   * `hostSelector`, even a closed one, which page scripts cannot reach: the browser's automation
   * protocol hands it over (CDP in Chromium, WebDriver BiDi in Firefox). Null when there is no such
   * element or it has no shadow root. `arg` and the result cross as JSON.
   */
  evaluateInShadow<T, A = undefined>(hostSelector: string, fn: (root: ShadowRoot, arg: A) => T | Promise<T>, arg?: A): Promise<T | null>;
  bringToFront(): Promise<void>;
  screenshot(file: string, options?: { fullPage?: boolean }): Promise<void>;
  setViewport(width: number, height: number): Promise<void>;
  /**
   * Runs a script's source in the page as the automation protocol does (not through the page's
   * `eval`, so an extension page's CSP does not stop it): how axe-core is injected.
   */
  evaluateScript(source: string): Promise<unknown>;
  /** Emulates the system's light or dark preference (`prefers-color-scheme`) for this page. */
  setColorScheme(scheme: 'light' | 'dark'): Promise<void>;
  close(): Promise<void>;
  /** Console errors and uncaught page errors seen so far. */
  errors: string[];
}

export interface ExtensionDriver {
  readonly name: 'chromium' | 'firefox';
  /** Origin of extension pages: chrome-extension://<id> or moz-extension://<uuid>. */
  readonly extensionOrigin: string;
  newPage(): Promise<PageHandle>;
  /** Opens the popup as a tab targeting `page`'s tab (popup.html?tabId=N). */
  openPopup(page: PageHandle): Promise<PageHandle>;
  /** Opens an extension page (options.html…) in a tab. */
  openExtensionPage(pathAndQuery: string): Promise<PageHandle>;
  /** Every http(s) request any page or the extension made, for the no-network promise. */
  requests: string[];
  /**
   * Fetches `url` from the extension's background (Chromium's service worker, Firefox's event
   * page): the tests prove with it that a request from there would be seen.
   */
  fetchFromBackground(url: string): Promise<void>;
  /**
   * Reloads the extension as an update does, while tabs stay open: `runtime.reload()` from an
   * extension page. Firefox brings it back (and puts it into open tabs); headless Chromium does not
   * bring back an extension loaded from the command line (nor one installed through CDP), so there
   * it ends as a disabled or removed extension does. Leaves the browser without Sift in Chromium:
   * use a browser of the test's own (`launchBrowser`).
   */
  reloadExtension(): Promise<void>;
  close(): Promise<void>;
}

/** How a browser is started. */
export interface LaunchOptions {
  /** host:port of an HTTP proxy for every address but the loopback (see proxy.ts). */
  proxy?: string;
  /** A profile folder to use and keep (a browser restarted on the same profile); otherwise a new one, removed on close. */
  profileDir?: string;
  /**
   * Firefox only: suspend the extension's background after this many idle ms (Firefox's default is
   * 30 s), as it is most of the time a reader opens a page (scripts/bench-browser.ts).
   */
  backgroundIdleMs?: number;
}

/** The extension API as an extension page sees it (chrome.* in Chromium, browser.* in Firefox). */
export interface ExtensionPageApi {
  tabs: { query(q: { active?: boolean; lastFocusedWindow?: boolean }): Promise<{ id?: number }[]> };
}

type Point = { x: number; y: number };
/** A pointer drag in small moves, with either automation library's mouse (both name these the same). */
export async function dragMouse(
  mouse: { move(x: number, y: number, options?: { steps?: number }): Promise<unknown>; down(): Promise<unknown>; up(): Promise<unknown> },
  from: Point,
  to: Point,
): Promise<void> {
  await mouse.move(from.x, from.y);
  await mouse.down();
  await mouse.move(to.x, to.y, { steps: 8 });
  await mouse.up();
}

/** Poll until `check` returns a truthy value (or throw with `what` after `timeoutMs`). */
type Falsy = null | undefined | false | 0 | '';
export async function waitFor<T>(what: string, check: () => Promise<T | Falsy> | T | Falsy, timeoutMs = 15_000, intervalMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await check();
      if (v) return v as T;
      last = v;
    } catch (e) {
      last = e;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what} (last: ${last instanceof Error ? last.message : JSON.stringify(last)})`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}
