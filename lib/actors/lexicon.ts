import type { ActorType } from '../schema';

/**
 * Small curated word lists for the actor recogniser: cues a model trained on little text cannot
 * learn for every name it will meet (titles before people, suffixes of organisations, common
 * given names), and capitalised words that are never actors (months, holidays, religions).
 * Lower-case, compact; written for Sift.
 */

const words = (s: string) => new Set(s.trim().split(/\s+/));

/** Capitalised words that are not names on their own. */
export const NOT_NAMES = words(`
i a an the this that these those it its he she they we you his her their our my me him them us in on at of for by with from to
and but or so yet if as when while after before since because although though however meanwhile what who which why how where
there here some many most all both either neither no not one two another other such each every any few more less already also
even still now then today yesterday tomorrow fortunately unfortunately ultimately undoubtedly reportedly according beyond based
without within despite during under over between against about into through
january february march april may june july august september october november december
monday tuesday wednesday thursday friday saturday sunday
easter christmas ramadan eid hanukkah passover diwali thanksgiving lent advent
christian christians muslim muslims jew jews jewish islam islamic christianity judaism hindu hindus hinduism buddhist buddhism
sunni sunnis shia shiite shiites catholic catholics protestant protestants orthodox
western eastern northern southern god mr mrs ms dr prof sir image photo read click share tweet advertisement related update
editor note ancient yes oh credit credits source sources via caption courtesy file exclusive advertising
breaking live watch listen subscribe follow am pm gmt utc est edt pst pdt cet bst pt et
`);

/** Words that open sentences and name nobody: sentence adverbs and interjections ("Moreover", "Yeah"). */
export const SENTENCE_OPENERS = words(`
moreover furthermore regardless nevertheless nonetheless besides likewise similarly indeed instead otherwise therefore thus hence
consequently honestly frankly basically seriously sadly luckily hopefully clearly obviously apparently actually anyway anyways
hey ok okay ah oh yeah yep nope well wow please thanks sorry alas
`);

/** Holidays, periods and events that look like names. */
export const NOT_NAME_PHRASES =
  /^(?:Good Friday|Holy Week|Palm Sunday|Easter (?:Sunday|Monday)|Christmas (?:Day|Eve)|New Year(?:'s|’s)?(?: Day| Eve)?|Black Friday|Cyber Monday|Boxing Day|Labou?r Day|Memorial Day|Independence Day|Mother(?:'s|’s) Day|Father(?:'s|’s) Day|Valentine(?:'s|’s) Day|Middle Ages|Stone Age|Iron Age|Bronze Age|Cold War|World War (?:I|II|One|Two)|Holy Quran|Koran|Quran|Bible)$/i;

/** Words before a name that say it is a person ("President Putin", "spokesman Dmitry Peskov"). */
export const PERSON_TITLES = words(`
president prime minister chancellor king queen prince princess sheikh emir pope cardinal bishop rabbi imam ayatollah general gen
colonel col major captain capt lieutenant lt sergeant sgt admiral commander senator sen representative rep congressman
congresswoman governor gov mayor judge justice spokesman spokeswoman spokesperson director chairman chairwoman secretary
ambassador envoy leader chief ceo founder mr mrs ms dr prof professor sir dame lord lady saint coach manager striker midfielder
defender goalkeeper analyst economist researcher author writer journalist correspondent reporter activist deputy vice premier
dictator commissioner president-elect minister-designate priest father pastor reverend rev monk nun patriarch
sheik mullah emperor empress officer official
`);

/** Last words of organisations' names ("… Corp", "… Party", "… Observatory"). */
export const ORG_SUFFIXES = words(`
corp corporation co company companies inc ltd llc plc ag sa nv bv gmbh spa group holdings bank banks fund party union association
observatory foundation institute institution committee commission university college school hospital center centre society
league federation club network alliance coalition watch trust authority board bureau office agency council ministry department
army navy forces force police brigade brigades battalion militia front movement organisation organization exchange airlines
airways motors industries international times post news journal herald gazette tribune telegraph press radio tv television
newspaper magazine united city rovers wanderers athletic
`);

/** Common given names of many languages: a name-start cue for people the model never saw. */
export const FIRST_NAMES = words(`
aaron abdul abdullah abu adam adrian ahmad ahmed aisha alan albert alberto alejandro aleksandr alex alexander alexandre alexei
ali alice alison amanda amir amy ana anatoly andre andrea andreas andrei andrew andrzej angela ann anna anne anthony antonio
arnold arthur ashraf barbara barry ben benjamin bernard bill billy bob boris brad brian bruce carl carlos carol caroline
catherine charles charlie chris christian christine christopher claude claudia colin craig dan daniel dariusz david dean
deborah dennis diana diego dimitri dmitry dominic donald doug douglas ed eddie edward elena elizabeth emily emma enrique eric
erik ernst eva evgeny fabio farouk fatima felipe felix fernando francesco francis francisco frank franz fred frederick gary
george georg gerald gerhard giovanni giuseppe gordon graham greg gregory guido gunther gustavo hans harold harry hassan hector
heinz helen helmut henri henry herbert hillary hiroshi howard hugh hugo hussein ian igor ibrahim ivan jack jacques james jan
jane janet jason javier jean jeff jeffrey jennifer jerry jim jimmy joan joe johan johann john johnny jon jonathan jorge jose
joseph juan julia julian julie justin karen karl kate katherine keith ken kenneth kevin khalid kim klaus kurt larry laura
laurent lee leonid linda lisa louis luc luca lucas luis mahmoud manuel marc marco marcus margaret maria marie mario mark martin
mary masood matt matthew maurice max michael michel miguel mike mikhail mohamed mohammad mohammed muhammad nancy natalia nathan
neil nicholas nick nicolas nikolai nina noah norman oleg oliver omar oscar osman pablo patricia patrick paul pedro peter phil
philip philippe pierre rafael rahul ralph rami ramon raymond raul rebecca richard rick robert roberto robin roger roland ron
ronald rosa ruth ryan sam samuel sandra sarah scott sean sebastian sergei sergey simon stefan stephen steve steven susan sven
tariq terry thomas tim timothy tom tommy tony ulrich uwe valentin valery vasily victor viktor vincent vladimir walter wang
wayne werner william wolfgang yasser yuri yusuf zhang
`);

