/** The English word lists and patterns the name finder reads its cues from. Lower case. */

export const words = (s: string): Set<string> => new Set(s.split(/\s+/).filter(Boolean));

/** Words that open sentences without being names. Lower case. */
export const COMMON = words(`
  a an the this that these those it its he she they we i you his her their our my your there here
  in on at for from with by of to as into onto upon over under about above below across against among
  between through during before after since until till while when where what which who whom whose why how
  if but and or nor so yet although though because unless whether however meanwhile also then now today
  yesterday tomorrow tonight some many most more much few all both each every other another such no not
  any none one two three four five six seven eight nine ten first second third last next several only just
  even still already again instead thus therefore hence indeed perhaps maybe also according following
  despite amid around near without within beyond toward towards like unlike once twice please yes let
  mr mrs ms dr sir madam earlier later recently finally overall separately similarly meanwhile besides
  moreover furthermore otherwise nevertheless nonetheless elsewhere neither either officials critics
  analysts experts sources residents witnesses police troops soldiers authorities lawmakers voters
  protesters people children women men israelis palestinians americans europeans asked speaking
  under-secretary good great big small old young high low long short top early late full free major minor
  local national international federal global public private foreign domestic former current very
`);

export const MONTHS = words(`january february march april june july august september october november december
  jan feb mar apr jun jul aug sep sept oct nov dec`);
export const DAYS = words('monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thurs fri sat sun');
/** Capitalised but never an actor: holidays, eras, time zones, units, common acronyms, "Member" (of Parliament), "Fellow". */
export const NOT_NAMES = words(`christmas easter ramadan eid hanukkah passover thanksgiving diwali
  utc gmt est edt pst pdt cet bst am pm a.m p.m tv sdk vip gb mb kb tb gbp eur usd mp3 pdf url html ok id pc
  dna hiv aids covid ai os cd dvd gps gdp vat faq ceo cfo coo cto cio ps pr hq q&a no. inc. i i'm i've i'd i'll
  internet web c.e.o mp mps mep meps ngo ngos member fellow`);

/**
 * Verbs that open the names of campaigns and charities before "the" and a capitalised word: "Stop the War
 * Coalition", "Rock the Vote", "Save the Children", "Unite the Left", "Meet the Press", "Reclaim the Streets".
 */
export const NAME_VERBS = words(`stop save rock unite meet reclaim feed free end ban fight defend protect restore
  occupy take march change rebuild heal`);
/** Titles and roles: cues for a person, kept out of the name's span. Lower case, matched per token. */
export const TITLES = words(`mr mr. mrs mrs. ms ms. dr dr. sir dame lord lady madam mx
  president vice prime minister ministers premier chancellor secretary deputy foreign defence defense interior
  finance justice king queen prince princess crown emir sheikh sultan pope cardinal archbishop bishop rabbi imam
  ayatollah father reverend rev rev. general gen gen. lt lt. lieutenant col col. colonel major maj maj. captain
  capt capt. admiral commander sergeant sgt sgt. brigadier marshal senator sen sen. representative rep rep.
  congressman congresswoman governor gov gov. mayor judge justice ambassador envoy speaker chairman chairwoman
  chair chief executive officer director spokesman spokeswoman spokesperson commissioner professor prof prof.
  councillor councilor councilman councilwoman alderman alderwoman assemblyman assemblywoman
  ceo cfo coo cto c.e.o. founder co-founder chairperson attorney saint press
  honourable honorable secretary-general datuk dato adviser advisor leader majority minority whip`);
/** Nouns that end a title phrase: "Chief Operating Officer", "Deputy Foreign Minister". */
export const TITLE_HEADS = words(`officer minister president secretary director chairman chairwoman chairperson spokesman
  spokeswoman spokesperson commissioner ambassador envoy executive premier chancellor governor mayor adviser advisor
  leader whip`);
/** Role nouns that, right before a name or in an appositive, describe a person ("spokesman Esmaeil Baqaei"). */
export const PERSON_ROLES = words(`spokesman spokeswoman spokesperson minister president chief executive ceo leader
  commander founder co-founder official envoy ambassador director chairman chairwoman secretary analyst
  professor journalist reporter lawyer attorney activist general colonel senator governor mayor judge
  chef author writer singer actor actress player coach striker star premier king queen prince princess head
  boss deputy aide adviser advisor candidate challenger nominee rapper musician artist economist scientist
  researcher historian strategist negotiator mediator prosecutor officer executive`);
