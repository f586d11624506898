import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import type { ExtensionDriver, ExtensionPageApi, LaunchOptions, PageHandle } from './driver';
import { dragMouse, waitFor } from './driver';

export const FIREFOX_PATH = process.env.SIFT_FIREFOX ?? process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const GECKO_ID = 'sift@sift-reader.org';
/** Pinned moz-extension:// UUID, so extension pages have a known origin (recipe §7). */
export const FIREFOX_UUID = '5a1f7c3e-0b6d-4c2a-9e8f-51f7d2a6b0c4';

/** Puppeteer's BiDi realm (not public API): WebDriver BiDi's script.callFunction with its options. */
interface BidiRealm {
  callFunction(
    fn: string,
    awaitPromise: boolean,
    options: { arguments?: unknown[]; serializationOptions?: Record<string, unknown>; resultOwnership?: 'root' | 'none' },
  ): Promise<{ type: 'success' | 'exception'; result?: { type: string; value?: unknown }; exceptionDetails?: { text?: string } }>;
}

/**
 * See PageHandle.evaluateInShadow: WebDriver BiDi serialises closed shadow roots when asked
 * (`includeShadowTree: 'all'`), and the root's shared id can be passed back as an argument.
 */
async function evaluateInShadow(page: Page, hostSelector: string, fn: string, arg: unknown): Promise<unknown> {
  const handle = await page.$(hostSelector);
  if (!handle) return null;
  try {
    const internal = handle as unknown as { realm: { realm: BidiRealm }; remoteValue(): unknown };
    const realm = internal.realm.realm;
    const host = await realm.callFunction('(el) => el', false, {
      arguments: [internal.remoteValue()],
      serializationOptions: { maxDomDepth: 0, includeShadowTree: 'all' },
      resultOwnership: 'none',
    });
    const shadow = (host.result?.value as { shadowRoot?: { sharedId?: string } | null } | undefined)?.shadowRoot;
    if (!shadow?.sharedId) return null;
    const out = await realm.callFunction(
      `async (root, a) => JSON.stringify(await (${fn})(root, a === undefined ? undefined : JSON.parse(a)))`,
      true,
      {
        arguments: [{ sharedId: shadow.sharedId }, arg === undefined ? { type: 'undefined' } : { type: 'string', value: JSON.stringify(arg) }],
        resultOwnership: 'none',
      },
    );
    if (out.type === 'exception') throw new Error(`evaluateInShadow: ${out.exceptionDetails?.text ?? 'exception'}`);
    return out.result?.type === 'string' ? JSON.parse(out.result.value as string) : undefined;
  } finally {
    await handle.dispose();
  }
}

function wrap(page: Page): PageHandle {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${(e as Error).message ?? String(e)}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  const goto = async (url: string) => {
    if (url.startsWith('moz-extension:')) {
      // puppeteer's goto() never resolves for moz-extension:// although the page loads (recipe §9.2).
      page.goto(url, { timeout: 15_000 }).catch(() => {});
      await waitFor(`${url} to load`, () =>
        page.evaluate((u) => location.href === u && document.readyState === 'complete', url).catch(() => false),
      );
    } else {
      await page.goto(url, { waitUntil: 'load' });
    }
  };
  return {
    errors,
    url: () => page.url(),
    goto,
    evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
    click: async (selector) => {
      // Clicks in a background tab are slow in Firefox: bring the tab forward first.
      await page.bringToFront();
      await page.click(selector);
    },
    // Key names as Playwright writes them; puppeteer calls the space bar ' '.
    press: async (key) => page.keyboard.press((key === 'Space' ? ' ' : key) as never),
    mouseMove: (x, y) => page.mouse.move(x, y),
    mouseClick: (x, y) => page.mouse.click(x, y),
    mouseDrag: (from, to) => dragMouse(page.mouse, from, to),
    focus: (selector) => page.focus(selector),
    evaluateInShadow: (hostSelector, fn, arg) => evaluateInShadow(page, hostSelector, fn.toString(), arg) as never,
    bringToFront: () => page.bringToFront(),
    screenshot: async (file, options) => {
      await page.screenshot({ path: file as `${string}.png`, fullPage: options?.fullPage ?? false });
    },
    setViewport: (width, height) => setViewport(page, width, height),
    evaluateScript: (source) => page.evaluate(source),
    // WebDriver BiDi in Firefox ESR cannot emulate `prefers-color-scheme` (puppeteer needs CDP for
    // it): apply the page's own `(prefers-color-scheme: dark)` rules unconditionally instead.
    setColorScheme: (scheme) =>
      page.evaluate((dark) => {
        const doc = document as Document & { siftDarkSheet?: CSSStyleSheet };
        if (doc.siftDarkSheet) doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((s) => s !== doc.siftDarkSheet);
        doc.documentElement.style.colorScheme = dark ? 'dark' : '';
        if (!dark) return;
        const rules: string[] = [];
        const collect = (list: CSSRuleList) => {
          for (const rule of Array.from(list)) {
            if (rule instanceof CSSMediaRule && /prefers-color-scheme:\s*dark/.test(rule.conditionText)) rules.push(...Array.from(rule.cssRules).map((r) => r.cssText));
            else if (rule instanceof CSSMediaRule || rule instanceof CSSSupportsRule) collect(rule.cssRules);
          }
        };
        for (const sheet of Array.from(doc.styleSheets)) collect(sheet.cssRules);
        const sheet = new CSSStyleSheet();
        sheet.replaceSync(rules.join('\n'));
        doc.siftDarkSheet = sheet;
        doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
      }, scheme === 'dark'),
    close: () => page.close(),
  };
}

