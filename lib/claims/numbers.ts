/**
 * The number recogniser: every number expression in English text, with its value, whatever the
 * use (claims, dates and identifiers are told apart by the claim stage, not here).
 *
 *   digits         400 · 13,000 · 12,34,567 · 1 234 567 · 3.38 · .08 · 1.3e6 · -12.99
 *   words          forty · twenty-one · three hundred and thirty one · a dozen · nought point five
 *   scales         2 million · $12.9bn · 10k · 3 lakh · 88 billion · 1,674.5 million · three dozen
 *   fractions      a fifth · two-thirds · three quarters · one and a half · 7/32 · 2 1/4 · ½
 *   ratios         one in five · one out of three · one over twenty
 *   percent        20% · 20 percent · 15 per cent · twenty percentage · half a percentage point
 *   money          $48.2 million · €6 billion · £3bn · US$ 150 million · 176 Hong Kong dollars · 34 cents
 *   ordinals       6th · fifth · twenty-first
 *   vague          hundreds of · tens of thousands of · dozens of · billions
 *
 * Written by hand rather than bundled (see lib/claims/README.md): one linear scan over a token list,
 * no backtracking regular expression over the whole text, no dependency.
 */
import { drain, type Steps } from '../steps';
import { bmp } from '../text/bmp-classes';

export type QuantityType = 'number' | 'percent' | 'money' | 'ordinal' | 'share' | 'ratio' | 'vague';

export interface Quantity {
  /** The whole expression: currency, number, scale, percent sign or currency word. */
  start: number;
  end: number;
  /** The number itself ("20" in "$20"). */
  numStart: number;
  numEnd: number;
  /** The value. Shares and ratios are fractions (0.2); percentages are in percent (20). */
  value: number;
  type: QuantityType;
  /** ISO 4217 code (or "cents", "pence") for money. */
  currency?: string;
  /** "percentage points", "basis points": what a percentage is in. */
  percentUnit?: string;
  /** Letters glued to the digits that are not a scale ("km" in "85km", "C" in "43.5C"). */
  glued?: string;
  /** The number is written (at least partly) in words. */
  words: boolean;
  /** "a fifth", "one third": a fraction that may be an ordinal ("a fifth consecutive season"). */
  maybeOrdinal?: boolean;
  /** Vague multiples: "hundreds of", "tens of", "billions". */
  hedge?: string;
  /** Part of a dotted sequence (an address or a version: 192.168.1.2, 1.8.3). */
  dotted?: boolean;
  /** Integer written with digits only, no separators (years, identifiers). */
  plainInteger?: boolean;
  /** Denominator of a ratio ("one in five" → 5). */
  of?: number;
}

interface Token {
  /** As written. */
  s: string;
  /** Lower case. */
  lo: string;
  start: number;
  end: number;
  /** 'd' digits (with separators), 'w' word, 'p' punctuation or symbol. */
  t: 'd' | 'w' | 'p';
}

// ---------------------------------------------------------------------------------------------
// Vocabulary (compiled once)

/** A lookup table without a prototype: "constructor" or "toString" in the text must find nothing. */
function dict<T>(entries: Record<string, T>): Record<string, T> {
  return Object.assign(Object.create(null) as Record<string, T>, entries);
}

const UNITS: Record<string, number> = dict({
  zero: 0, nought: 0, naught: 0, nil: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9,
});
const TEENS: Record<string, number> = dict({
  ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
});
const TENS: Record<string, number> = dict({ twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 });
const SCALE_WORDS: Record<string, number> = dict({
  thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12, lakh: 1e5, lakhs: 1e5, crore: 1e7, crores: 1e7,
  bn: 1e9, mn: 1e6, mln: 1e6, bln: 1e9, tln: 1e12, tn: 1e12, mil: 1e6, mm: 1e6, k: 1e3,
});
/** Scales glued to digits ("10k", "1.2b", "$12.9bn"); "m" is only a million after a currency. */
const GLUED_SCALES: Record<string, number> = dict({ k: 1e3, K: 1e3, M: 1e6, MM: 1e6, mm: 1e6, b: 1e9, bn: 1e9, Bn: 1e9, BN: 1e9, mn: 1e6, mln: 1e6, bln: 1e9, tn: 1e12, tln: 1e12, mil: 1e6, B: 1e9 });

const ORDINALS: Record<string, number> = dict({
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10,
  eleventh: 11, twelfth: 12, thirteenth: 13, fourteenth: 14, fifteenth: 15, sixteenth: 16, seventeenth: 17,
  eighteenth: 18, nineteenth: 19, twentieth: 20, thirtieth: 30, fortieth: 40, fiftieth: 50, sixtieth: 60,
  seventieth: 70, eightieth: 80, ninetieth: 90, hundredth: 100, thousandth: 1e3, millionth: 1e6, billionth: 1e9, trillionth: 1e12,
});
/** Denominator words of fractions (ordinals, their plurals, halves and quarters). */
const DENOMINATORS: Record<string, number> = dict({ half: 2, halves: 2, quarter: 4, quarters: 4 });
for (const [w, v] of Object.entries(ORDINALS)) {
  // "eight seconds" is a duration, never four.
  if (v === 1 || w === 'second') continue;
  DENOMINATORS[w] = v;
  DENOMINATORS[w + 's'] = v;
}
DENOMINATORS.thirds = 3;

const VULGAR: Record<string, number> = dict({ '½': 0.5, '⅓': 1 / 3, '⅔': 2 / 3, '¼': 0.25, '¾': 0.75, '⅕': 0.2, '⅖': 0.4, '⅗': 0.6, '⅘': 0.8, '⅙': 1 / 6, '⅚': 5 / 6, '⅛': 0.125, '⅜': 0.375, '⅝': 0.625, '⅞': 0.875 });

const VAGUE: Record<string, number> = dict({ tens: 10, dozens: 12, scores: 20, hundreds: 100, thousands: 1e3, millions: 1e6, billions: 1e9, trillions: 1e12 });
const VAGUE_OF: Record<string, number> = dict({ thousands: 1e3, millions: 1e6, billions: 1e9 });