/** Role nouns that describe an organisation ("aircraft manufacturer Boeing", "NPD Group, a research firm"). */
export const ORG_ROLES = words(`manufacturer maker airframer carrier airline company firm group giant magazine newspaper
  daily broadcaster agency network retailer bank insurer producer developer publisher studio label club team
  party movement militia organisation organization operator conglomerate startup start-up corporation outlet
  channel station ministry department union charity lender automaker carmaker`);
export const ROLE_NOUNS = new Set([...PERSON_ROLES, ...ORG_ROLES, 'rival']);
/** Organisation words, anywhere in a name ("Ministry of Defence", "Qatar Airways", "Apple Inc."). */
export const ORG_WORDS = words(`ministry department party council army navy force forces guard guards brigade brigades
  corps bank university college school institute academy inc inc. corp corp. corporation company co co. ltd
  ltd. plc llc llp gmbh ag sa nv n.v. s.a. group holdings airlines airline airways agency office commission
  committee association society foundation list federation institution endowment initiative project forum league union court courts parliament congress senate
  assembly government administration authority police service services systems technologies technology
  motors media news times post journal network studios records club fc bureau board fund organization
  organisation movement front church hospital museum trust partners capital industries international
  electric energy power steel pharmaceuticals labs laboratories press television radio channel broadcasting cabinet
  caucus tribunal secretariat alliance coalition command regiment battalion division guardian telegraph herald tribune gazette université universidad universidade università universität
  ministère ministerio ministero ministerium banco banque banca partido parti partei partito instituto institut
  società sociedad société gesellschaft stiftung fundación fondation mouvement movimento movimiento bewegung beweging partai partij`);
/** Members of a party or movement in the plural: a name with one is a party ("Australian Greens", "Liberal Democrats"). */
export const PARTY_PLURALS = words(`democrats socialists greens liberals conservatives nationals republicans unionists
  communists nationalists radicals progressives federalists loyalists separatists social-democrats christian-democrats`);
/** Place words ("Gaza City", "Jordan River", "Sichuan Province", "Heathrow Airport"). */
export const PLACE_WORDS = words(`city river province county state region district territory island islands isle
  mountains mountain mount valley desert sea ocean gulf lake bay strait straits peninsula strip coast
  heights plateau canal airport square street avenue road bridge park camp village town capital
  governorate prefecture oblast republic kingdom emirates emirate borough harbour harbor port beach
  principality duchy colony
  falls basin highlands delta center centre tower towers building plaza hall palace stadium arena`);
/** First words of multi-word place names. */
export const PLACE_PREFIXES = words(
  'new san santa são sao rio los las el port fort saint st st. mount lake cape north south east west upper lower greater',
);
export const COMPASS = words('east west north south eastern western northern southern central middle far');
export const COUNTRY_ACRONYMS = words('us usa uk uae drc prc rok dprk');
/** Departments after "Secretary of": part of the title, not a place. */
export const DEPARTMENTS = words(`state defense defence energy labor labour commerce health education justice transport
  transportation agriculture interior treasury finance security homeland veterans war navy army housing`);
/** Words before a capitalised name that make it a place. */
export const PLACE_PREPS = words('in near across throughout outside inside around towards toward');
/** Connectors inside names: "Osama bin Laden", "Ludwig van Beethoven", "Charles de Gaulle". */
export const PARTICLES = words(
  'de del della der den des di da dos das du van von le la bin ibn bint al el abu ben ter ten y pour et für und en',
);
/** Words before "of" that keep a name going ("Bank of England", "Republic of Korea", "Court of Justice"). */
export const OF_HEADS = words(`${[...ORG_WORDS].join(' ')} ${[...PLACE_WORDS].join(' ')} ${[...TITLES].join(' ')}
  house houses order sisters brothers friends people children institute chamber department bank`);
/** Verbs that follow a person's name. */
export const SPEECH_VERBS = words(`said says told added stated wrote explained noted argued asked replied insisted warned
  claimed announced confirmed denied declared tweeted posted admitted recalled urged believes believed thinks
  thought hopes hoped`);
