/**
 * Cue lexicons of the claim detector, English and French. Each cue maps to one language-neutral
 * feature name, so a model trained on English data (ClaimBuster) scores French through the same
 * features. Cues were chosen by reasoning about what a claim is (../shared/eval/GUIDELINES.md §2),
 * not by mining the evaluation files.
 */

/** Alternatives separated by " | " (compiled into word tables by matcher.ts; Unicode-aware word
 * edges are implied, since JavaScript's \b is ASCII-only and breaks on "é"). */
const words = (alts: string): string => alts;

import { compileLexicon, DF_CURRENCY, DF_MAGNITUDE, DF_YEAR, serializeLexicon, type CompiledLexicon } from './matcher';

export type CueName =
  | 'number'
  | 'percent'
  | 'money'
  | 'big_number'
  | 'number_word'
  | 'year'
  | 'comparative'
  | 'superlative'
  | 'trend'
  | 'change_verb'
  | 'causal'
  | 'prediction'
  | 'possibility'
  | 'deontic'
  | 'reporting'
  | 'according_to'
  | 'belief'
  | 'evaluative'
  | 'intensifier'
  | 'negation'
  | 'hedge'
  | 'first_person'
  | 'second_person'
  | 'past_event'
  | 'directive'
  | 'quote'
  | 'attribution_colon'
  | 'purpose';

/** A cue: " | "-separated alternatives, a regex, or a regex run only when the lowercased sentence
 * contains a given string. */
export type Lexicon = Partial<Record<CueName, string | RegExp | [RegExp, string]>>;

