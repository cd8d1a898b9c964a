/**
 * Word lists of the organization rules. Entries are token keys (see `tokenKey`: accents
 * removed, first letter lower-cased unless the word is all capitals).
 */
import type { OrgType } from '../types';
import { tokenKey } from './tokenize';

const keys = (words: string) => new Set(words.trim().split(/\s+/).map(tokenKey));

/** Head nouns of organization names, with the type they suggest (EN, FR and a few other languages). */
export const HEAD_TYPES: ReadonlyMap<string, OrgType> = (() => {
  const m = new Map<string, OrgType>();
  const add = (type: OrgType, words: string) => keys(words).forEach((k) => m.set(k, type));
  add('government-agency', `Agency Agencies Administration Office Bureau Service Services Directorate Secretariat Police Army Navy Corps Guard
    Brigade Regiment Division Squadron Battalion Fleet Command Force Forces Wing Agence Office Direction Délégation Secrétariat Inspection Préfecture Régie Police
    Gendarmerie Armée Haut-Commissariat Mission Agentur Amt Bundesamt`);
  add('regulator', 'Authority Authorities Commission Commissions Regulator Autorité Commission Commissione Comisión');
  add('ministry', 'Ministry Ministries Department Departments Ministère Ministerium Ministerio Ministero');
  add('other', `Council Committee Board Forum Group Network Trust Consortium Partnership Alliance Coalition League Union Federation Club Team
    Conseil Comité Groupe Réseau Alliance Coalition Ligue Union Fédération Club Cercle Collectif Consortium Compagnie Orchestra Orchestre
    Band Choir Brothers Records Studios Pictures Entertainment Airlines Airways Motors Railway Railways`);
  add('ngo', 'Foundation Association Society Fund Fonds Organization Organisation Guild Movement Front Project Fondation Association Syndicat Mouvement Front Confédération Confederation Stiftung');
  add('research-institute', 'Institute Institution Laboratory Laboratories Lab Labs Observatory Center Centre Academy Institut Laboratoire Observatoire Centre Académie Conservatoire Instituto Istituto');
  add('university', 'University Universities College School Polytechnic Université Universite École Collège Universidad Università Universität Universiteit Hochschule');
  add('company', `Corporation Corp Corp. Inc Inc. Ltd Ltd. LLC LLP PLC plc Co. Company Holdings Industries Technologies Partners Capital Ventures
    Bank Banque Société Group FC F.C. AFC CF SC SV SK FK BK GmbH AG SA SAS SARL SpA NV BV Oy AB KK Media Press Publishing`);
  add('court', 'Court Courts Tribunal Cour Tribunal');
  add('parliament', 'Parliament Assembly Senate Congress Assemblée Sénat Parlement Chamber Chambre Bundestag Diet Duma');
  add('political-party', `Party Parti Partido Partito Partei Partij Democrats Republicans Socialists Conservatives Liberals Greens Movimento Movimiento Frente
    Fronte Bloc Bloque Blocco Lega Liga`);
  add('media', 'Times Post Herald Tribune Gazette Chronicle Magazine News Telegraph Hospital Observer Courier Inquirer');
  return m;
})();

/** Heads that may open a name directly followed by a name word (French, club prefixes): "Institut Pasteur", "FC Porto". */
export const HEAD_FIRST_OK = keys(`Institut Fondation Université École Banque Groupe Parti Partido Partito Partei Club FC F.C. AFC CF SC SV SK FK BK
  Agence Conseil Comité Observatoire Centre Laboratoire Collège Académie Société Union Fédération Ligue Mouvement Front Instituto Istituto`);

/** Legal suffixes: a capitalised name before them is a company even after a comma ("Acme, Inc."). */
export const LEGAL_SUFFIXES = keys('Inc Inc. Corp Corp. Ltd Ltd. LLC LLP PLC plc GmbH AG SA SAS SARL SpA NV BV Co.');

/**
 * Last words that make a capitalised name a law, document, programme, event or product, not an
 * organization ("EU AI Act", "Hiroshima AI Process", "AI Safety Summit"); organizations inside
 * such names are not labelled either (GUIDELINES §1).
 */