/** Currency symbols before (or after) the number. */
const SYMBOLS: Record<string, string> = dict({ $: 'USD', '€': 'EUR', '£': 'GBP', '¥': 'JPY', '₹': 'INR', '₽': 'RUB', '₩': 'KRW', '₿': 'BTC', '₺': 'TRY', '₪': 'ILS', '₦': 'NGN', '元': 'CNY', '₱': 'PHP', '₫': 'VND', '₴': 'UAH', '₡': 'CRC', '₾': 'GEL', '₭': 'LAK', '৳': 'BDT' });
/** Letters glued or spaced before "$": US$, C$, HK$ … */
const DOLLAR_PREFIX: Record<string, string> = dict({ us: 'USD', 'u.s': 'USD', usd: 'USD', a: 'AUD', au: 'AUD', aud: 'AUD', c: 'CAD', ca: 'CAD', cad: 'CAD', hk: 'HKD', nz: 'NZD', nzd: 'NZD', s: 'SGD', r: 'BRL', mex: 'MXN', mxn: 'MXN', nt: 'TWD' });
/** ISO codes and words written before the number ("USD 200", "Rs 500"). */
const CODE_BEFORE: Record<string, string> = dict({ usd: 'USD', eur: 'EUR', gbp: 'GBP', jpy: 'JPY', cny: 'CNY', rmb: 'CNY', inr: 'INR', rs: 'INR', chf: 'CHF', aud: 'AUD', cad: 'CAD', hkd: 'HKD', rub: 'RUB', sek: 'SEK', nok: 'NOK', dkk: 'DKK', zar: 'ZAR', sar: 'SAR', aed: 'AED', try: 'TRY' });
/** Currency words after the number; a nationality before them refines the code. */
const CURRENCY_WORDS: Record<string, string> = dict({
  dollar: 'USD', dollars: 'USD', euro: 'EUR', euros: 'EUR', pound: 'GBP', pounds: 'GBP', sterling: 'GBP', yen: 'JPY', yuan: 'CNY',
  renminbi: 'CNY', rmb: 'CNY', rupee: 'INR', rupees: 'INR', rouble: 'RUB', roubles: 'RUB', ruble: 'RUB', rubles: 'RUB',
  franc: 'CHF', francs: 'CHF', lira: 'TRY', liras: 'TRY', lire: 'TRY', won: 'KRW', peso: 'MXN', pesos: 'MXN', real: 'BRL', reais: 'BRL',
  rand: 'ZAR', naira: 'NGN', shekel: 'ILS', shekels: 'ILS', dinar: 'IQD', dinars: 'IQD', riyal: 'SAR', riyals: 'SAR', dirham: 'AED', dirhams: 'AED',
  pesetas: 'ESP', peseta: 'ESP', guilder: 'NLG', guilders: 'NLG', markka: 'FIM', marks: 'DEM', krona: 'SEK', kronor: 'SEK', krone: 'NOK', kroner: 'NOK',
  hryvnia: 'UAH', hryvnias: 'UAH', bitcoin: 'BTC', bitcoins: 'BTC', btc: 'BTC', usd: 'USD', eur: 'EUR', gbp: 'GBP', jpy: 'JPY', cny: 'CNY', chf: 'CHF',
  cent: 'cents', cents: 'cents', pence: 'pence', penny: 'pence', p: 'pence',
});
const CURRENCY_NATIONS: Record<string, Record<string, string>> = {
  dollar: { 'hong kong': 'HKD', hk: 'HKD', australian: 'AUD', canadian: 'CAD', 'new zealand': 'NZD', singapore: 'SGD', taiwan: 'TWD', us: 'USD', 'u.s.': 'USD', american: 'USD', zimbabwe: 'ZWL' },
  franc: { swiss: 'CHF', french: 'FRF', belgian: 'BEF', cfa: 'XOF' },
  pound: { egyptian: 'EGP', lebanese: 'LBP', syrian: 'SYP', british: 'GBP' },
  peso: { argentine: 'ARS', mexican: 'MXN', chilean: 'CLP', colombian: 'COP', philippine: 'PHP' },
  rupee: { indian: 'INR', pakistani: 'PKR', 'sri lankan': 'LKR', nepalese: 'NPR' },
  dinar: { iraqi: 'IQD', kuwaiti: 'KWD', jordanian: 'JOD', libyan: 'LYD', tunisian: 'TND', serbian: 'RSD' },
  lira: { turkish: 'TRY' },
  yuan: { chinese: 'CNY' },
  riyal: { saudi: 'SAR', qatari: 'QAR' },
};

const PERCENT_WORDS = new Set(['percent', 'percents', 'percentage', 'pct', 'pc']);

// ---------------------------------------------------------------------------------------------
// Tokens

