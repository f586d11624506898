import { describe, expect, it } from 'vitest';
import { htmlDocument } from '@/tests/unit/dom';
import { SAMPLE_CHARS, decideLanguage, detectLanguage, neverLetterOrMark, sampleText, wordsOf } from './language';

// Paragraphs written for these tests (news-like, in each language), not taken from any corpus.
const PARAGRAPHS: Record<string, string> = {
  en: 'The council voted on Tuesday to delay the harbour repairs until the spring, after engineers warned that the old wall could not be fixed before the storms. The mayor said the decision was difficult but that the town would have to wait.',
  fr: "Le conseil municipal a voté mardi le report des travaux du port au printemps, après que les ingénieurs ont averti que la vieille digue ne pourrait pas être réparée avant les tempêtes. Le maire a déclaré que la décision était difficile.",
  de: 'Der Stadtrat hat am Dienstag beschlossen, die Reparatur der Hafenmauer auf das Frühjahr zu verschieben, nachdem die Ingenieure gewarnt hatten, dass die alte Mauer nicht vor den Stürmen instand gesetzt werden könne. Der Bürgermeister sagte, die Entscheidung sei schwer gewesen.',
  es: 'El ayuntamiento votó el martes aplazar las obras del puerto hasta la primavera, después de que los ingenieros advirtieran de que el viejo muro no podía repararse antes de las tormentas. El alcalde dijo que la decisión fue difícil pero necesaria para la ciudad.',
  it: "Il consiglio comunale ha votato martedì il rinvio dei lavori al porto fino alla primavera, dopo che gli ingegneri hanno avvertito che il vecchio muro non poteva essere riparato prima delle tempeste. Il sindaco ha detto che la decisione è stata difficile.",
  pt: 'A câmara municipal votou na terça-feira o adiamento das obras do porto para a primavera, depois de os engenheiros terem avisado que o velho muro não podia ser reparado antes das tempestades. O presidente da câmara disse que a decisão foi difícil.',
  nl: 'De gemeenteraad heeft dinsdag besloten de reparatie van de havenmuur uit te stellen tot het voorjaar, nadat ingenieurs hadden gewaarschuwd dat de oude muur niet voor de stormen kon worden hersteld. De burgemeester zei dat het een moeilijke beslissing was.',
  ru: 'Городской совет во вторник проголосовал за перенос ремонта портовой стены на весну, после того как инженеры предупредили, что старую стену нельзя починить до начала штормов. Мэр заявил, что решение было трудным.',
  ar: 'صوّت المجلس البلدي يوم الثلاثاء على تأجيل أعمال إصلاح جدار الميناء حتى فصل الربيع، بعد أن حذّر المهندسون من أن الجدار القديم لا يمكن إصلاحه قبل العواصف. وقال رئيس البلدية إن القرار كان صعباً.',
  he: 'מועצת העיר הצביעה ביום שלישי על דחיית תיקון חומת הנמל עד האביב, לאחר שהמהנדסים הזהירו כי לא ניתן לתקן את החומה הישנה לפני הסערות. ראש העיר אמר כי ההחלטה הייתה קשה.',
  el: 'Το δημοτικό συμβούλιο ψήφισε την Τρίτη την αναβολή των εργασιών στο λιμάνι μέχρι την άνοιξη, αφού οι μηχανικοί προειδοποίησαν ότι ο παλιός τοίχος δεν μπορεί να επισκευαστεί πριν από τις καταιγίδες.',
  hi: 'नगर परिषद ने मंगलवार को बंदरगाह की दीवार की मरम्मत को वसंत तक टालने के लिए मतदान किया, क्योंकि इंजीनियरों ने चेतावनी दी थी कि पुरानी दीवार को तूफानों से पहले ठीक नहीं किया जा सकता।',
  zh: '市议会周二投票决定将港口墙体的维修推迟到春季，此前工程师警告说，这堵旧墙无法在风暴来临之前修好。市长表示，这个决定很艰难，但城市只能等待。',
  ja: '市議会は火曜日、港の防波堤の修理を春まで延期することを決めた。技術者たちは、古い壁は嵐の前には修理できないと警告していた。市長は難しい判断だったと述べた。',
  th: 'สภาเมืองลงมติเมื่อวันอังคารให้เลื่อนการซ่อมกำแพงท่าเรือออกไปจนถึงฤดูใบไม้ผลิ หลังจากวิศวกรเตือนว่ากำแพงเก่าไม่สามารถซ่อมได้ทันก่อนพายุจะมา',
  ko: '시의회는 화요일 항구 방벽 보수 공사를 봄까지 연기하기로 의결했다. 기술자들은 낡은 벽을 폭풍 전에 고칠 수 없다고 경고했다. 시장은 어려운 결정이었다고 말했다.',
  uk: 'Міська рада у вівторок проголосувала за перенесення ремонту портової стіни на весну, після того як інженери попередили, що стару стіну не можна відремонтувати до початку штормів. Мер заявив, що рішення було складним.',
  fa: 'شورای شهر روز سه‌شنبه به تعویق تعمیر دیوار بندر تا بهار رأی داد، پس از آنکه مهندسان هشدار دادند که دیوار قدیمی را نمی‌توان پیش از توفان‌ها تعمیر کرد. شهردار گفت این تصمیم دشوار بود.',
};