export const NON_ORG_FINALS = keys(`Act Acts Regulation Regulations Directive Order Orders Bill Treaty Convention Agreement Accord Accords
  Declaration Charter Strategy Plan Program Programme Resource Summit Conference Process Challenge Award Awards Prize Index Report Framework
  Principles Guidelines Code Commitments Statement Initiative Model Models Election Elections Cup Championship Championships Games Olympics
  Tournament Festival Day War Revolution Crisis Agenda Database Dataset Benchmark Platform App Protocol Constitution Doctrine Manifesto Plan
  Loi Règlement Directive Décret Ordonnance Traité Accord Déclaration Charte Stratégie Programme Sommet Conférence Prix Rapport Plan Code
  Élection Élections Coupe Championnat Jeux Rate Rates Ratio Error Score Distance Coefficient Algorithm Theorem Equation Method Criterion
  Transform Distribution`);

/** Title words: they end a name ("Federal Trade Commission Chair Lina Khan"). */
export const TITLES = keys(`President Vice Vice-President Chairman Chairwoman Chair Chairperson CEO CTO COO CFO Director Secretary Minister
  Commissioner Spokesperson Spokesman Spokeswoman Professor Prof Prof. Senator Sen Representative Rep Governor Gov Mayor Chief Judge Dr Mr Mrs Ms
  Sir Founder Co-founder Cofounder Member MEP MP Deputy Ambassador Administrator Head Leader Lieutenant Captain Colonel Sergeant Chancellor
  Premier Dean Provost Leaders Ministers Members Officials Heads Representatives Secretaries Directors Chairs Researcher Analyst Adviser Advisor Counsel Officer Manager Executive-Director
  Président Présidente Directeur Directrice Ministre Secrétaire Commissaire Porte-parole Sénateur Sénatrice Député Députée Maire Professeur
  Professeure Fondateur Fondatrice PDG Chercheur Chercheuse Mme M. Dr.`);

/** Days and months end a name too ("Microsoft Tuesday"). */
/** Titles before a person's name that TITLES (offices, Mr, Dr…) does not hold ("Queen Mary", "Mme Dupont"). */
export const HONORIFICS = keys('Miss Dame Lord Lady King Queen Prince Princess Pope Saint General Justice M. Mme Mr. Mrs. Ms. Dr.');
export const CALENDAR = keys(`Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August September
  October November December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec lundi mardi mercredi jeudi vendredi samedi dimanche janvier
  février mars avril mai juin juillet août septembre octobre novembre décembre`);

/** Words that connect the parts of a name. */
export const CONNECTORS = keys(`of for on and & the de du des d' la le les l' pour et en sur à aux der den das die für van von del della di degli
  y e und at`);
/** Connectors after which an article may follow ("Office of the President", "Autorité de la concurrence"). */
export const ARTICLE_HOSTS = keys(`of for on de pour sur à et du des`);
export const ARTICLES = keys(`the la le les l'`);
export const AND_WORDS = keys(`and & et y e und`);

/**
 * Capitalised words that open sentences or headings and are not names. A name run never starts
 * with them (at any position for determiners; at sentence start for the rest).
 */
export const DETERMINERS = keys(`The A An La Le Les L' Un Une Des Du De Ce Cette Ces This That These Those Our Their Its His Her My Your`);
export const SENTENCE_STARTERS = keys(`In On At For From By To Of With Without Under Over After Before During Since Until While When Where Why How What
  Which Who Whom Whose If As So But And Or Nor Yet Also However Meanwhile Moreover Furthermore Indeed Today Yesterday Tomorrow Now Then Last Next
  First Second Third Finally Some Many Most All Each Every Both Either Neither No Not Only Even Just There Here It He She We They I You Is Are Was
  Were Be Has Have Had Do Does Did Will Would Can Could Should May Might Must Shall According Although Though Because Despite Through Following
  Including Among Between Against Like Unlike Please See Read More Other Another Such Several Few New Former Current Recent Early Late Senior
  Chinese American British French German European Russian Japanese Indian Canadian Federal National State Local Global International Public
  Private Big Major Leading Top Key Critics Experts Officials Researchers Companies Governments Lawmakers Regulators Users People Members
  Dans En Au Aux Pour Par Avec Sans Sous Sur Selon Après Avant Pendant Depuis Lorsque Quand Comment Pourquoi Où Qui Que Quoi Si Mais Et Ou
  Donc Car Aussi Ainsi Pourtant Cependant Toutefois Enfin Alors Il Elle Ils Elles On Nous Vous Je Cet Cette Ces Son Sa Ses Leur Leurs Notre
  Nos Votre Vos Tout Tous Toute Toutes Chaque Plusieurs Certains Certaines Aujourd'hui Hier Demain Désormais Face Entre Contre Vers Chez
  Parmi Malgré Grâce Outre Dès Lors Côté Voici Voilà`);