/** Words that show a lone capitalised word is an adjective of nationality ("German airline"). */
export const DEMONYMS = words(`french dutch welsh swiss greek thai british irish scottish english danish swedish finnish
  polish turkish spanish israeli iraqi saudi pakistani qatari yemeni kuwaiti emirati bangladeshi somali
  afghan nepali omani bahraini german american korean mexican african cuban moroccan tibetan venezuelan
  dominican jamaican puerto`);
/** Community words that pair with nationalities to name groups ("Arab Israeli", "Jewish American"). */
export const GROUP_WORDS = words(
  'arab arabs jewish muslim christian kurdish druze bedouin black white latino latina hispanic asian',
);
export const DEMONYM_RE = /(?:ian|ean|ese|ic)$/;
/** A lone word that opens a sentence and ends like this is more likely a verb, adverb or plural noun. */
export const COMMON_SUFFIX_RE =
  /(?:ing|ed|ly|ness|ments?|ity|ities|ions|ers|ings|ists|al|als|ive|ous|ful|less|able|ible|\p{L}{5}(?:ent|ant))$/u;
/** Words after a lone capitalised word that show it is the subject of a sentence, so a name. */
export const SUBJECT_VERBS = words(`has have had is was are were will would can could may might should must did does do
  said says told announced`);
/** A model number or code after a name makes the whole a product: "Boeing 787", "Airbus A380". */
export const MODEL_RE = /^(?:\p{Lu}{0,3}\d[\p{L}\d-]*)$/u;
/** Before a name, only a model-like token marks a product ("787 Dreamliner", "A350 XWB"), not a count ("60 Boeing"). */
export const PRECEDING_MODEL_RE = /^(?:\d{3}|\p{Lu}+\d+\p{Lu}*|\d+\p{Lu}+)$/u;
/** camelCase product words ("iTunes", "eBay"): capitalised words right after them belong to a product name. */
export const CAMEL_RE = /^\p{Ll}+\p{Lu}/u;
export const QUOTE_BEFORE_RE = /["“‘`']\s*$/;
export const QUOTE_AFTER_RE = /^\s*["”’'](?!\p{L})/u;
/** Heads of numbered things: the name before them is the operator ("Air France Flight 447" → "Air France"). */
export const NUMBERED_HEADS = words('flight flights');
/** Event and law heads: not actors. */
export const EVENT_WORDS = words(`conference summit show expo festival games olympics cup championship championships
  awards award prize war wars act treaty accord accords agreement protocol election elections day week
  convention year`);

export const UPPER_RE = /^\p{Lu}/u;
export const LETTER_RE = /\p{L}/u;
export const LOWER_RE = /\p{Ll}/u;
export const DIGIT_RE = /\p{N}/u;
/** Arabic and similar particles glued to a name with a hyphen: "al-Assad", "bin-Salman". */
export const GLUED_PARTICLE_RE = /^(?:al|el|ad|ash|as|at|an|ar|az|ud|ul|bin|ibn|abu|d|l)[-'’]\p{Lu}/u;
export const ABBREVIATIONS = words(`mr mrs ms dr st jr sr inc corp co ltd gen lt col sgt capt sen rep gov prof rev mt ft
  no vs etc maj adm cmdr gov jan feb mar apr jun jul aug sep sept oct nov dec u.s u.k u.n e.u d.c n.v s.a`);
export const FUNCTION_WORDS = words(
  'the a an this that these those his her its their our my your of for in on at to with by and or from as',
);
/** Common adjectives that do belong in a descriptor ("former foreign minister"). */
export const MODIFIERS = words(`good great big small old young high low long short top early late full free major minor
  local national international federal global public private foreign domestic former current first new`);
export const HONORIFIC_RE = /^(?:mr|mrs|ms|dr|mx|sir|dame)\.?$/;
export const CLAUSE_WORDS = words('who which that whose whom where when');
export const PAST_VERBS = words(`met saw told beat named hit led won lost left took gave made sent called held kept
  became joined replaced succeeded visited thanked praised criticised criticized accused urged welcomed`);
export const VERBS = words(`is was are were be been has have had will would can could should may might did does do said says
  told announced`);