/** Name endings that fix an organisation's kind (after the knowledge base, before the default). */
export const SUFFIX_TYPES: [RegExp, ActorType][] = [
  [/\b(?:Army|Armed Forces|Air Force|Aerospace Forces|Navy|Marines|Military|Defen[cs]e Forces|National Guard|Coast Guard|Special Forces|Revolutionary Guards?|Guard Corps)$/i, 'military'],
  [/\b(?:Front|Brigades?|Battalion|Militia|Taliban|Mujahideen|Liberation Army|Resistance|Hezbollah|Hamas)$/, 'armed-group'],
  [/\b(?:Ministry(?: of [A-Z][a-z]+)*|Government|Cabinet|Parliament|Senate|Congress|Duma|Knesset|Presidency|Kremlin|White House|Pentagon|Administration|Regime)$/i, 'government'],
  [/^(?:Ministry|Department) of\b/, 'government'],
  [/\b(?:Times|Post|News|Journal|Herald|Guardian|Gazette|Tribune|Telegraph|Press|Radio|TV|Television|Broadcasting|Reuters|Magazine|Chronicle|Daily|Channel)$/, 'media'],
];

/**
 * Nationality and regional adjectives ("Syrian", "Sudanese"): never actors on their own. Plurals
 * ("Iraqis") are recognised by `isDemonym`.
 */
export const DEMONYMS = words(`
afghan albanian algerian american andorran angolan argentine argentinian armenian australian austrian azerbaijani azeri
bahraini bangladeshi belarusian belgian beninese bolivian bosnian brazilian british bulgarian burkinabe burmese burundian
cambodian cameroonian canadian chadian chilean chinese colombian congolese croatian cuban cypriot czech danish djiboutian
dominican dutch ecuadorian egyptian emirati english eritrean estonian ethiopian european fijian filipino finnish french gabonese
gambian georgian german ghanaian greek guatemalan guinean haitian honduran hungarian icelandic indian indonesian iranian
iraqi irish israeli italian ivorian jamaican japanese jordanian kazakh kenyan korean kosovar kurdish kuwaiti kyrgyz laotian
latvian lebanese liberian libyan lithuanian luxembourgish macedonian malagasy malawian malaysian malian maltese mauritanian
mexican moldovan mongolian montenegrin moroccan mozambican namibian nepalese nigerian nigerien norwegian omani pakistani
palestinian panamanian paraguayan persian peruvian polish portuguese qatari romanian russian rwandan saudi scottish senegalese
serbian sierra singaporean slovak slovenian somali spanish sudanese swedish swiss syrian taiwanese tajik tanzanian thai
togolese tunisian turkish turkmen ugandan ukrainian uruguayan uzbek venezuelan vietnamese welsh yemeni zambian zimbabwean
african asian arab arabian balkan caribbean latin nordic scandinavian slavic western eastern soviet yugoslav bosnian-serb
arab-israeli pashtun baloch sindhi punjabi tamil sinhalese tutsi hutu yazidi druze alawite kurd kurds pakistanis
`);

export function isDemonym(lower: string): boolean {
  return DEMONYMS.has(lower) || (lower.endsWith('s') && DEMONYMS.has(lower.slice(0, -1)));
}

/** Countries' short names, to type a place the knowledge base does not know as a country. */
export const COUNTRIES = new Set(
  `afghanistan albania algeria andorra angola argentina armenia australia austria azerbaijan bahamas bahrain bangladesh barbados
belarus belgium belize benin bhutan bolivia bosnia botswana brazil brunei bulgaria burkina-faso burundi cambodia cameroon canada
chad chile china colombia comoros congo costa-rica croatia cuba cyprus czechia czech-republic denmark djibouti dominica
dominican-republic ecuador egypt el-salvador eritrea estonia eswatini ethiopia fiji finland france gabon gambia georgia germany
ghana greece grenada guatemala guinea guinea-bissau guyana haiti honduras hungary iceland india indonesia iran iraq ireland
israel italy ivory-coast jamaica japan jordan kazakhstan kenya kiribati kosovo kuwait kyrgyzstan laos latvia lebanon lesotho
liberia libya liechtenstein lithuania luxembourg madagascar malawi malaysia maldives mali malta mauritania mauritius mexico
moldova monaco mongolia montenegro morocco mozambique myanmar burma namibia nauru nepal netherlands holland new-zealand
nicaragua niger nigeria north-korea north-macedonia macedonia norway oman pakistan palau palestine panama papua-new-guinea
paraguay peru philippines poland portugal qatar romania russia rwanda samoa san-marino saudi-arabia senegal serbia
seychelles sierra-leone singapore slovakia slovenia somalia south-africa south-korea south-sudan spain sri-lanka sudan
suriname sweden switzerland syria taiwan tajikistan tanzania thailand togo tonga trinidad-and-tobago tunisia turkey
turkmenistan tuvalu uganda ukraine united-arab-emirates uae united-kingdom uk britain great-britain england scotland wales
united-states us u.s. usa america uruguay uzbekistan vanuatu venezuela vietnam yemen yugoslavia zaire zambia zimbabwe`
    .split(/\s+/)
    .map((c) => c.replace(/-/g, ' ')),
);