// Digits with their separators are read by the parser; the tokenizer keeps runs of digits, runs
// of letters (with inner apostrophes and dots of abbreviations like "U.S"), and single symbols.
const TOKEN_RE = /(\d+)|([A-Za-z]+(?:['’][A-Za-z]+)?)|([^\s\dA-Za-z])/g;

function tokenize(text: string, from: number, to: number): Token[] {
  const out: Token[] = [];
  TOKEN_RE.lastIndex = from;
  let m: RegExpExecArray | null;
  while ((m = TOKEN_RE.exec(text)) !== null && m.index < to) {
    const s = m[0];
    out.push({ s, lo: s.toLowerCase(), start: m.index, end: m.index + s.length, t: m[1] ? 'd' : m[2] ? 'w' : 'p' });
  }
  return out;
}

const isSpace = (c: string | undefined) => c === ' ' || c === '\u00A0' || c === '\u202F' || c === '\u2009';

// ---------------------------------------------------------------------------------------------
// The parser

interface Core {
  value: number;
  /** Index of the token after the core. */
  next: number;
  start: number;
  end: number;
  words: boolean;
  type: 'number' | 'share' | 'ordinal' | 'ratio';
  maybeOrdinal?: boolean;
  glued?: string;
  dotted?: boolean;
  plainInteger?: boolean;
  of?: number;
}

class Parser {
  readonly text: string;
  readonly tk: Token[];

  /** Reads the tokens of text[from, to) only: a number expression is short. */
  constructor(text: string, from: number, to: number) {
    this.text = text;
    this.tk = tokenize(text, from, to);
  }

  /** Whitespace only (no line break, at most `max` characters) between tokens i and i+1. */
  gapOk(i: number, max = 3): boolean {
    const a = this.tk[i];
    const b = this.tk[i + 1];
    if (!a || !b) return false;
    const gap = b.start - a.end;
    if (gap > max) return false;
    for (let k = a.end; k < b.start; k++) if (!isSpace(this.text[k])) return false;
    return true;
  }

  /** Tokens i and i+1 touch. */
  glued(i: number): boolean {
    const a = this.tk[i];
    const b = this.tk[i + 1];
    return !!a && !!b && a.end === b.start;
  }

  /** Token i+1 follows token i with a space or a hyphen ("twenty-one", "fifty - two"). Returns the index of the word after. */
  joined(i: number): number {
    const h = this.tk[i + 1];
    if (h && h.t !== 'p' && this.gapOk(i) && h.start > this.tk[i].end) return i + 1;
    if (h && (h.s === '-' || h.s === '‐') && this.text.slice(this.tk[i].end, h.start).length <= 1 && this.text.slice(h.end, this.tk[i + 2]?.start ?? h.end).length <= 1) {
      const between = this.text.slice(this.tk[i].end, h.start) + this.text.slice(h.end, this.tk[i + 2]?.start ?? h.end);
      if (/^[ \u00A0]*$/.test(between)) return i + 2;
    }
    return -1;
  }

  // ---- digits ----------------------------------------------------------------------------

  /** A number written in digits starting at token i (the token is digits, or "." before digits). */
  digits(i: number): Core | null {
    const tk = this.tk;
    const text = this.text;
    let j = i;
    let start = tk[i].start;
    let str = '';
    let plain = true;
    if (tk[i].s === '.') {
      if (tk[i + 1]?.t !== 'd' || !this.glued(i)) return null;
      // ".08": no digit before the point.
      if (/[\d]/.test(text[tk[i].start - 1] ?? '')) return null;
      str = '0.' + tk[i + 1].s;
      j = i + 2;
      plain = false;
    } else {
      str = tk[i].s;
      j = i + 1;
      // Thousands: ",ddd" groups (or Indian "12,34,567"); the group must end the digits.
      const groups: string[] = [];
      let k = j;
      while (tk[k]?.s === ',' && tk[k + 1]?.t === 'd' && this.glued(k - 1) && this.glued(k)) {
        groups.push(tk[k + 1].s);
        k += 2;
      }
      if (groups.length > 0) {
        const western = str.length <= 3 && groups.every((g) => g.length === 3);
        const indian = str.length <= 2 && groups.length >= 2 && groups[groups.length - 1].length === 3 && groups.slice(0, -1).every((g) => g.length === 2);
        if (western || indian) {
          str += groups.join('');
          j = k;
          plain = false;
        } else if (groups.length === 1 && groups[0].length <= 2 && str.length <= 3 && tk[k]?.s !== ',' && !/\d,$/.test(text.slice(Math.max(0, start - 2), start))) {
          // A decimal comma ("5,00", "1,3"), only when it is not part of a list ("22,24,26").
          str += '.' + groups[0];
          j = k;
          plain = false;
        }
      } else if (str.length <= 3 && !/[\d.,]/.test(text[start - 1] ?? '')) {
        // Thin-space or space groups: "1 234 567", "40 000" (each group exactly three digits).
        // One group after an ordinary space ("400 737 Max jets") is two numbers; a narrow or
        // no-break space, or two groups and more, make one.
        let k2 = j;
        let grouped = '';
        let narrow = true;
        while (tk[k2]?.t === 'd' && tk[k2].s.length === 3 && this.gapOk(k2 - 1, 1) && !/^(?:\d|,\d)/.test(text.slice(tk[k2].end, tk[k2].end + 2)) && tk[k2 - 1].t === 'd') {
          if (text[tk[k2].start - 1] === ' ') narrow = false;
          grouped += tk[k2].s;
          k2++;
        }
        if (grouped && (narrow || grouped.length >= 6)) {
          str += grouped;
          j = k2;
          plain = false;
        }
      }
      // Decimals.
      if (tk[j]?.s === '.' && tk[j + 1]?.t === 'd' && this.glued(j - 1) && this.glued(j)) {
        if (/\d\.$/.test(text.slice(Math.max(0, start - 2), start)) && str === tk[i].s) {
          return { value: Number(tk[i].s), next: i + 1, start, end: tk[i].end, words: false, type: 'number', dotted: true, plainInteger: true };
        }
        // A second point after the decimals: an address or a version ("192.168.1.2", "1.8.3").
        if (tk[j + 2]?.s === '.' && tk[j + 3]?.t === 'd' && this.glued(j + 1) && this.glued(j + 2) && !groupsUsed(str, tk[i].s)) {
          return { value: Number(tk[i].s), next: i + 1, start, end: tk[i].end, words: false, type: 'number', dotted: true, plainInteger: true };
        }
        str += '.' + tk[j + 1].s;
        j += 2;
        plain = false;
      }
    }
    let value = Number(str);
    let end = tk[j - 1].end;
    // Exponent: "1e10", "1.3e6", "12.32e+14", "-12e-1".
    const after = text.slice(end, end + 6);
    const exp = /^[eE]([+-]?\d{1,3})(?![\dA-Za-z])/.exec(after);
    if (exp) {
      value *= 10 ** Number(exp[1]);
      end += exp[0].length;
      while (j < tk.length && tk[j].start < end) j++;
      plain = false;
    }
    let glued: string | undefined;
    // Letters glued to the digits: a scale ("10k", "1.2b", "2mil"), an ordinal suffix ("6th"), or a unit ("85km").
    if (tk[j]?.t === 'w' && tk[j].start === end) {
      const w = tk[j].s;
      if (GLUED_SCALES[w] !== undefined) {
        value *= GLUED_SCALES[w];
        end = tk[j].end;
        j++;
        plain = false;
      } else if (/^(?:st|nd|rd|th)$/i.test(w) && plain) {
        return { value, next: j + 1, start, end: tk[j].end, words: false, type: 'ordinal' };
      } else {
        glued = w;
      }
    }
    // The last part of an address or a version ("192.168.1.2", "1.8.3").
    const dotted = /\d\.$/.test(text.slice(Math.max(0, start - 2), start)) || undefined;
    return { value, next: j, start, end, words: false, type: 'number', glued, plainInteger: plain && !glued, dotted };
  }

  // ---- words ------------------------------------------------------------------------------

  /** A cardinal in words ("three hundred and thirty one", "twenty-one trillion", "a dozen"). */
  cardinalWords(i: number): Core | null {
    const tk = this.tk;
    let total = 0;
    let current = 0;
    let any = false;
    let lastKind: '' | 'unit' | 'teen' | 'tens' | 'hundred' | 'scale' = '';
    let j = i;
    let end = tk[i].end;
    let lastScale = Infinity;
    // "a hundred", "a thousand", "a dozen", "a million"
    if (tk[i].lo === 'a' || tk[i].lo === 'an') {
      const n = this.gapOk(i) ? tk[i + 1] : undefined;
      if (!n || !(n.lo === 'hundred' || n.lo === 'dozen' || SCALE_WORDS[n.lo] >= 1e3) || n.lo === 'k' || n.lo === 'mm' || n.lo === 'mil') return null;
      current = 1;
      j = i + 1;
      any = true;
      lastKind = 'unit';
    }
    for (;;) {
      const t = tk[j];
      if (!t || t.t !== 'w') break;
      const w = t.lo;
      let advanced = false;
      if (UNITS[w] !== undefined && lastKind !== 'unit' && lastKind !== 'teen') {
        current += UNITS[w];
        lastKind = 'unit';
        advanced = true;
      } else if (TEENS[w] !== undefined && (lastKind === '' || lastKind === 'hundred' || lastKind === 'scale')) {
        current += TEENS[w];
        lastKind = 'teen';
        advanced = true;
      } else if (TENS[w] !== undefined && (lastKind === '' || lastKind === 'hundred' || lastKind === 'scale')) {
        current += TENS[w];
        lastKind = 'tens';
        advanced = true;
      } else if (w === 'hundred' && any && (lastKind === 'unit' || lastKind === 'teen' || lastKind === 'tens') && current % 100 !== 0) {
        current *= 100;
        lastKind = 'hundred';
        advanced = true;
      } else if (w === 'hundred' && any && lastKind === 'unit' && current === 1) {
        current = 100;
        lastKind = 'hundred';
        advanced = true;
      } else if (SCALE_WORDS[w] >= 1e3 && w !== 'k' && w !== 'mm' && w !== 'mil' && any && lastKind !== 'scale' && SCALE_WORDS[w] < lastScale) {
        total += (current || 1) * SCALE_WORDS[w];
        current = 0;
        lastScale = SCALE_WORDS[w];
        lastKind = 'scale';
        advanced = true;
      } else if ((w === 'dozen' || w === 'dozens') && any) {
        current *= 12;
        lastKind = 'scale';
        advanced = true;
        lastScale = 12;
      }
      if (!advanced) break;
      any = true;
      end = t.end;
      // Continue with a space or hyphen; "and" after a hundred or a scale ("hundred and six").
      const nx = this.joined(j);
      if (nx < 0) {
        j++;
        break;
      }
      if (tk[nx]?.lo === 'and' && (lastKind === 'hundred' || lastKind === 'scale') && this.gapOk(nx)) {
        const after = tk[nx + 1];
        if (after && (UNITS[after.lo] !== undefined || TEENS[after.lo] !== undefined || TENS[after.lo] !== undefined) && !DENOMINATORS[tk[nx + 2]?.lo ?? '']) {
          j = nx + 1;
          continue;
        }
      }
      j = nx;
    }
    if (!any) return null;
    // Where the number ends: the token after the last word used.
    let next = i;
    while (next < tk.length && tk[next].start < end) next++;
    return { value: total + current, next, start: tk[i].start, end, words: true, type: 'number' };
  }

  /** Number words, fractions, "point" decimals, ordinals and "and a half" at token i. */
  wordNumber(i: number): Core | null {
    const tk = this.tk;
    const t = tk[i];
    const w = t.lo;
    // "half", "a half", "half a dozen", "a quarter"
    if (w === 'half' || ((w === 'a' || w === 'one') && this.gapOk(i) && (tk[i + 1].lo === 'half' || tk[i + 1].lo === 'quarter'))) {
      const hi = w === 'half' ? i : i + 1;
      const frac = tk[hi].lo === 'half' ? 0.5 : 0.25;
      // "half a dozen", "half a million"
      if (this.gapOk(hi) && tk[hi + 1].lo === 'a' && this.gapOk(hi + 1)) {
        const m = tk[hi + 2].lo;
        const mult = m === 'dozen' ? 12 : SCALE_WORDS[m] >= 1e3 && m !== 'k' && m !== 'mm' && m !== 'mil' ? SCALE_WORDS[m] : 0;
        if (mult) return { value: frac * mult, next: hi + 3, start: t.start, end: tk[hi + 2].end, words: true, type: 'number' };
      }
      return { value: frac, next: hi + 1, start: t.start, end: tk[hi].end, words: true, type: 'share', maybeOrdinal: tk[hi].lo === 'quarter' };
    }
    // "a fifth", "a third": a share, or an ordinal ("a third term"); the claim stage decides.
    if ((w === 'a' || w === 'an') && this.gapOk(i) && DENOMINATORS[tk[i + 1]?.lo ?? ''] && !tk[i + 1].lo.endsWith('s')) {
      return { value: 1 / DENOMINATORS[tk[i + 1].lo], next: i + 2, start: t.start, end: tk[i + 1].end, words: true, type: 'share', maybeOrdinal: true };
    }
    // Ordinal words alone ("fifth", "twenty-first").
    let card = this.cardinalWords(i);
    if (!card) {
      if (ORDINALS[w] !== undefined) return { value: ORDINALS[w], next: i + 1, start: t.start, end: t.end, words: true, type: 'ordinal' };
      return null;
    }
    let j = card.next;
    // "twenty-first": a cardinal ending in tens, then an ordinal unit.
    const nx = j - 1 >= 0 ? this.joined(j - 1) : -1;
    if (nx >= 0 && card.value % 10 === 0 && card.value >= 20 && ORDINALS[tk[nx]?.lo ?? ''] !== undefined && ORDINALS[tk[nx].lo] < 10 && tk[nx - 1]?.s === '-') {
      const ordVal = card.value + ORDINALS[tk[nx].lo];
      return { value: ordVal, next: nx + 1, start: t.start, end: tk[nx].end, words: true, type: 'ordinal' };
    }
    // Fractions: "two thirds", "a fifth", "one twenty-fifth", "three quarters", "five - eighths".
    if (nx >= 0) {
      const d = tk[nx]?.lo ?? '';
      let den = DENOMINATORS[d] ?? 0;
      let denEnd = nx + 1;
      // "twenty-fifth(s)", "twenty firsts"
      if (!den && TENS[d] !== undefined) {
        const nn = this.joined(nx);
        const ord = tk[nn]?.lo ?? '';
        const unit = ord.replace(/s$/, '');
        if (nn >= 0 && ORDINALS[unit] !== undefined && ORDINALS[unit] < 10) {
          den = TENS[d] + ORDINALS[unit];
          denEnd = nn + 1;
        }
      }
      // "hundred-fifths" style denominators are rare: not handled.
      if (den && !(den === 2 && d === 'half' && card.value !== 1) && card.value > 0) {
        const singular = !tk[denEnd - 1].lo.endsWith('s') || d === 'halves';
        const maybeOrdinal = card.value === 1 && singular && d !== 'half' && d !== 'quarter';
        return { value: card.value / den, next: denEnd, start: t.start, end: tk[denEnd - 1].end, words: true, type: 'share', maybeOrdinal };
      }
    }
    // "one and a half", "five and a quarter", "twenty and three fifths"
    if (this.gapOk(j - 1) && tk[j]?.lo === 'and' && this.gapOk(j)) {
      const f = this.wordNumber(j + 1);
      if (f && f.type === 'share' && f.value < 1) {
        card = { ...card, value: card.value + f.value, next: f.next, end: f.end };
        j = f.next;
      }
    }
    // "two hundred point zero three", "nine point nought four", "two hundred point seventy-one"
    if (this.gapOk(j - 1) && tk[j]?.lo === 'point' && this.gapOk(j)) {
      let digits = '';
      let k = j + 1;
      let last = -1;
      while (tk[k]?.t === 'w') {
        const lw = tk[k].lo;
        if (UNITS[lw] !== undefined && lw !== 'nil') digits += String(UNITS[lw]);
        else if (TEENS[lw] !== undefined) digits += String(TEENS[lw]);
        else if (TENS[lw] !== undefined) {
          const nn = this.joined(k);
          if (nn >= 0 && UNITS[tk[nn].lo] !== undefined && UNITS[tk[nn].lo] > 0) {
            digits += String(TENS[lw] + UNITS[tk[nn].lo]);
            last = nn;
            k = nn;
            const more = this.joined(k);
            if (more < 0) break;
            k = more;
            continue;
          }
          digits += String(TENS[lw] / 10);
        } else break;
        last = k;
        const more = this.joined(k);
        if (more < 0) break;
        k = more;
      }
      if (digits) {
        card = { ...card, value: card.value + Number('0.' + digits), next: last + 1, end: tk[last].end };
      }
    }
    return card;
  }

  // ---- whole expressions ------------------------------------------------------------------

  /** A number (digits or words, with sign, scale, fraction, ratio) at token i. */
  core(i: number): Core | null {
    const tk = this.tk;
    const t = tk[i];
    let sign = 1;
    let start = t.start;
    let k = i;
    // "minus five", "negative one", "-9.23"
    if ((t.lo === 'minus' || t.lo === 'negative') && this.gapOk(i)) {
      const inner = this.coreUnsigned(i + 1);
      if (inner) return { ...inner, value: -inner.value, start, plainInteger: false };
      return null;
    }
    if ((t.s === '-' || t.s === '−') && this.glued(i) && (tk[i + 1]?.t === 'd' || tk[i + 1]?.s === '.')) {
      const before = this.text[t.start - 1];
      if (before === undefined || isSpace(before) || before === '(' || before === '\n') {
        sign = -1;
        k = i + 1;
      }
    }
    const c = this.coreUnsigned(k);
    if (!c) return null;
    if (sign < 0) return { ...c, value: -c.value, start, plainInteger: false };
    return c;
  }

  coreUnsigned(i: number): Core | null {
    const tk = this.tk;
    const t = tk[i];
    if (!t) return null;
    let c: Core | null = null;
    if (t.t === 'd' || (t.s === '.' && tk[i + 1]?.t === 'd')) {
      c = this.digits(i);
      if (!c) return null;
      if (c.type === 'ordinal' || c.dotted) return c;
      // Vulgar fraction glued: "2½"
      const vf = VULGAR[this.text[c.end] ?? ''];
      if (vf !== undefined && !c.glued) {
        return { ...c, value: c.value + vf, end: c.end + 1, next: c.next + 1, plainInteger: false };
      }
      // Slash fractions: "3/4", "7/32", "2 1/4" (common denominators only: "5/17" is a date).
      const sl = this.slashFraction(c.next - 1, c);
      if (sl) return sl;
      if (c.glued) return c;
      // Mixed fraction "2 1/4", "2  1/4"
      if (tk[c.next]?.t === 'd' && this.gapOk(c.next - 1) && c.plainInteger) {
        const f = this.digits(c.next);
        if (f && f.plainInteger) {
          const sf = this.slashFraction(c.next, f);
          if (sf && sf.value < 1) return { ...c, value: c.value + sf.value, end: sf.end, next: sf.next, plainInteger: false };
        }
      }
      // Scale words after digits: "2 million", "322 hundred", "3 dozen", "13 lakh", "2.33 k", "10 bln".
      let j = c.next;
      let scaled = false;
      while (this.gapOk(j - 1) && tk[j]?.t === 'w') {
        const w = tk[j].lo;
        let mult = 0;
        if (w === 'hundred' && !scaled) mult = 100;
        else if (SCALE_WORDS[w] !== undefined && w !== 'mm' && (w !== 'k' || !/[A-Za-z]/.test(this.text[tk[j].end] ?? ''))) mult = SCALE_WORDS[w];
        else if (w === 'dozen' || w === 'dozens' || w === 'dzs' || w === 'dozs') mult = 12;
        if (!mult) break;
        // "k" spaced is a thousand only in writing like "2.33 k", never before a word.
        if (w === 'k' && tk[j + 1] && this.gapOk(j) && tk[j + 1].t === 'w') break;
        c = { ...c, value: c.value * mult, end: tk[j].end, next: j + 1, plainInteger: false };
        scaled = true;
        j++;
      }
    } else if (VULGAR[t.s] !== undefined) {
      c = { value: VULGAR[t.s], next: i + 1, start: t.start, end: t.end, words: false, type: 'number' };
    } else if (t.t === 'w') {
      // "quarter million"
      if (t.lo === 'quarter' && this.gapOk(i) && SCALE_WORDS[tk[i + 1]?.lo] >= 1e3 && tk[i + 1].lo !== 'k') {
        return { value: 0.25 * SCALE_WORDS[tk[i + 1].lo], next: i + 2, start: t.start, end: tk[i + 1].end, words: true, type: 'number' };
      }
      // "the one you mentioned", "which one", "this one": a pronoun.
      if (t.lo === 'one' && /\b(?:the|this|that|which|each|every|no|any|another|one|someone|anyone|last|next|first|little|young|loved|right|wrong|big|new|old|other)[\s\u00A0]+$/i.test(this.text.slice(Math.max(0, t.start - 12), t.start))) return null;
      c = this.wordNumber(i);
      if (!c) return null;
      // "half million", "five and a half million"
      if ((c.type === 'share' || !Number.isInteger(c.value)) && this.gapOk(c.next - 1) && SCALE_WORDS[tk[c.next]?.lo] >= 1e3 && !['k', 'mm', 'mil'].includes(tk[c.next].lo) && !c.maybeOrdinal) {
        return { ...c, type: 'number', value: c.value * SCALE_WORDS[tk[c.next].lo], end: tk[c.next].end, next: c.next + 1 };
      }
      if (c.type === 'ordinal' || c.type === 'share') return this.ratio(c) ?? c;
      // "three hundred and two dozens", "five dozs"
      if (this.gapOk(c.next - 1) && ['dozen', 'dozens', 'dzs', 'dozs'].includes(tk[c.next]?.lo ?? '') && tk[c.next - 1].lo !== 'dozen') {
        c = { ...c, value: c.value * 12, end: tk[c.next].end, next: c.next + 1 };
      }
    } else return null;
    return this.ratio(c) ?? c;
  }

  slashFraction(slashBefore: number, num: Core): Core | null {
    const tk = this.tk;
    const s = tk[slashBefore + 1];
    if (!num.plainInteger || s?.s !== '/' || !this.glued(slashBefore) || !this.glued(slashBefore + 1) || tk[slashBefore + 2]?.t !== 'd') return null;
    const den = Number(tk[slashBefore + 2].s);
    // "5/17/2018" is a date.
    if (tk[slashBefore + 3]?.s === '/' && this.glued(slashBefore + 2)) return null;
    if (![2, 3, 4, 5, 8, 10, 16, 32, 64, 100].includes(den) || num.value >= den || num.value === 0) return null;
    if (/[A-Za-z\d]/.test(this.text[tk[slashBefore + 2].end] ?? '')) return null;
    return { ...num, value: num.value / den, end: tk[slashBefore + 2].end, next: slashBefore + 3, plainInteger: false, type: 'number' };
  }

  /** "one in five", "one out of three", "one over twenty". */
  ratio(c: Core): Core | null {
    const tk = this.tk;
    let j = c.next;
    if (c.type === 'ordinal' || !this.gapOk(j - 1) || c.value <= 0 || (c.type === 'share' && c.value < 1)) return null;
    const w = tk[j]?.lo;
    let k = -1;
    if (w === 'in' && this.gapOk(j)) k = j + 1;
    else if (w === 'out' && tk[j + 1]?.lo === 'of' && this.gapOk(j) && this.gapOk(j + 1)) k = j + 2;
    else if (w === 'over' && this.gapOk(j)) k = j + 1;
    if (k < 0 || !tk[k]) return null;
    // The denominator: a number, not an article or a year ("one in a million" is an idiom).
    if (tk[k].t !== 'd' && tk[k].t !== 'w') return null;
    const d = tk[k].t === 'd' ? this.digits(k) : this.cardinalWords(k);
    if (!d || d.value <= c.value || d.glued || d.type !== 'number' || tk[k].lo === 'a') return null;
    if (d.plainInteger && d.value >= 1000 && d.value <= 2100 && tk[k].s.length === 4) return null;
    // "over" stays "more than" before a counted noun ("$2000 over 3 years").
    if (w === 'over' && ((tk[d.next]?.t === 'w' && this.gapOk(d.next - 1)) || (!c.words && !d.words && bmp(/[\p{L}]/u).test(this.text.slice(d.end, d.end + 3))))) return null;
    // "8 in 5 boxes": a ratio needs a small numerator.
    if (w === 'in' && (c.value > 100 || (!c.words && d.words))) return null;
    return { ...c, value: c.value / d.value, end: d.end, next: d.next, type: 'ratio', of: d.value, plainInteger: false };
  }

  /** Everything at token i, or null. */
  quantity(i: number): Quantity | null {
    const tk = this.tk;
    const t = tk[i];
    // Vague multiples: "hundreds of", "tens of thousands of", "dozens", "billions".
    if (t.t === 'w' && VAGUE[t.lo] !== undefined && !(t.lo === 'scores' && tk[i + 1]?.lo !== 'of')) {
      let value = VAGUE[t.lo];
      let end = t.end;
      let hedge = t.lo;
      if (tk[i + 1]?.lo === 'of' && this.gapOk(i)) {
        hedge = `${t.lo} of`;
        if (this.gapOk(i + 1) && VAGUE_OF[tk[i + 2]?.lo ?? ''] && VAGUE_OF[tk[i + 2].lo] > value) {
          value *= VAGUE_OF[tk[i + 2].lo];
          end = tk[i + 2].end;
        }
      } else if (t.lo === 'tens' || t.lo === 'scores') return null;
      if (t.lo === 'dozens' && (tk[i + 1]?.lo !== 'of' || !this.gapOk(i))) hedge = 'dozens';
      return { start: t.start, end, numStart: t.start, numEnd: end, value, type: 'vague', hedge, words: true };
    }
    // Currency before: "$", "US$", "HK$", "C $", "€", "USD 200", "Rs 500".
    let currency: string | undefined;
    let k = i;
    if (t.t === 'p' && SYMBOLS[t.s] !== undefined) {
      currency = SYMBOLS[t.s];
      k = i + 1;
    } else if (t.t === 'w') {
      // "US$", "u.s $", "HK $"
      let j = i;
      let pre = t.lo;
      if (t.lo === 'u' && tk[i + 1]?.s === '.' && tk[i + 2]?.lo === 's' && this.glued(i) && this.glued(i + 1)) {
        pre = 'u.s';
        j = i + 2;
        if (tk[j + 1]?.s === '.' && this.glued(j)) j++;
      }
      const dollar = tk[j + 1];
      if (DOLLAR_PREFIX[pre] !== undefined && dollar?.s === '$' && (this.glued(j) || this.gapOk(j, 1)) && /^[A-Za-z]/.test(t.s) && (t.s === t.s.toUpperCase() || !/[A-Za-z]/.test(this.text[t.start - 1] ?? ''))) {
        // A lone capital before "$" must not be the end of a sentence word: "C $", "A$".
        // "a $48.2 million contract", "Forbes's $500 million man": an article or a possessive, not A$.
        const lone = pre.length === 1 && !this.glued(j);
        if (!(lone && (pre === 'a' || pre === 's')) && (pre.length > 1 || t.s === t.s.toUpperCase() || /^[a-z]$/.test(t.s))) {
          currency = DOLLAR_PREFIX[pre];
          k = j + 2;
        }
      } else if (CODE_BEFORE[t.lo] !== undefined && (t.s === t.s.toUpperCase() || t.lo === 'rs') && tk[j + 1]?.t === 'd') {
        const gapTo = tk[j + 1].start - t.end;
        if (gapTo <= 1 || (t.lo === 'rs' && tk[j + 1].start - t.end <= 2)) {
          currency = CODE_BEFORE[t.lo];
          k = i + 1;
          if (t.lo === 'rs' && tk[k]?.s === '.') k++;
        }
      }
    }
    if (currency) {
      // "$ 75 million": a space may follow the symbol.
      const numTok = tk[k];
      if (!numTok || numTok.start - tk[k - 1].end > 1 || (numTok.t !== 'd' && numTok.s !== '.')) return null;
      const c = this.core(k);
      if (!c || c.type === 'ordinal' || c.dotted) return null;
      let value = c.value;
      let end = c.end;
      let next = c.next;
      // "$12.9m", "$ 5 m": after a currency "m" is a million.
      if (c.glued && /^(?:m|mln|mn)$/i.test(c.glued)) {
        value *= 1e6;
        end += c.glued.length;
        next++;
      } else if (c.glued) return null;
      else if (this.gapOk(next - 1, 1) && tk[next]?.lo === 'm' && !/[A-Za-z]/.test(this.text[tk[next].end] ?? '')) {
        value *= 1e6;
        end = tk[next].end;
        next++;
      }
      // "50 dollar", "$10 dollars": a currency word repeated after the number belongs to it.
      if (this.gapOk(next - 1) && tk[next] && CURRENCY_WORDS[tk[next].lo] && /^(?:dollars?|usd)$/i.test(tk[next].s) && currency.endsWith('D')) end = tk[next].end;
      return { start: t.start, end, numStart: c.start, numEnd: c.end, value, type: 'money', currency, words: c.words };
    }
    const c = this.core(i);
    if (!c) return null;
    const base: Quantity = {
      start: c.start,
      end: c.end,
      numStart: c.start,
      numEnd: c.end,
      value: c.value,
      type: c.type,
      words: c.words,
    };
    if (c.glued) base.glued = c.glued;
    if (c.maybeOrdinal) base.maybeOrdinal = true;
    if (c.dotted) base.dotted = true;
    if (c.plainInteger) base.plainInteger = true;
    if (c.of) base.of = c.of;
    if (c.type === 'ordinal' || c.dotted) return base;
    const text = this.text;
    // Percent: "20%", "20 %", "20 percent", "15 per cent", "thirty percentage", "0.5 percentage point".
    if (c.glued === undefined) {
      let j = c.next;
      if (tk[j]?.s === '%' && (this.glued(j - 1) || this.gapOk(j - 1, 1))) {
        return { ...base, type: 'percent', value: c.type === 'share' || c.type === 'ratio' ? c.value * 100 : c.value, end: tk[j].end };
      }
      if (this.gapOk(j - 1) && tk[j]?.t === 'w') {
        let pEnd = -1;
        if (PERCENT_WORDS.has(tk[j].lo) && (tk[j].lo !== 'pc' || !/[A-Za-z]/.test(text[tk[j].end] ?? ''))) pEnd = j;
        else if (tk[j].lo === 'per' && tk[j + 1]?.lo === 'cent' && this.gapOk(j)) pEnd = j + 1;
        // "a half percentage point": shares are points of percentage too.
        else if (c.type === 'share' && tk[j].lo === 'a' && tk[j + 1]?.lo === 'percentage' && this.gapOk(j)) pEnd = j + 1;
        if (pEnd >= 0) {
          const q: Quantity = { ...base, type: 'percent', value: c.value, end: tk[pEnd].end };
          // "percentage point(s)", "basis points"
          if (tk[pEnd].lo === 'percentage' && /^points?$/.test(tk[pEnd + 1]?.lo ?? '') && this.gapOk(pEnd)) {
            q.percentUnit = 'percentage points';
            q.end = tk[pEnd + 1].end;
          }
          return q;
        }
        if (tk[j].lo === 'basis' && /^points?$/.test(tk[j + 1]?.lo ?? '') && this.gapOk(j)) {
          return { ...base, type: 'percent', value: c.value / 100, end: tk[j + 1].end, percentUnit: 'basis points' };
        }
        // Currency words: "176 Hong Kong dollars", "420 million finnish markka", "five million yen", "34 cents".
        const cw = this.currencyAfter(j);
        if (cw) {
          // "3 dollars 50 cents", "thirteen dollars and forty-five cents"
          let end = cw.end;
          let value = c.value;
          const ci = tk.findIndex((x, n) => n >= j && x.end === cw.end);
          if (/^(?:USD|EUR|GBP|CAD|AUD)$/.test(cw.code) && ci >= 0 && this.gapOk(ci)) {
            let k2 = ci + 1;
            if (tk[k2]?.lo === 'and' && this.gapOk(k2)) k2++;
            const cents = tk[k2] && (tk[k2].t === 'd' || tk[k2].t === 'w') ? this.core(k2) : null;
            if (cents && cents.type === 'number' && cents.value < 100 && !cents.glued) {
              const unitTok = tk[cents.next];
              if (unitTok && /^(?:cents?|pence)$/.test(unitTok.lo) && this.gapOk(cents.next - 1)) {
                end = unitTok.end;
                value += cents.value / 100;
              } else if (!unitTok || unitTok.t === 'p' || !this.gapOk(cents.next - 1)) {
                if (cents.words) {
                  end = cents.end;
                  value += cents.value / 100;
                }
              }
            }
          }
          return { ...base, type: 'money', currency: cw.code, end, value };
        }
      }
      // "80-percent"
      if (tk[j]?.s === '-' && this.glued(j - 1) && this.glued(j) && tk[j + 1] && /^(?:percent|per)$/.test(tk[j + 1].lo)) {
        const pe = tk[j + 1].lo === 'per' && tk[j + 2]?.lo === 'cent' ? tk[j + 2].end : tk[j + 1].lo === 'percent' ? tk[j + 1].end : -1;
        if (pe > 0) return { ...base, type: 'percent', value: c.value, end: pe };
      }
      // "12-cent", "one-yen"
      if (tk[j]?.s === '-' && this.glued(j - 1) && this.glued(j) && tk[j + 1] && /^(?:cent|yen|dollar|euro|pound|penny)$/.test(tk[j + 1].lo)) {
        return { ...base, type: 'money', currency: CURRENCY_WORDS[tk[j + 1].lo], end: tk[j + 1].end };
      }
      // Symbol after: "100 €", "100₾", "10 $" (not before another number: "$ 20").
      if (tk[j]?.t === 'p' && SYMBOLS[tk[j].s] !== undefined && (this.glued(j - 1) || this.gapOk(j - 1, 1)) && tk[j + 1]?.t !== 'd') {
        return { ...base, type: 'money', currency: SYMBOLS[tk[j].s], end: tk[j].end };
      }
    } else if (/^(?:usd|eur|gbp|btc)$/i.test(c.glued)) {
      return { ...base, type: 'money', currency: c.glued.toUpperCase(), end: base.end + c.glued.length };
    }
    return base;
  }

  currencyAfter(j: number): { code: string; end: number } | null {
    const tk = this.tk;
    // Up to two nationality words ("Hong Kong", "new zealand", "swiss") before the currency word.
    for (let n = 0; n <= 2; n++) {
      const w = tk[j + n];
      if (!w || w.t !== 'w') return null;
      if (n > 0 && !this.gapOk(j + n - 1)) return null;
      const code = CURRENCY_WORDS[w.lo];
      if (code !== undefined && !(w.lo === 'p' || w.lo === 'real' || w.lo === 'won' || w.lo === 'marks' || w.lo === 'rand' || w.lo === 'sterling')) {
        const nation = tk.slice(j, j + n).map((x) => x.lo).join(' ');
        const singular = w.lo.replace(/(?:es|s)$/, '').replace(/^pound$/, 'pound');
        const refined = n > 0 ? ((Object.hasOwn(CURRENCY_NATIONS, singular) ? CURRENCY_NATIONS[singular][nation] : undefined) ?? (Object.hasOwn(CURRENCY_NATIONS, w.lo) ? CURRENCY_NATIONS[w.lo][nation] : undefined)) : undefined;

        return { code: refined ?? code, end: w.end };
      }
      if (n === 0 && w.lo === 'pounds' ) return null;
      // Only capitalised or known nationality words may come before a currency word.
      if (!/^[A-Za-z]/.test(w.s)) return null;
      const nationWords = new Set(['hong', 'kong', 'new', 'zealand', 'australian', 'canadian', 'singapore', 'taiwan', 'us', 'swiss', 'french', 'belgian', 'egyptian', 'lebanese', 'syrian', 'british', 'argentine', 'mexican', 'chilean', 'colombian', 'philippine', 'indian', 'pakistani', 'sri', 'lankan', 'nepalese', 'iraqi', 'kuwaiti', 'jordanian', 'libyan', 'tunisian', 'serbian', 'turkish', 'chinese', 'saudi', 'qatari', 'finnish', 'dutch', 'american', 'japanese', 'russian', 'zimbabwe', 'cfa', 'hk']);
      if (!nationWords.has(w.lo)) return null;
    }
    return null;
  }
}

function groupsUsed(str: string, first: string): boolean {
  return str !== first;
}

const START_WORDS = [
  ...Object.keys(UNITS), ...Object.keys(TEENS), ...Object.keys(TENS), ...Object.keys(ORDINALS), ...Object.keys(VAGUE),
  'half', 'quarter', 'minus', 'negative',
];
const DENOMINATOR_WORDS = Object.keys(DENOMINATORS).filter((w) => !w.endsWith('s') || w === 'halves');
/**
 * Where a quantity may start: digits, currency signs and codes, number words, "a" before a scale or
 * a fraction. Everything between two such places is skipped without being read.
 */
const CANDIDATE_RE = new RegExp(
  [
    String.raw`[\d½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞]`,
    String.raw`[.\-−](?=\d)`,
    String.raw`(?:\b(?:[A-Za-z]{1,3}|u\.s\.?|mex|Mex)[\s\u00A0]?)?[${Object.keys(SYMBOLS).join('')}]`,
    String.raw`\b(?:${Object.keys(CODE_BEFORE).join('|')})\.?[\s\u00A0]?(?=\d)`,
    String.raw`\b(?:${START_WORDS.join('|')})\b`,
    String.raw`\ban?[\s\u00A0]+(?=(?:hundred|thousand|million|billion|trillion|dozen|${DENOMINATOR_WORDS.join('|')})\b)`,
  ].join('|'),
  'gi',
);

const URL_RE = /\b(?:https?:\/\/|www\.)[^\s<>"]+/g;
/** How far a number expression can reach ("one billion and three quarters of a million US dollars"). */
const WINDOW = 160;
const SHORT_WINDOW = 40;

/** Every number expression in `text`, in order, without overlaps (the longest at each place). */
export function recognizeQuantities(text: string): Quantity[] {
  return drain(recognizeQuantitiesSteps(text));
}

/**
 * `recognizeQuantities` as steps (lib/steps.ts): a pause after every candidate, so that the page
 * code can cut a long article's scan (cold code and first-use patterns make it slow) into short tasks.
 */
export function* recognizeQuantitiesSteps(text: string): Steps<Quantity[]> {
  const out: Quantity[] = [];
  // Web addresses hold digits and percent signs of no quantity.
  const urls: [number, number][] = [];
  if (text.includes('://') || text.includes('www.')) {
    for (const m of text.matchAll(URL_RE)) urls.push([m.index, m.index + m[0].length]);
  }
  let u = 0;
  // A copy: the scan pauses, and another scan may run meanwhile (the copy shares the compiled pattern).
  const candidates = new RegExp(CANDIDATE_RE);
  let c: RegExpExecArray | null;
  while ((c = candidates.exec(text)) !== null) {
    yield;
    const at = c.index;
    while (u < urls.length && urls[u][1] <= at) u++;
    if (u < urls.length && urls[u][0] <= at) {
      candidates.lastIndex = Math.max(candidates.lastIndex, urls[u][1]);
      continue;
    }
    // A candidate inside a word ("G20", "Ten" in "Often"): the parser starts at the token's start.
    let q: Quantity | null = null;
    for (const reach of [SHORT_WINDOW, WINDOW]) {
      const to = Math.min(text.length, at + reach);
      const p = new Parser(text, at, to);
      q = null;
      for (let i = 0; i < Math.min(p.tk.length, 3) && !q; i++) {
        if (p.tk[i].start > c.index + c[0].length) break;
        q = p.quantity(i);
      }
      // Read again with the long window when the expression may go on past the short one.
      if (!q || to === text.length || q.end < to - 16) break;
    }
    if (!q) continue;
    out.push(q);
    candidates.lastIndex = Math.max(candidates.lastIndex, q.end);
  }
  return out;
}
