/**
 * Builds the bundled knowledge base (public/kb/index.json and public/kb/details.json) from the
 * pinned sources and the reviewed overlay (data/overlay.json). Deterministic: the same inputs
 * give byte-identical output; `npm test` checks the committed files are up to date.
 *
 *   npm run build:kb            rewrite public/kb/
 *   npm run build:kb -- --check fail when public/kb/ is not what the sources give
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { aliasKey, type KbDetailsData, type KbIndexData } from '../lib/kb/knowledge-base';
import { ACTOR_TYPES, type ActorType } from '../lib/schema';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..');

interface OverlayEntity {
  key: string;
  type: ActorType;
  name: string;
  aliases: string[];
  description: string;
  country: string | null;
  wikidata: string | null;
}

export interface BuiltKb {
  index: string;
  details: string;
}

export function buildKb(): BuiltKb {
  const overlay = JSON.parse(readFileSync(path.join(repo, 'data/overlay.json'), 'utf8')) as { entities: OverlayEntity[] };
  const entities = overlay.entities.map((e) => {
    if (!ACTOR_TYPES.includes(e.type)) throw new Error(`overlay: ${e.key} has unknown type ${e.type}`);
    return { ...e, id: e.wikidata ? `wd:${e.wikidata}` : `kb:${e.key}` };
  });
  entities.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const index: KbIndexData = { version: 1, entities: [], aliases: {} };
  const details: KbDetailsData = {};
  entities.forEach((e, i) => {
    index.entities.push([e.id, e.type, e.name, e.country]);
    for (const alias of new Set([e.name, ...e.aliases])) {
      const key = aliasKey(alias);
      if (key in index.aliases && index.aliases[key] !== i) {
        throw new Error(`overlay: alias "${alias}" names both ${index.entities[index.aliases[key]][0]} and ${e.id}`);
      }
      index.aliases[key] = i;
    }
    details[e.id] = {
      description: e.description,
      aliases: e.aliases.filter((a) => a !== e.name),
      country: e.country,
      wikidata: e.wikidata,
    };
  });
  const sortedAliases = Object.fromEntries(Object.entries(index.aliases).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return {
    index: JSON.stringify({ ...index, aliases: sortedAliases }) + '\n',
    details: JSON.stringify(details) + '\n',
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const built = buildKb();
  const out = path.join(repo, 'public/kb');
  if (process.argv.includes('--check')) {
    const same = (f: string, s: string) => {
      try {
        return readFileSync(path.join(out, f), 'utf8') === s;
      } catch {
        return false;
      }
    };
    if (!same('index.json', built.index) || !same('details.json', built.details)) {
      console.error('public/kb is out of date: run `npm run build:kb`');
      process.exit(1);
    }
    console.log('public/kb is up to date');
  } else {
    mkdirSync(out, { recursive: true });
    writeFileSync(path.join(out, 'index.json'), built.index);
    writeFileSync(path.join(out, 'details.json'), built.details);
    console.log(`wrote public/kb: ${JSON.parse(built.index).entities.length} entities`);
  }
}