describe('detectLanguage', () => {
  for (const [lang, text] of Object.entries(PARAGRAPHS)) {
    it(`names ${lang} from one paragraph`, () => {
      expect(detectLanguage(text).lang).toBe(lang);
    });
  }

  it('gives the Latin-script languages with a clear confidence', () => {
    for (const lang of ['en', 'fr', 'de', 'es', 'it', 'pt', 'nl']) expect(detectLanguage(PARAGRAPHS[lang]).confidence, lang).toBeGreaterThanOrEqual(0.5);
  });

  it('names short sentences when they are clear, and says unknown when they are not', () => {
    expect(detectLanguage('The minister said the talks would resume in the spring.').lang).toBe('en');
    expect(detectLanguage('Le ministre a dit que les négociations reprendraient au printemps.').lang).toBe('fr');
    expect(detectLanguage('Der Minister sagte, die Gespräche würden im Frühjahr fortgesetzt.').lang).toBe('de');
    // Too short, or no running text: unknown rather than a guess.
    expect(detectLanguage('Breaking news').lang).toBeNull();
    expect(detectLanguage('Paris').lang).toBeNull();
    expect(detectLanguage('').lang).toBeNull();
    expect(detectLanguage('12 345 — 67,8 % / 2026').lang).toBeNull();
    expect(detectLanguage('Apple Samsung Google Microsoft Amazon Netflix Spotify Tesla Nvidia Intel').lang).toBeNull();
  });

  it('takes an English article quoting a French sentence as English', () => {
    const text = `${PARAGRAPHS.en} "Nous ne pouvons pas attendre plus longtemps," said a fisherman on the quay. ${PARAGRAPHS.en}`;
    expect(detectLanguage(text).lang).toBe('en');
  });

  it('takes an English article quoting Arabic and Russian phrases as English', () => {
    const text = `${PARAGRAPHS.en} Protesters carried banners reading "لا للحرب" and "Нет войне". The police said the march was peaceful and that nobody was arrested on the day.`;
    expect(detectLanguage(text).lang).toBe('en');
  });

  it('tells Persian from Arabic and Ukrainian from Russian by their letters', () => {
    expect(detectLanguage(PARAGRAPHS.fa).lang).toBe('fa');
    expect(detectLanguage(PARAGRAPHS.uk).lang).toBe('uk');
  });

  it('reads only a sample: what follows the first SAMPLE_CHARS characters changes nothing', () => {
    // (How fast it is, is measured by the benchmarks, not here: a timed test flakes on a busy machine.)
    const english = Array.from({ length: 25 }, () => PARAGRAPHS.en).join('\n\n');
    expect(english.length).toBeGreaterThan(SAMPLE_CHARS);
    const sample = english.slice(0, SAMPLE_CHARS);
    // A long French tail after an English start: the answer is the start's, to the confidence.
    const frenchTail = Array.from({ length: 2000 }, () => PARAGRAPHS.fr).join('\n\n');
    expect(detectLanguage(sample + frenchTail)).toEqual(detectLanguage(sample));
    expect(detectLanguage(sample).lang).toBe('en');
    // 5 MB of letters and then French: the French is never reached.
    expect(detectLanguage('x'.repeat(5_000_000) + PARAGRAPHS.fr).lang).toBeNull();
    expect(detectLanguage(PARAGRAPHS.fr).lang).toBe('fr');
  });
});