const SHARED: Lexicon = {
  // "55 %" / "5%" is found by features.ts (digits); here only the words.
  percent: words(`per cent | percent | pour cent | pourcent | points? de pourcentage | percentage points?`),
  money: /[$€£¥]\s?\d|\d\s?(?:[$€£¥]|(?:USD|EUR|dollars?|euros?)(?![\p{L}]))/iu,
  year: /(?<![\p{L}\p{N}])(?:19|20)\d\d(?![\p{L}\p{N}])/u,
  quote: /[“”«»"]/u,
};

export const EN: Lexicon = {
  ...SHARED,
  big_number: words(
    `hundreds | thousands | millions | billions | trillions | dozens | \\d+(?:[.,]\\d+)?\\s?(?:million|billion|trillion|thousand|hundred|[kmb]n?) | million | billion | trillion`,
  ),
  number_word: words(
    `one-third | two-thirds | half | third | quarter | twice | thrice | double | triple | two | three | four | five | six | seven | eight | nine | ten | eleven | twelve | fifteen | twenty | thirty | forty | fifty | hundred | thousand | majority | minority | most of | none of | all of`,
  ),
  comparative: words(
    `more than | less than | fewer than | greater than | rather than | than ever | \\p{L}+er than | more | less | fewer | greater | higher | lower | larger | smaller | bigger | better | worse | faster | slower | stronger | weaker | cheaper | compared (?:to|with) | relative to | outpac\\p{L}* | outperform\\p{L}* | surpass\\p{L}* | exceed\\p{L}* | ahead of | behind | lags?`,
  ),
  superlative: words(
    `most | least | largest | biggest | highest | lowest | best | worst | greatest | fastest | strongest | first-ever | first | only | record | unprecedented | never before | ever | leading | top | number one`,
  ),
  trend: words(
    `increasingly | growing | rising | declining | surge\\p{L}* | uptick | trend\\p{L}* | on the rise | more and more | accelerat\\p{L}* | rapidly | widespread | proliferat\\p{L}*`,
  ),
  change_verb: words(
    `increas\\p{L}* | decreas\\p{L}* | doubl\\p{L}* | tripl\\p{L}* | halv\\p{L}* | boost\\p{L}* | cut | cuts | reduc\\p{L}* | rais\\p{L}* | rose | risen | rises | fell | fallen | falls | grew | grown | grows | drop\\p{L}* | jump\\p{L}* | soar\\p{L}* | plunge\\p{L}* | declin\\p{L}* | expand\\p{L}* | shrank | shrunk | lost | gained | created | added`,
  ),
  causal: words(
    `because | because of | due to | thanks to | as a result | result(?:s|ed|ing)? in | lead(?:s|ing)? to | led to | caus\\p{L}* | enabl\\p{L}* | prevent\\p{L}* | allow(?:s|ed|ing)? | driv(?:e|es|ing|en) | drove | fuel\\p{L}* | harm\\p{L}* | threaten\\p{L}* | endanger\\p{L}* | put\\p{L}* (?:\\p{L}+ )?at risk | expos\\p{L}* | undermin\\p{L}* | damag\\p{L}* | hurt\\p{L}* | benefit\\p{L}* | improv\\p{L}* | contribut\\p{L}* to | prompt\\p{L}* | trigger\\p{L}* | therefore | thus | hence | so that | impact\\p{L}* | affect\\p{L}* | depend\\p{L}* on | help(?:s|ed)? | foster\\p{L}* | exacerbat\\p{L}* | compound\\p{L}* | discriminat\\p{L}* | misidentif\\p{L}* | wrongly | falsely | led | sparking | spark\\p{L}* | make(?:s)? it (?:possible|harder|easier|impossible) | making it (?:possible|harder|easier|impossible) | at risk | risk of | in turn | consequently | as a consequence | give(?:s)? rise to | paves? the way`,
  ),
  prediction: words(
    `will | won't | going to | is expected to | are expected to | expect\\p{L}* | forecast\\p{L}* | predict\\p{L}* | project(?:ed|s) to | likely | unlikely | by 20\\d\\d | in the coming (?:years|months|decades) | in the future | next (?:year|decade|month) | soon | would | is likely to | are likely to | poised to | on track to | projected | in the years ahead | in the long run`,
  ),
  possibility: words(`could | may | might | can | cannot | can't | able to | potential(?:ly)?`),
  deontic: words(
    `should | must | ought to | need(?:s)? to | have to | has to | it is (?:essential|important|critical|vital|crucial|necessary|imperative|time) | we need | call(?:s|ed|ing)? (?:on|for) | urg\\p{L}* | recommend\\p{L}* | requir\\p{L}* | deserve\\p{L}* | it is (?:essential|important|critical|vital|crucial|necessary|imperative|time) to | cannot afford | we cannot | there is a need | is needed | are needed | is required to`,
  ),
  reporting: words(
    `said | says | say | argu\\p{L}* | claim\\p{L}* | warn\\p{L}* | contend\\p{L}* | insist\\p{L}* | believ\\p{L}* | stated | states | stress\\p{L}* | noted | notes | told | assert\\p{L}* | maintain\\p{L}* | emphasi(?:s|z)\\p{L}* | underscor\\p{L}* | highlight\\p{L}* | point(?:s|ed)? out | put it | acknowledg\\p{L}* | conclud\\p{L}* | found that | show(?:s|ed)? that | suggest\\p{L}* | applaud\\p{L}* | prais\\p{L}* | criticiz\\p{L}* | criticis\\p{L}* | welcom\\p{L}* | support\\p{L}* | oppos\\p{L}* | reject\\p{L}* | hail\\p{L}*`,
  ),
  according_to: words(`according to | in the view of | in the words of | as \\p{L}+ (?:\\p{L}+ )?(?:\\p{L}+ )?(?:\\p{L}+ )?(?:put it|said|noted)`),
  belief: words(
    `i think | we think | i believe | we believe | in my view | in our view | i'm convinced | we're convinced | we are convinced | i am convinced | we know | i know | clearly | obviously | of course | indeed | in fact | the truth is | the fact is`,
  ),
  evaluative: words(
    `important | essential | critical | crucial | vital | key | major | significant | serious | severe | dangerous | risky | harmful | unsafe | safe | secure | trustworthy | responsible | irresponsible | fair | unfair | biased | bold | historic | landmark | transformative | tremendous | great | huge | massive | enormous | remarkable | extraordinary | unprecedented | profound | fundamental | urgent | necessary | insufficient | inadequate | effective | ineffective | successful | failure | wrong | right | good | bad | better | worse | best | worst | excellent | strong | weak | clear | unclear | difficult | hard | easy | complex | complicated | possible | impossible | unacceptable | misleading | powerful | innovative | competitive | vulnerable | excited | proud | grateful | concerned | worried | deep | deeply | real | true | false | healthy | problem\\p{L}* | challeng\\p{L}* | risk\\p{L}* | threat\\p{L}* | opportunit\\p{L}* | promise | promising | advantage\\p{L}* | leadership | progress | irreplaceable | paramount | indispensable | alarming | troubling | concerning | worrying | welcome | commendable | flawed | dangerous | beneficial | detrimental | meaningful | robust | ambitious | premature | excessive | sweeping`,
  ),
  intensifier: words(`very | extremely | highly | particularly | especially | too | so | incredibly | truly | really | deeply | entirely | fully | absolutely`),
  negation: words(`not | no | never | none | nothing | n't | neither | nor | cannot`),
  hedge: words(`perhaps | maybe | possibly | probably | seem\\p{L}* | appear\\p{L}* | arguably | allegedly | reportedly | somewhat | roughly | approximately | about | around | nearly | almost`),
  first_person: words(`i | we | our | us | my | me | i'm | we're | we've | ourselves`),
  second_person: words(`you | your | you're`),
  past_event: words(
    `met | meets | hosted | held | convened | announced | announces | launched | unveiled | signed | issued | issuing | visited | traveled | joined | participated | attended | released | published | spoke | discussed | today`,
  ),
  directive: words(
    `will (?:develop|establish|issue|require|direct|create|launch|convene|provide|work|continue|support|publish|release|apply|host|lead|coordinate|take|help|ensure|expand|advance|invest|protect|promote|address|consider|evaluate|review|hold|meet) | shall | is directing | directs | directed`,
  ),
  purpose: words(`in order to | so as to | aim(?:s|ed)? to | aim(?:s|ed)? at | aiming to | designed to | intended to | seek(?:s)? to | seeking to | will (?:establish|create|develop) | to establish | to develop | to create | to ensure`),
  attribution_colon: [/^[^:“”"«»]{2,90}:\s*[“"«]/u, ':'],
};

export const FR: Lexicon = {
  ...SHARED,
  big_number: words(
    `centaines | milliers | millions | milliards | dizaines | \\d+(?:[.,]\\d+)?\\s?(?:millions?|milliards?|mille|k|md|mds) | million | milliard`,
  ),
  number_word: words(
    `moitié | tiers | quart | deux fois | trois fois | double | triple | deux | trois | quatre | cinq | six | sept | huit | neuf | dix | onze | douze | quinze | vingt | trente | quarante | cinquante | cent | mille | majorité | minorité | la plupart`,
  ),
  comparative: words(
    `plus de | moins de | plus que | moins que | davantage | plus | moins | meilleure?s? | pire | supérieure?s? | inférieure?s? | par rapport (?:à|au|aux) | comparée?s? (?:à|au|aux) | surpass\\p{L}* | dépass\\p{L}* | devanc\\p{L}* | en retard | en avance | autant | aussi \\p{L}+ que | tout aussi | que jamais`,
  ),
  superlative: words(
    `le plus | la plus | les plus | le moins | la moins | les moins | premier | première | premiers | premières | seule? | seuls | seules | record | sans précédent | jamais | inédit\\p{L}* | principa(?:l|le|les|ux) | majeur\\p{L}* | leader | en tête | pointe`,
  ),
  trend: words(
    `de plus en plus | de moins en moins | croissan\\p{L}* | grandissant\\p{L}* | en hausse | en baisse | hausse | baisse | tendance\\p{L}* | accélér\\p{L}* | rapidement | progressivement | explos\\p{L}* | essor | prolifér\\p{L}* | généralis\\p{L}* | évolue\\p{L}*`,
  ),
  change_verb: words(
    `augment\\p{L}* | diminu\\p{L}* | doubl\\p{L}* | tripl\\p{L}* | multipli\\p{L}* | boost\\p{L}* | rédui\\p{L}* | réduct\\p{L}* | baiss\\p{L}* | hauss\\p{L}* | progress\\p{L}* | recul\\p{L}* | chut\\p{L}* | grimp\\p{L}* | bondi\\p{L}* | croî\\p{L}* | croit | crû | perdu | gagné | créé | créés | renforc\\p{L}* | accru\\p{L}* | accroî\\p{L}*`,
  ),
  causal: words(
    `parce que | parce qu | car | grâce à | grâce au | grâce aux | à cause | en raison | du fait | de ce fait | donc | ainsi | par conséquent | en conséquence | si bien que | tellement \\p{L}+ que | si \\p{L}+ que | entraîn\\p{L}* | provoqu\\p{L}* | caus\\p{L}* | favoris\\p{L}* | permet\\p{L}* | permis | permettr\\p{L}* | conduit | conduis\\p{L}* | conduir\\p{L}* | mène | mènent | mener à | aboutit | génèr\\p{L}* | engendr\\p{L}* | suscit\\p{L}* | contribu\\p{L}* | nuit | nuisent | menac\\p{L}* | fragilis\\p{L}* | affaibli\\p{L}* | pénalis\\p{L}* | risque de | risquent de | met\\p{L}* en danger | expos\\p{L}* | empêch\\p{L}* | évite\\p{L}* | améliore\\p{L}* | améliorer | accélère\\p{L}* | polaris\\p{L}* | dépend\\p{L}* | impacte | impactent | impacté\\p{L}* | affect\\p{L}* | bénéfici\\p{L}* | profit\\p{L}* | source de | facteur de | aide\\p{L}* à | stimul\\p{L}* | freine\\p{L}* | frein | boosté | rend(?:ent)? possible | rend(?:ent)? \\p{L}+ | permettant | permettrait | permettraient | a permis | ont permis | risquerait | risqueraient | au risque de | conséquence\\p{L}* | impact\\p{L}* sur | effet\\p{L}* sur | se tradui\\p{L}* par | expliqu\\p{L}* par | lié\\p{L}* à | liée\\p{L}* à`,
  ),
  prediction: words(
    `il faudra | faudra | va | vont | allons | allez | sera | seront | serons | aura | auront | devrait | devraient | pourra | pourront | devra | devront | à l'avenir | à l’avenir | d'ici | d’ici | dans les prochaines? \\p{L}+ | prochaine?s? | bientôt | prévoi\\p{L}* | prévu\\p{L}* | prévision\\p{L}* | anticip\\p{L}* | s'attend\\p{L}* | s’attend\\p{L}* | \\p{L}{3,}(?:era|eront|erons|iront|ira|rons|ront) | devrait | devraient | il est probable | probablement | à terme | à long terme | dans les années à venir | dans les prochaines années`,
  ),
  possibility: words(`pourrait | pourraient | peut | peuvent | pouvons | possible | potentiel\\p{L}* | susceptible\\p{L}* | capable\\p{L}*`),
  deontic: words(
    `il faut | il faudrait | faut | faudrait | doit | doivent | devons | devez | devrions | devriez | nécessaire | nécessit\\p{L}* | indispensable | impérati\\p{L}* | essentiel\\p{L}* | il est temps | il convient | convient de | recommand\\p{L}* | préconis\\p{L}* | appel\\p{L}* à | plaid\\p{L}* | exig\\p{L}* | besoin | urgen\\p{L}* | mérite\\p{L}* | devrait | devraient | devrions | il importe | importe de | gagnerait à | gagneraient à | il est (?:essentiel|crucial|nécessaire|indispensable|urgent|important|impératif|temps) | ne peut pas | ne pouvons pas | nous ne pouvons | il s'agit de | doit être | doivent être`,
  ),
  reporting: words(
    `affirm\\p{L}* | estim\\p{L}* | soutien\\p{L}* | soutient | souligne\\p{L}* | déclar\\p{L}* | jug\\p{L}* | considèr\\p{L}* | consid\\p{L}* | plaid\\p{L}* | dénonc\\p{L}* | alert\\p{L}* | avert\\p{L}* | prévien\\p{L}* | assur\\p{L}* | insist\\p{L}* | rappell\\p{L}* | rappel\\p{L}* | explique\\p{L}* | constat\\p{L}* | observ\\p{L}* | reconn\\p{L}* | regrett\\p{L}* | salu\\p{L}* | critiqu\\p{L}* | craign\\p{L}* | craint | pense\\p{L}* | croi\\p{L}* | croit | dit | disent | a dit | montre\\p{L}* | révèl\\p{L}* | conclu\\p{L}* | accus\\p{L}* | s'oppos\\p{L}* | s’oppos\\p{L}* | défend\\p{L}* | prôn\\p{L}*`,
  ),
  according_to: words(`selon | d'après | d’après | aux yeux de | de l'avis de | de l’avis de`),
  belief: words(
    `je pense | nous pensons | je crois | nous croyons | à mon avis | à notre avis | selon moi | selon nous | je suis convaincu\\p{L}* | nous sommes convaincus | il est clair | évidemment | bien sûr | en effet | de fait | en réalité | certes`,
  ),
  evaluative: words(
    `important\\p{L}* | essentiel\\p{L}* | crucia\\p{L}* | vita(?:l|le|ux|les) | clé | majeur\\p{L}* | significati\\p{L}* | considérable\\p{L}* | grave\\p{L}* | dangereu\\p{L}* | risqué\\p{L}* | néfaste\\p{L}* | nocif\\p{L}* | sûr\\p{L}* | fiable\\p{L}* | responsable\\p{L}* | juste\\p{L}* | injuste\\p{L}* | biaisé\\p{L}* | ambitieu\\p{L}* | historique\\p{L}* | profond\\p{L}* | fondamenta\\p{L}* | urgent\\p{L}* | nécessaire\\p{L}* | insuffisant\\p{L}* | inadapté\\p{L}* | efficace\\p{L}* | inefficace\\p{L}* | réussite | échec | mauvais\\p{L}* | bon | bonne | bons | bonnes | meilleur\\p{L}* | excellent\\p{L}* | fort | forte | forts | fortes | faible\\p{L}* | clair\\p{L}* | difficile\\p{L}* | complexe\\p{L}* | compliqué\\p{L}* | impossible | inacceptable | puissant\\p{L}* | innovant\\p{L}* | compétiti\\p{L}* | vulnérable\\p{L}* | sain\\p{L}* | réel\\p{L}* | vrai\\p{L}* | faux | fausse\\p{L}* | problém\\p{L}* | problème\\p{L}* | enjeu\\p{L}* | défi\\p{L}* | risque\\p{L}* | menace\\p{L}* | danger\\p{L}* | opportunit\\p{L}* | atout\\p{L}* | avantage\\p{L}* | progrès | révolution\\p{L}* | soucieu\\p{L}* | inquiét\\p{L}* | vigilan\\p{L}* | raison | tort | potentiel | puissance | excellence | souveraineté | ambition | crucial | cruciale | irremplaçable | indispensable | alarmant\\p{L}* | inquiétant\\p{L}* | préoccupant\\p{L}* | bénéfique\\p{L}* | salutaire\\p{L}* | pertinent\\p{L}* | décisi\\p{L}* | stratégique\\p{L}* | prioritaire\\p{L}* | excessi\\p{L}* | prématuré\\p{L}* | insuffisan\\p{L}* | lacunaire\\p{L}* | ambitieu\\p{L}*`,
  ),
  intensifier: words(`très | trop | particulièrement | extrêmement | tellement | vraiment | profondément | entièrement | totalement | pleinement | fortement | largement | considérablement | absolument | si`),
  negation: words(`ne | n'\\p{L}* | pas | jamais | aucun\\p{L}* | rien | nul\\p{L}* | ni | guère`),
  hedge: words(`peut-être | sans doute | probablement | semble\\p{L}* | sembl\\p{L}* | paraît | paraissent | environ | près de | presque | quasiment | a priori | apparemment | vraisemblablement`),
  first_person: words(`je | j'\\p{L}* | nous | notre | nos | moi | on`),
  second_person: words(`vous | votre | vos | tu`),
  past_event: words(
    `a rencontré | ont rencontré | a organisé | ont organisé | a annoncé | ont annoncé | a lancé | ont lancé | a publié | ont publié | a signé | ont signé | a présenté | a adopté | a été adoptée? | ont été adoptée?s? | s'est tenue? | s’est tenue? | a réuni | a accueilli | a visité | aujourd'hui | aujourd’hui`,
  ),
  directive: words(`(?:sera|seront) (?:chargée?s?|mise?s? en place|créée?s?|publiée?s?) | est chargée? | sont chargée?s?`),
  purpose: words(`afin de | afin qu | en vue de | vise à | visent à | visant à | a pour but | ont pour but | a pour objectif | ont pour objectif | pour objectif | destinée?s? à | chargée?s? de | sera chargée? | seront chargée?s? | dans le but de | de manière à | de façon à`),
  attribution_colon: [/^[^:“”"«»]{2,90}:\s*[“"«]/u, ':'],
};

/**
 * Digit facts without which a cue's residual regex (its alternatives that are not plain words)
 * cannot match, so it is not run (`digitFacts` in matcher.ts; the tests check each gate against
 * its regex).
 */
export const EN_GATES: Partial<Record<CueName, number>> = { money: DF_CURRENCY, year: DF_YEAR, big_number: DF_MAGNITUDE, prediction: DF_YEAR };
export const FR_GATES: Partial<Record<CueName, number>> = { money: DF_CURRENCY, year: DF_YEAR, big_number: DF_MAGNITUDE };

// The page never compiles these sources: the build does (`renderLexiconModule`, written by
// scripts/build-tables.ts into lexicon.generated.ts), and cues.ts reads the result.

/** The lexicon of a language compiled from the sources above. */
export function compiledLexicon(lang: 'en' | 'fr'): CompiledLexicon {
  return lang === 'fr' ? compileLexicon(FR, FR_GATES) : compileLexicon(EN, EN_GATES);
}

/** The text of lexicon.generated.ts. */
export function renderLexiconModule(): string {
  const body = JSON.stringify({ en: serializeLexicon(compiledLexicon('en')), fr: serializeLexicon(compiledLexicon('fr')) }, null, 1);
  return `// Generated by scripts/build-tables.ts from lexicon.ts (compileLexicon, then serializeLexicon in
// matcher.ts): do not edit by hand. A unit test fails when it is stale.
import type { SerializedLexicon } from './matcher';

export const COMPILED_LEXICONS: { en: SerializedLexicon; fr: SerializedLexicon } = ${body};
`;
}
