import type { ActorType } from '../../lib/schema';

export type SourceId = 'overlay' | 'phoenix' | 'countries' | 'geonames';

/** One alias an entity claims, with how strongly (the strongest claim on a key wins it). */
export interface AliasClaim {
  alias: string;
  strength: number;
}

/** An entity while the build assembles it; see build-kb.ts for how claims are resolved. */
export interface DraftEntity {
  /** `wd:Q…` or `kb:…`; kb ids are made unique at the end. */
  id: string;
  type: ActorType;
  name: string;
  /** Every alias with its claim strength; the name is claimed too. */
  claims: AliasClaim[];
  description: string;
  /** The description was derived from the data (role codes, population), not written. */
  derived: boolean;
  country: string | null;
  wikidata: string | null;
  dates: { from: string | null; to: string | null } | null;
  source: SourceId;
  /** Where in the source: "Phoenix.Countries.actors.txt:45433", "geonames:163808". */
  ref: string;
  population?: number;
  /** Extra alias keys that are weak evidence on their own (set by the overlay). */
  weak?: string[];
}

/** Claim strengths: the overlay beats countries, which beat places and dictionary names. */
export const STRENGTH = {
  overlay: 1000,
  country: 900,
  /** + 10·log10(population), + 10 for a capital: ~540 for 15,000 people, ~570 for 10 million. */
  placeBase: 500,
  phoenixName: 600,
  phoenixAlias: 580,
  /** A bare surname or one-word alias from the dictionaries ("Assad", "Joulani"). */
  phoenixShort: 300,
} as const;