describe('decideLanguage', () => {
  it('uses the text when the page declares nothing', () => {
    expect(decideLanguage(null, PARAGRAPHS.fr)).toMatchObject({ lang: 'fr', declared: null, fromText: true });
  });

  it('believes the text over a template lang="en" on a French story', () => {
    expect(decideLanguage('en', PARAGRAPHS.fr)).toMatchObject({ lang: 'fr', declared: 'en', fromText: true });
    expect(decideLanguage('en-US', PARAGRAPHS.ar)).toMatchObject({ lang: 'ar', fromText: true });
  });

  it('believes the text over lang="fr" on an English story', () => {
    expect(decideLanguage('fr-FR', PARAGRAPHS.en)).toMatchObject({ lang: 'en', declared: 'fr', fromText: true });
  });

  it('keeps the declaration when the text agrees or cannot tell', () => {
    expect(decideLanguage('en-GB', PARAGRAPHS.en)).toMatchObject({ lang: 'en', fromText: false });
    expect(decideLanguage('de', 'Berlin, 12. März')).toMatchObject({ lang: 'de', fromText: false });
    expect(decideLanguage(null, 'Berlin')).toMatchObject({ lang: null, fromText: false });
    // Only the script spoke, and it is the declared language's script.
    expect(decideLanguage('bg', PARAGRAPHS.ru)).toMatchObject({ lang: 'bg', fromText: false });
    expect(decideLanguage('ur', PARAGRAPHS.ar)).toMatchObject({ lang: 'ur', fromText: false });
    expect(decideLanguage('nb', 'Regjeringen sa at det ikke var mulig å komme til enighet, og at forhandlingene ville fortsette etter helgen med de andre partiene.')).toMatchObject({ lang: 'nb' });
  });
});

describe('sampleText', () => {
  it('reads the start of the reading text, skipping scripts and skipped subtrees', () => {
    const doc = htmlDocument(
      `<html><body><article><p>First paragraph.</p><script>var x = "not text";</script><aside class="share">Share this</aside><p>Second <b>bold</b> paragraph.</p></article></body></html>`,
    );
    const root = doc.querySelector('article')!;
    const sample = sampleText(root, (el) => el.classList.contains('share'));
    expect(sample).toContain('First paragraph.');
    expect(sample).toContain('bold');
    expect(sample).not.toContain('not text');
    expect(sample).not.toContain('Share this');
    expect(sampleText(root, undefined, 10).length).toBeLessThanOrEqual(10);
  });

  it('survives a tree nested 10,000 levels deep', () => {
    const doc = htmlDocument('<html><body></body></html>');
    let el: Element = doc.body;
    for (let i = 0; i < 10_000; i++) el = el.appendChild(doc.createElement('div'));
    el.appendChild(doc.createTextNode(PARAGRAPHS.de));
    expect(detectLanguage(sampleText(doc.body)).lang).toBe('de');
  });
});

// The language check reads words without a pattern (its Unicode classes were slow to compile cold);
// it must find exactly what the pattern finds.
describe('wordsOf', () => {
  const PATTERN = /[\p{L}\p{M}]+(?:['’][\p{L}]+)?/gu;
  const PIECES = ['a', 'Z', 'é', 'ß', 'ǀ', 'ạ', '\u0301', '\u0651', 'ж', 'ع', '中', 'か', '𝒜', '𠀀', '\u{1F600}', "'", '’', ' ', '-', '1', '.', '\u00A0', '\u200D', '\uD800', 'Ⅻ', 'ª', 'ǅ'];
  it('finds the words the pattern finds, on random mixes of scripts, marks, apostrophes and surrogates', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let k = 0; k < 2000; k++) {
      let text = '';
      const len = 1 + Math.floor(random() * 30);
      for (let i = 0; i < len; i++) text += PIECES[Math.floor(random() * PIECES.length)];
      expect([...wordsOf(text)], JSON.stringify(text)).toEqual([...text.matchAll(PATTERN)].map((m) => m[0]));
    }
  });
  it('knows without the pattern only code units that are neither letters nor marks', () => {
    let known = 0;
    for (let c = 0; c < 0x10000; c++) {
      if (!neverLetterOrMark(c)) continue;
      known++;
      expect(/[\p{L}\p{M}]/u.test(String.fromCharCode(c)), c.toString(16)).toBe(false);
    }
    expect(known).toBeGreaterThan(150);
  });
  it('reads running text', () => {
    expect([...wordsOf("The army's 3 tanks — l’armée n'a pas")]).toEqual(['The', "army's", 'tanks', 'l’armée', "n'a", 'pas']);
  });
});
