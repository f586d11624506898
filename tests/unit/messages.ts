import { readFileSync } from 'node:fs';
import path from 'node:path';
import { REPO } from './dom';

/** One `_locales/<lang>/messages.json` as the browsers read it. */
export type Messages = Record<string, { message: string; description?: string; placeholders?: Record<string, { content: string }> }>;

export function loadMessages(lang: string): Messages {
  return JSON.parse(readFileSync(path.join(REPO, 'public/_locales', lang, 'messages.json'), 'utf8')) as Messages;
}

/**
 * `i18n.getMessage` as Chrome and Firefox implement it: named placeholders (`$NAME$`, case
 * insensitive) take their `content`, in which `$1`…`$9` are the substitutions; `$$` is a dollar.
 * Returns '' for an unknown key, like the browsers.
 */
export function getMessage(messages: Messages, key: string, substitutions?: string | string[]): string {
  const entry = messages[key];
  if (!entry) return '';
  const subs = substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
  const positional = (s: string) => s.replace(/\$(\d)/g, (_, d: string) => subs[Number(d) - 1] ?? '');
  const named = entry.message.replace(/\$([A-Za-z0-9_@]+)\$/g, (m, name: string) => {
    const p = entry.placeholders?.[name.toLowerCase()];
    return p ? positional(p.content) : m;
  });
  return named.replace(/\$\$/g, '$');
}