/** French adjective endings accepted after a French head ("Autorité nationale", "Conseil supérieur"). */
export const FR_ADJECTIVE_RE =
  /^\p{Ll}[\p{Ll}-]*(?:al|ale|aux|ales|ique|iques|ic|ics|ien|ienne|iens|iennes|ais|aise|aises|ois|oise|aire|aires|el|elle|els|elles|if|ive|ifs|ives|eur|eure|eurs|ieur|ieure|ier|ière|iers|ières|ain|aine|ains|aines|in|ine|ins|ines|en|enne|ens|ennes|ite|ites|ète|ètes|ome|omes|ste|stes)$/u;

/** French words that never continue a name after a connector (articles, pronouns, frequent verbs and adverbs). */
export const FR_STOP = keys(`le la les un une des ce cet cette ces son sa ses leur leurs mon ma mes ton ta tes notre nos votre vos qui que quoi
  dont où est sont a ont été être avoir fait font plus moins très aussi mais ou donc car ne pas il elle ils elles on nous vous se y en tout
  tous toute toutes même autres autre cela ceci ça celui celle ceux celles lui leur eux dans par avec sans sous sur entre vers chez selon
  après avant pendant depuis comme quand si lors ainsi bien peu beaucoup trop faire dire peut peuvent doit doivent va vont sera seront
  était étaient ans mois jours fois année années hier aujourd'hui demain ici déjà encore toujours jamais souvent puis enfin alors`);

/** Strings that look like organization names to the rules but are places or other things. */
export const NOT_ORGS = new Set(
  `Soviet Union|United Kingdom|United States|United Arab Emirates|United Nations Framework Convention|Commonwealth of Massachusetts|
  Commonwealth of Virginia|Commonwealth of Pennsylvania|Commonwealth of Kentucky|Union Jack|Silicon Valley|Wall Street|Capitol Hill|Big Tech|
  Royaume-Uni|États-Unis|Union soviétique|Emirats arabes unis|Émirats arabes unis`
    .split('|')
    .map((s) => s.trim().toLowerCase()),
);

/** Frequent capitalised terms and acronyms that are not organizations (the tagger may not propose them). */
export const NOT_ORG_ACRONYMS = keys(`AI IA AGI ML LLM LLMs GenAI IT ICT TIC R&D GDP PIB GDPR RGPD CSAM API APIs SDK CEO CTO CFO COO PDF URL FAQ
  GAFAM GAFA NATU BATX DNA ADN HIV VIH AIDS SIDA TV PC OS USB HTML HTTP IP IoT VR AR XR GPU GPUs CPU RFI RFP RFC KPI ROI SaaS B2B B2C
  NLP CV OK USD EUR GBP PhD MBA DIY FAQ ESG CO2 COVID COVID-19 Covid Covid-19 SARS OGM GMO PME PMI TPE ETI SME SMEs HR RH OSINT IRL
  STEM NFT NFTs VPN WiFi Wi-Fi GPS SMS MMS DVD CD LP EP MVP BC AD`);

/**
 * Lower-case nouns that make the acronym before them the name of a thing, not of an organization
 * ("the LREC conference", "a CNN model", "the ONNX format").
 */
export const THING_NOUNS = new Set(
  `conference conferences workshop workshops symposium language languages format formats protocol protocols algorithm algorithms method
  methods model models standard standards file files code library libraries framework frameworks dataset datasets database databases
  benchmark benchmarks metric metrics score scores test tests toolkit package packages architecture architectures chip chips processor
  processors engine engines compiler interface interfaces version versions tool tools technique techniques theorem equation equations
  function functions loss rate rates curve curves matrix vector distribution distributions layer layers module modules specification
  extension extensions notation syntax`.split(/\s+/),
);

/** Words that are not acronyms when shouted in capitals ("FALSE", "FOR"). */
export const SHOUTED_WORDS = new Set(
  `a an the and or not no yes for of in on at to by is are be it its if then else true false all any none new one two my we you
  this that with from as but so do does did was were has have had will can may must should would could get set let end`.split(/\s+/),
);