/**
 * The page's viewport. puppeteer-core also overrides the screen orientation, a command that Firefox
 * ESR 140.12 does not know; the viewport command itself goes through.
 */
async function setViewport(page: Page, width: number, height: number): Promise<void> {
  await page.setViewport({ width, height }).catch((e: unknown) => {
    if (!/unknown command emulation\.setScreenOrientationOverride/.test(String(e))) throw e;
  });
}

/** Firefox's proxy preferences: everything but the loopback through `proxy` (host:port). */
function proxyPrefs(proxy: string): Record<string, unknown> {
  const [host, port] = proxy.split(':');
  return {
    'network.proxy.type': 1,
    'network.proxy.http': host,
    'network.proxy.http_port': Number(port),
    'network.proxy.ssl': host,
    'network.proxy.ssl_port': Number(port),
    'network.proxy.share_proxy_settings': true,
    'network.proxy.no_proxies_on': 'localhost, 127.0.0.1',
    'network.proxy.allow_hijacking_localhost': false,
  };
}

/** Firefox ESR with Sift installed as a temporary add-on (its pinned id and UUID), through puppeteer's WebDriver BiDi. */
export async function startFirefox(extensionDir: string, options: LaunchOptions = {}): Promise<Browser> {
  const browser: Browser = await puppeteer.launch({
    ...(options.profileDir && { userDataDir: options.profileDir }),
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    // Without it, Firefox's remote agent refuses to navigate to moz-extension:// pages.
    args: ['--remote-allow-system-access', '--width=1200', '--height=900'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_UUID }),
      'datareporting.policy.dataSubmissionEnabled': false,
      'browser.shell.checkDefaultBrowser': false,
      // Captive-portal and connectivity checks (detectportal.firefox.com): the browser's, not Sift's.
      'network.captive-portal-service.enabled': false,
      'network.connectivity-service.enabled': false,
      // The add-on is installed as a temporary add-on on every start: keep its storage and UUID when
      // the browser closes, as a permanent install does (a browser restarted on the same profile).
      'extensions.webextensions.keepStorageOnUninstall': true,
      'extensions.webextensions.keepUuidOnUninstall': true,
      ...(options.proxy && proxyPrefs(options.proxy)),
      ...(options.backgroundIdleMs !== undefined && { 'extensions.background.idle.timeout': options.backgroundIdleMs }),
    },
  });
  const id = await browser.installExtension(extensionDir);
  if (id !== GECKO_ID) throw new Error(`installed add-on id ${id}, expected ${GECKO_ID}`);
  return browser;
}

export async function launchFirefox(extensionDir: string, options: LaunchOptions = {}): Promise<ExtensionDriver> {
  const browser = await startFirefox(extensionDir, options);
  const extensionOrigin = `moz-extension://${FIREFOX_UUID}`;
  const requests: string[] = [];
  const watch = (page: Page) =>
    page.on('request', (r) => {
      if (/^https?:/.test(r.url())) requests.push(r.url());
    });

  const newPage = async (options?: { window?: boolean }) => {
    const page = await browser.newPage(options?.window ? { type: 'window' } : undefined);
    await setViewport(page, 1200, 900);
    watch(page);
    return page;
  };

  return {
    name: 'firefox',
    extensionOrigin,
    requests,
    newPage: async () => wrap(await newPage()),
    async openPopup(target) {
      // Its own window, as a real popup floats over the page: the page stays visible, so that its
      // smooth scrolling runs (Firefox does not animate hidden tabs).
      const page = await newPage({ window: true });
      const probe = wrap(page);
      await probe.goto(`${extensionOrigin}/popup.html?tabId=-1`);
      await target.bringToFront();
      const tabId = await waitFor('the article tab id', () =>
        probe.evaluate(async () => {
          const b = (globalThis as unknown as { browser: ExtensionPageApi }).browser;
          return (await b.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id ?? null;
        }),
      );
      await page.bringToFront();
      await setViewport(page, 420, 720);
      await probe.goto(`${extensionOrigin}/popup.html?tabId=${tabId}`);
      return probe;
    },
    async openExtensionPage(pathAndQuery) {
      const page = wrap(await newPage());
      await page.goto(`${extensionOrigin}/${pathAndQuery.replace(/^\//, '')}`);
      return page;
    },
    async fetchFromBackground(url) {
      const page = await newPage();
      const probe = wrap(page);
      await probe.goto(`${extensionOrigin}/options.html`);
      // The event page's own fetch: the request belongs to the background, not to this tab.
      await probe.evaluate(async (u) => {
        const b = (globalThis as unknown as { browser: { runtime: { getBackgroundPage(): Promise<Window> } } }).browser;
        const bg = await b.runtime.getBackgroundPage();
        await bg.fetch(u).then(() => undefined, () => undefined);
      }, url);
      await page.close();
    },
    async reloadExtension() {
      const page = await newPage();
      const probe = wrap(page);
      await probe.goto(`${extensionOrigin}/options.html`);
      await probe.evaluate(() => setTimeout(() => (globalThis as unknown as { browser: { runtime: { reload(): void } } }).browser.runtime.reload(), 10));
      await waitFor('the extension to unload', () => page.isClosed() || page.evaluate(() => location.protocol !== 'moz-extension:' || !document.body?.childElementCount).catch(() => true));
      await page.close().catch(() => {});
      // Back when its pages load again.
      const check = wrap(await newPage());
      await check.goto(`${extensionOrigin}/options.html`);
      await waitFor('the extension to be back', () => check.evaluate(() => (document.body?.childElementCount ?? 0) > 0).catch(() => false));
      await check.close();
    },
    close: () => browser.close(),
  };
}
