import type { Analysis, ActorType, ClaimKind } from '../lib/schema';

/** The readable report `sift analyze` prints for a person in a terminal. */

const TYPE_LABELS: Record<ActorType, string> = {
  person: 'People',
  organization: 'Organisations',
  'armed-group': 'Armed groups',
  government: 'Governments',
  military: 'Militaries',
  media: 'Media',
  country: 'Countries',
  place: 'Places',
};
const KIND_LABELS: Record<ClaimKind, string> = {
  casualties: 'Casualties',
  count: 'Counts',
  percent: 'Percentages',
  money: 'Money',
  measure: 'Measures',
  other: 'Other numbers',
};

export function formatReport(a: Analysis, { color }: { color: boolean }): string {
  const bold = (s: string) => (color ? `\x1b[1m${s}\x1b[22m` : s);
  const dim = (s: string) => (color ? `\x1b[2m${s}\x1b[22m` : s);
  const out: string[] = [];
  const art = a.article;
  out.push(bold(art?.title || a.source));
  const facts = [art?.siteName, art?.byline && `by ${art.byline}`, art?.publishedTime?.slice(0, 10), art && `${art.wordCount} words`].filter(Boolean);
  if (facts.length) out.push(dim(facts.join(' · ')));
  if (!a.isArticle) {
    out.push('', `Not an article${a.detection ? ` (${a.detection.signals.join(', ')})` : ''}: nothing highlighted. Use --force to analyse it anyway.`);
    return out.join('\n');
  }
  if (a.summary.length) {
    out.push('', bold('Summary'));
    for (const s of a.summary) out.push(`  • ${s.text}`);
  }
  if (a.actors.length) {
    out.push('', bold(`Actors (${a.actors.length})`));
    for (const type of Object.keys(TYPE_LABELS) as ActorType[]) {
      const group = a.actors.filter((x) => x.type === type);
      if (!group.length) continue;
      out.push(`  ${TYPE_LABELS[type]}`);
      for (const actor of group) {
        const aliases = [...new Set(actor.mentions.map((m) => m.text))].filter((t) => t !== actor.name);
        out.push(`    ${actor.name} ×${actor.mentions.length}${aliases.length ? dim(` (${aliases.join(', ')})`) : ''}`);
        if (actor.background) out.push(`      ${dim(actor.background.description)}`);
      }
    }
  }
  if (a.claims.length) {
    out.push('', bold(`Numeric claims (${a.claims.length})`));
    for (const kind of Object.keys(KIND_LABELS) as ClaimKind[]) {
      const group = a.claims.filter((c) => c.kind === kind);
      if (!group.length) continue;
      out.push(`  ${KIND_LABELS[kind]}`);
      for (const c of group) {
        const backing = [c.source && `source: ${c.source}`, c.footnotes.length && `notes ${c.footnotes.map((f) => `[${f}]`).join('')}`]
          .filter(Boolean)
          .join('; ');
        out.push(`    “${c.text}” = ${c.value}${c.upper !== undefined ? `–${c.upper}` : ''}${c.unit ? ` ${c.unit}` : ''}${backing ? dim(` (${backing})`) : dim(' (unsourced)')}`);
      }
    }
  }
  if (a.footnotes.length) {
    out.push('', bold(`Footnotes (${a.footnotes.length})`));
    for (const f of a.footnotes) {
      out.push(`  [${f.label}] ${f.note ? f.note.text : dim('(no note on the page)')}${f.citations.length > 1 ? dim(` — cited ${f.citations.length}×`) : ''}`);
      out.push(`      ${dim(`cited in: “${f.citations[0].sentence}”`)}`);
    }
  }
  return out.join('\n');
}
