import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DETAILS_HEADER, detailShard, detailShardPath, detailsOf, formatKbDetails, type KbDetailsHeader } from '@/lib/kb/details-file';

// The background's two jobs: the keyboard command and the badge. fakeBrowser stands in for the
// extension APIs; the e2e tests cover the same paths in real browsers (except the global shortcut,
// which headless browsers cannot press).
const messaging = vi.hoisted(() => ({
  sendMessage: vi.fn(async (..._args: unknown[]) => undefined),
  listeners: new Map<string, (data: unknown, sender: unknown) => unknown>(),
}));
vi.mock('@/lib/messaging', () => ({
  sendMessage: messaging.sendMessage,
  listen: (type: string, handler: (data: unknown, sender: unknown) => unknown) => {
    messaging.listeners.set(type, handler);
    return () => messaging.listeners.delete(type);
  },
}));

const i18n = vi.hoisted(() => ({ warmFormatting: vi.fn() }));
vi.mock('@/lib/i18n', () => i18n);

// fakeBrowser does not implement `commands`: a minimal event stands in for it.
const commandListeners: ((command: string) => unknown)[] = [];
const triggerCommand = async (command: string) => {
  for (const l of commandListeners) await l(command);
};

describe('background', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    commandListeners.length = 0;
    Object.defineProperty(fakeBrowser.commands, 'onCommand', {
      configurable: true,
      value: { addListener: (l: (command: string) => unknown) => commandListeners.push(l) },
    });
    messaging.sendMessage.mockClear();
    messaging.listeners.clear();
    // A previous test's warm-up timer fires first: it must not count for the next test.
    await new Promise((resolve) => setTimeout(resolve, 0));
    i18n.warmFormatting.mockClear();
    vi.resetModules();
    const { default: background } = await import('@/entrypoints/background');
    background.main();
  });

  it('sends toggleHighlights to the active tab on the keyboard command', async () => {
    // fakeBrowser's tabs.create ignores `active`: answer the active-tab query directly.
    const query = vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([{ id: 5 } as never]);
    await triggerCommand('toggle-highlights');
    expect(query).toHaveBeenCalledWith({ active: true, currentWindow: true });
    expect(messaging.sendMessage).toHaveBeenCalledWith('toggleHighlights', undefined, 5);
  });

  it('sends stepHighlight to the active tab on the next/previous commands', async () => {
    vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([{ id: 9 } as never]);
    await triggerCommand('next-highlight');
    expect(messaging.sendMessage).toHaveBeenLastCalledWith('stepHighlight', { direction: 'next' }, 9);
    await triggerCommand('previous-highlight');
    expect(messaging.sendMessage).toHaveBeenLastCalledWith('stepHighlight', { direction: 'previous' }, 9);
  });

  it('survives a tab without Sift (the message is refused)', async () => {
    vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([{ id: 9 } as never]);
    messaging.sendMessage.mockRejectedValueOnce(new Error('Could not establish connection'));
    await expect(triggerCommand('next-highlight')).resolves.toBeUndefined();
  });

  it('ignores commands named like Object properties', async () => {
    vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([{ id: 5 } as never]);
    await triggerCommand('constructor');
    await triggerCommand('__proto__');
    expect(messaging.sendMessage).not.toHaveBeenCalled();
  });

  it('ignores other commands', async () => {
    vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([{ id: 5 } as never]);
    await triggerCommand('something-else');
    expect(messaging.sendMessage).not.toHaveBeenCalled();
  });

  it('shows the number of highlighted actors on the tab badge', async () => {
    const setBadgeText = vi.spyOn(fakeBrowser.action, 'setBadgeText').mockResolvedValue(undefined);
    vi.spyOn(fakeBrowser.action, 'setBadgeBackgroundColor').mockResolvedValue(undefined);
    const handler = messaging.listeners.get('highlightCount')!;
    await handler(27, { id: 'sift', tab: { id: 7 } });
    expect(setBadgeText).toHaveBeenLastCalledWith({ tabId: 7, text: '27' });
    await handler(0, { id: 'sift', tab: { id: 7 } });
    expect(setBadgeText).toHaveBeenLastCalledWith({ tabId: 7, text: '' });
  });

  it('answers with the backgrounds asked for, reading the details\' header and each file it needs once', async () => {
    const details = { 'wd:Q7747': { description: 'President of Russia.', aliases: ['Putin'], country: 'RU', wikidata: 'Q7747' } };
    const files = formatKbDetails({ build: 'test', sources: [] }, [
      ['wd:Q7747', 'President of Russia.\tPutin\tQ7747\tRU'],
      ['wd:Q90', 'Capital of France.'],
    ]);
    const fetch = vi.spyOn(globalThis, 'fetch').mockImplementation(async (url) => {
      const path = new URL(String(url)).pathname;
      return new Response(path === `/${DETAILS_HEADER}` ? files.header : files.shards[parseInt(/\/kb\/details\/(\w+)\.txt$/.exec(path)![1], 16)]);
    });
    const handler = messaging.listeners.get('getBackgrounds')!;
    const from = { id: 'sift', tab: { id: 3 } };
    expect(await handler(['wd:Q7747', 'wd:Q1'], from)).toEqual({ 'wd:Q7747': details['wd:Q7747'], 'wd:Q1': null });
    expect(await handler(['wd:Q7747'], from)).toEqual({ 'wd:Q7747': details['wd:Q7747'] });
    // The header, then the shards of the two ids, once each.
    const read = detailsOf(JSON.parse(files.header) as KbDetailsHeader);
    const shards = [...new Set(['wd:Q7747', 'wd:Q1'].map((id) => `/${detailShardPath(detailShard(read, id))}`))];
    expect(fetch.mock.calls.map(([url]) => new URL(String(url)).pathname).sort()).toEqual([`/${DETAILS_HEADER}`, ...shards].sort());
    fetch.mockRestore();
  });

  it("loads the popup's locale data once, after the first page is painted, not while handling the message", async () => {
    vi.spyOn(fakeBrowser.action, 'setBadgeText').mockResolvedValue(undefined);
    vi.spyOn(fakeBrowser.action, 'setBadgeBackgroundColor').mockResolvedValue(undefined);
    const handler = messaging.listeners.get('highlightCount')!;
    await handler(3, { id: 'sift', tab: { id: 7 } });
    expect(i18n.warmFormatting).not.toHaveBeenCalled();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(i18n.warmFormatting).toHaveBeenCalledTimes(1);
    await handler(5, { id: 'sift', tab: { id: 8 } });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(i18n.warmFormatting).toHaveBeenCalledTimes(1);
  });
});
