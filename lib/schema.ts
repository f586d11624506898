/**
 * The Analysis: Sift's one data model (see README "The Analysis" and ANALYSIS.md).
 * The content script paints it, the popup renders it, the CLI prints it and the
 * evaluations score it. Offsets are UTF-16 indices into `article.text`, `end`
 * exclusive, so `article.text.slice(start, end) === text` always holds.
 * Add fields freely; rename or remove one only with a new schemaVersion.
 */
export const SCHEMA_VERSION = 1 as const;

export const ACTOR_TYPES = [
  'person',
  'organization',
  'armed-group',
  'government',
  'military',
  'media',
  'country',
  'place',
] as const;
export type ActorType = (typeof ACTOR_TYPES)[number];

export const CLAIM_KINDS = ['casualties', 'count', 'percent', 'money', 'measure', 'other'] as const;
export type ClaimKind = (typeof CLAIM_KINDS)[number];

export interface Span {
  start: number;
  end: number;
}

export interface Mention extends Span {
  text: string;
}

export interface ActorBackground {
  description: string;
  aliases: string[];
  country: string | null;
  wikidata: string | null;
  /** The description was derived from the data (role codes, population), not written by hand. */
  derived?: boolean;
  /** Where the knowledge base's entry comes from: "overlay", "phoenix", "countries", "geonames". */
  source?: string;
  /** ISO dates bounding the role or period the description speaks of, when known. */
  dates?: { from: string | null; to: string | null };
}

export interface Actor {
  /** `wd:Q…` (Wikidata), `kb:…` (bundled knowledge base without a QID) or `new:…` (not in it). */
  id: string;
  name: string;
  type: ActorType;
  mentions: Mention[];
  background: ActorBackground | null;
}

export interface Claim extends Span {
  text: string;
  sentence: string;
  value: number;
  /** Upper bound of a range ("30 to 40" → value 30, upper 40). */
  upper?: number;
  unit: string | null;
  kind: ClaimKind;
  hedge: string | null;
  source: string | null;
  footnotes: string[];
}

export interface Citation extends Span {
  sentence: string;
}

export interface FootnoteNote {
  text: string;
  links: string[];
}

export interface Footnote {
  label: string;
  citations: Citation[];
  note: FootnoteNote | null;
}

export interface SummarySentence extends Span {
  text: string;
}

export interface ArticleInfo {
  /** null for plain-text input, which has no title. */
  title: string | null;
  byline: string | null;
  siteName: string | null;
  publishedTime: string | null;
  lang: string | null;
  text: string;
  wordCount: number;
}

export interface Detection {
  /** 0…1: how sure the detector is of `isArticle`. */
  confidence: number;
  /** The signals that decided, in the reader's words ("JSON-LD NewsArticle", "long text"). */
  signals: string[];
}

export interface Analysis {
  schemaVersion: typeof SCHEMA_VERSION;
  source: string;
  isArticle: boolean;
  detection?: Detection;
  article: ArticleInfo | null;
  actors: Actor[];
  claims: Claim[];
  footnotes: Footnote[];
  summary: SummarySentence[];
  timingsMs: Record<string, number> & { total: number };
}
