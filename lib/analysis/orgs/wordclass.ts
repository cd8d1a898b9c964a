/**
 * Generic word classes for the organization tagger (model.ts): what kind of name or context a
 * word usually signals. Written from general knowledge (no list is taken from evaluation data):
 * countries, regions and cities (places), demonyms, given names (people), place and event head
 * nouns, and the lower-case nouns that introduce organizations, people or works in running text
 * ("the band", "the singer", "the album"). The tagger learns how much each class counts.
 *
 * Keys are lower-cased and accent-free (as `tokenKey` of a capitalised word, lower-cased).
 */

export const WC_NONE = 0;
export const WC_COUNTRY = 1;
export const WC_REGION = 2;
export const WC_CITY = 3;
export const WC_DEMONYM = 4;
export const WC_GIVEN_NAME = 5;
export const WC_PLACE_HEAD = 6;
export const WC_EVENT_HEAD = 7;
export const WC_ORG_NOUN = 8;
export const WC_PERSON_NOUN = 9;
export const WC_WORK_NOUN = 10;
export const WC_SPORT = 11;
export const WC_UNIT_NOUN = 12;
export const WC_ORDINAL = 13;
export const WC_ORG_VERB = 14;
export const WC_PERSON_VERB = 15;
export const WC_ORG_WORD = 16;
export const WC_COMMON = 17;
/** Plural team nicknames ("… Falcons", "… Rovers"): a place or name before one is usually a club. */
export const WC_TEAM_NICK = 18;

const LISTS: [number, string][] = [
  [
    WC_COUNTRY,
    `afghanistan albania algeria andorra angola argentina armenia australia austria azerbaijan bahamas bahrain bangladesh barbados belarus
    belgium belize benin bhutan bolivia bosnia botswana brazil brunei bulgaria burma burundi cambodia cameroon canada chad chile china colombia
    congo croatia cuba cyprus czechia czechoslovakia denmark djibouti dominica ecuador egypt england eritrea estonia eswatini ethiopia fiji finland france
    gabon gambia georgia germany ghana greece grenada guatemala guinea guyana haiti honduras hungary iceland india indonesia iran iraq ireland
    israel italy jamaica japan jordan kazakhstan kenya kiribati korea kosovo kuwait kyrgyzstan laos latvia lebanon lesotho liberia libya
    liechtenstein lithuania luxembourg madagascar malawi malaysia maldives mali malta mauritania mauritius mexico micronesia moldova monaco
    mongolia montenegro morocco mozambique myanmar namibia nauru nepal netherlands holland nicaragua niger nigeria norway oman pakistan palau palestine
    panama paraguay persia peru philippines poland portugal prussia qatar romania russia rwanda samoa scotland senegal serbia seychelles singapore
    slovakia slovenia somalia spain sudan suriname sweden switzerland syria taiwan tajikistan tanzania thailand tibet togo tonga trinidad tunisia
    turkey turkmenistan tuvalu uganda ukraine uruguay uzbekistan vanuatu vatican venezuela vietnam wales yemen yugoslavia zambia zimbabwe
    africa america americas antarctica asia europe oceania eurasia scandinavia arabia britain uk usa us u.s. u.s.a. ussr allemagne angleterre
    espagne italie chine japon russie suisse belgique etats-unis royaume-uni`,
  ],
  [
    WC_REGION,
    `alabama alaska arizona arkansas california colorado connecticut delaware florida hawaii idaho illinois indiana iowa kansas kentucky
    louisiana maine maryland massachusetts michigan minnesota mississippi missouri montana nebraska nevada ohio oklahoma oregon pennsylvania
    tennessee texas utah vermont virginia washington wisconsin wyoming carolina dakota hampshire jersey alberta ontario quebec manitoba
    saskatchewan nunavut yukon newfoundland labrador tasmania queensland victoria nsw bavaria saxony prussia normandy brittany provence alsace
    lorraine burgundy catalonia andalusia galicia tuscany lombardy sicily sardinia corsica flanders wallonia cornwall devon kent essex surrey
    sussex yorkshire lancashire cheshire norfolk suffolk middlesex ulster munster leinster connacht bengal punjab kashmir gujarat kerala
    siberia manchuria anatolia balkans caucasus patagonia midwest appalachia new-england ile-de-france bretagne occitanie`,
  ],
  [
    WC_CITY,
    `london paris berlin rome madrid lisbon vienna prague budapest warsaw moscow athens dublin edinburgh glasgow cardiff belfast manchester
    liverpool birmingham leeds sheffield bristol newcastle nottingham leicester oxford cambridge brighton portsmouth southampton plymouth york
    amsterdam rotterdam brussels antwerp geneva zurich bern munich hamburg frankfurt cologne stuttgart milan turin naples florence venice
    barcelona seville valencia marseille lyon toulouse nice bordeaux lille nantes strasbourg stockholm oslo copenhagen helsinki reykjavik
    istanbul ankara cairo jerusalem tehran baghdad dubai riyadh mumbai bombay delhi calcutta kolkata chennai madras bangalore karachi lahore dhaka
    beijing peking shanghai canton guangzhou hong kong tokyo osaka kyoto seoul taipei manila jakarta bangkok hanoi saigon singapore sydney
    melbourne brisbane perth adelaide auckland wellington toronto montreal vancouver ottawa calgary edmonton winnipeg halifax boston chicago
    houston dallas austin atlanta miami orlando tampa detroit cleveland cincinnati columbus pittsburgh philadelphia baltimore denver phoenix
    seattle portland sacramento oakland francisco angeles diego jose vegas nashville memphis louisville milwaukee minneapolis kansas omaha
    charlotte raleigh richmond buffalo rochester albany hartford providence honolulu anchorage tulsa tucson albuquerque
    mexico havana lima bogota caracas santiago quito montevideo asuncion brasilia rio paulo lagos nairobi johannesburg cape accra dakar
    kinshasa addis algiers tunis casablanca rabat hollywood brooklyn manhattan queens bronx harlem westminster`,
  ],
  [
    WC_DEMONYM,
    `american british english french german italian spanish portuguese dutch belgian swiss austrian swedish norwegian danish finnish icelandic
    irish scottish welsh russian polish czech slovak hungarian romanian bulgarian serbian croatian greek turkish ukrainian lithuanian latvian
    estonian japanese chinese korean vietnamese thai indian pakistani bangladeshi indonesian filipino malaysian australian canadian mexican
    brazilian argentine argentinian chilean peruvian colombian venezuelan cuban egyptian israeli iranian iraqi syrian lebanese saudi arab
    arabic african nigerian kenyan ethiopian moroccan algerian european asian latin soviet roman byzantine ottoman persian jewish muslim
    christian catholic protestant anglican hindu buddhist confederate texan californian bavarian prussian anglo-saxon celtic norman
    francais francaise allemand britannique americain americaine europeen europeenne
    afghan albanian algerian angolan armenian azerbaijani bahraini belarusian bolivian bosnian botswanan burmese burundian cambodian
    cameroonian chadian congolese costa ecuadorian emirati eritrean ethiopian fijian gabonese gambian georgian ghanaian guatemalan
    guinean haitian honduran jamaican jordanian kazakh kuwaiti kyrgyz lao laotian liberian libyan luxembourgish malagasy malawian
    malian maltese mauritanian moldovan mongolian montenegrin mozambican namibian nepalese nepali nicaraguan nigerien omani
    palestinian panamanian paraguayan qatari rwandan salvadoran senegalese sierra singaporean slovenian somali somalian sudanese
    surinamese syrian taiwanese tajik tanzanian togolese tunisian turkmen ugandan uruguayan uzbek yemeni zambian zimbabwean
    kurdish tibetan uyghur basque catalan flemish sicilian`,
  ],
  [
    WC_GIVEN_NAME,
    `james john robert michael william david richard joseph thomas charles christopher daniel matthew anthony mark donald steven paul andrew
    joshua kenneth kevin brian george timothy ronald edward jason jeffrey ryan jacob gary nicholas eric jonathan stephen larry justin scott
    brandon benjamin samuel gregory alexander frank patrick raymond jack dennis jerry tyler aaron jose adam nathan henry douglas zachary peter
    kyle walter ethan jeremy harold keith christian roger noah gerald carl terry sean austin arthur lawrence jesse dylan bryan joe jordan
    billy bruce albert willie gabriel logan alan juan wayne roy ralph randy eugene vincent russell elijah louis bobby philip johnny howard
    fred frederick harry ernest herbert hugh ian neil nigel colin graham martin simon tony alfred leonard stanley francis bernard norman
    victor oliver max hans karl otto fritz franz pierre jean jacques michel francois louis antoine nicolas philippe alain bernard claude
    giovanni giuseppe marco luca antonio carlos miguel pedro luis manuel jorge diego pablo ivan vladimir sergei dmitri mikhail boris igor
    mary patricia jennifer linda elizabeth barbara susan jessica sarah karen nancy lisa betty margaret sandra ashley kimberly emily donna
    michelle dorothy carol amanda melissa deborah stephanie rebecca sharon laura cynthia kathleen amy shirley angela helen anna brenda pamela
    nicole emma samantha katherine christine debra rachel catherine carolyn janet ruth maria heather diane virginia julie joyce victoria olivia
    kelly christina lauren joan evelyn judith megan cheryl andrea hannah martha jacqueline frances gloria ann teresa kathryn sara janice jean
    alice madison doris abigail julia judy grace denise amber marilyn beverly danielle theresa sophia marie diana brittany natalie isabella
    charlotte rose alexis kayla jane lucy sophie claire alice eleanor edith florence harriet agnes ellen louise marguerite monique sylvie
    abraham adrian alex alfredo allan andre andy angelo antonio archibald arnold barry ben bernie bill bob brad brendan bret carlos cecil
    chad chris chuck clarence clark clifford cliff clint craig curtis dale dan danny darren dave dean derek desmond dick dominic don doug
    duncan dwight earl ed eddie edgar edmund edwin elliott elmer emil emmanuel enrique erik ernesto ervin eugene evan everett felix fernando
    floyd francesco frankie gareth gavin gene geoffrey gerard gilbert glen glenn gordon grant greg guy hank harvey hector herman horace
    hubert isaac jake jamie jared jeff jim jimmy joel johann jon jonah josh julian julius kurt lance lee leo leon leroy lewis lionel lloyd
    lou lucas luke lyle malcolm marcus mario marvin matt maurice melvin micheal mick mike miles milton mitchell morris murray nathaniel ned
    neville nick noel oscar owen pat percy perry pete phil preston quentin ralph ramon randall ray reginald rex rick ricky rob robin rod
    rodney roland ron ross rudolph rufus rupert russ sam sammy seth shane shannon sid sidney spencer stan steve stuart ted terence theo
    theodore todd tom tommy trevor troy vernon vic wade wallace warren wes wesley wilbur wilfred will winston woodrow xavier zach
    abby adele agatha alicia alison allison alma amelia anita annie april audrey barbra bella bernadette beth betsy bianca bonnie
    brooke caitlin camille carla carmen caroline carrie cassandra cathy cecilia celia charlene chloe cindy clara claudia colleen connie
    cora courtney crystal daisy dana darlene dawn debbie della delores dolores dora edna eileen elaine eleanor elena elise ella ellie
    elsie emily erica erin esther ethel eva faith fiona flora francesca gail gemma georgia geraldine gertrude gina gladys gwen gwendolyn
    hazel heidi helena hilda holly ida irene iris isabel ivy jackie jan janet jasmine jenny jessie jill jo joanna jocelyn josephine joy
    juanita june karin kate katie kay kim kitty laura lena leslie lillian lily linda liz lois lola lorraine lucia lydia mabel madeline
    maggie mandy marcia margo marian marion marjorie marsha mavis maxine meg melanie mildred millie miranda molly mona muriel myra nadia
    naomi nellie nina nora norma olga paige pauline pearl peggy penny phoebe phyllis polly priscilla rachael rita roberta rosa rosemary
    roxanne ruby sabrina sally sonia stella susie sylvia tamara tina tracy ursula valerie vanessa vera veronica vicky viola violet vivian
    wanda wendy yolanda yvonne zoe ahmed ali hassan hussein mohammed muhammad omar raj ravi sanjay vijay amit rahul priya hiroshi kenji
    takeshi yuki akira chen wei li wang zhang liu jose juan luis javier alejandro francisco rafael sergio andres ricardo eduardo
    roberto gustavo ignacio joaquin lorenzo matteo alessandro stefano paolo giorgio andrea salvatore klaus jurgen wolfgang dieter
    helmut gunter heinrich friedrich ludwig stefan andreas thomas markus lars sven nils erik anders olaf henrik jan piotr pawel tomasz
    krzysztof jerzy andrzej wojciech aleksandr alexei nikolai yuri oleg andrei pavel viktor anatoly gerhard wilhelm jacques yves guy
    henri rene marcel lucien gaston andre emile julien thierry patrice olivier sebastien laurent vincent didier`,
  ],
  [
    WC_PLACE_HEAD,
    `street st road avenue ave boulevard lane drive way square place river lake mountain mountains mount mt hill hills valley bay beach coast island
    islands isle peninsula cape gulf sea ocean strait channel canal creek brook falls springs spring forest wood woods park gardens garden
    county city town village borough township parish district province region territory state states shire heights point harbour harbor port
    bridge castle palace tower cathedral church chapel abbey temple mosque monastery hall house manor stadium arena field fields ground
    station terminal airport base camp fort desert plain plains glacier volcano reef lagoon delta basin canyon gorge pass ridge summit peak
    rue avenue boulevard place fleuve riviere lac mont montagne ile cote golfe mer foret chateau eglise cathedrale gare pont ville village`,
  ],
  [
    WC_EVENT_HEAD,
    `war wars battle siege campaign offensive invasion revolution rebellion uprising crisis tour award awards prize medal trophy cup
    championship championships tournament open games olympics season festival exhibition expo fair symphony concerto act bill treaty
    accord agreement convention declaration constitution day week election elections referendum summit conference language dialect`,
  ],
  [
    WC_ORG_NOUN,
    `band bands group groups club clubs team teams company companies firm firms corporation label labels newspaper newspapers magazine
    magazines journal paper broadcaster network channel station airline airlines carrier bank banks retailer manufacturer maker publisher
    studio studios franchise party parties union unions university universities college school schools academy institute agency agencies
    organization organisation organizations organisations association society charity foundation council committee board league federation
    orchestra choir ensemble duo trio quartet outfit supergroup squad side conglomerate subsidiary startup brand chain operator
    government ministry department army navy
    groupe equipe societe entreprise journal chaine parti syndicat universite ecole association federation ligue armee regiment`,
  ],
  [
    WC_PERSON_NOUN,
    `singer songwriter guitarist bassist drummer vocalist keyboardist pianist musician rapper producer composer conductor actor actress
    writer author poet novelist journalist painter artist sculptor architect photographer director filmmaker player footballer striker
    midfielder defender goalkeeper pitcher quarterback coach manager captain general admiral colonel major lieutenant sergeant commander
    politician senator governor mayor president minister king queen prince princess emperor pope bishop priest saint son daughter wife husband
    brother sister father mother uncle aunt nephew niece cousin friend founder member members chairman owner student professor scientist
    physicist chemist historian philosopher economist lawyer judge doctor businessman entrepreneur boxer wrestler cyclist skater swimmer
    chanteur chanteuse acteur actrice ecrivain joueur entraineur fils fille frere soeur pere mere femme mari`,
  ],
  [
    WC_WORK_NOUN,
    `song songs album albums single singles track tracks record recording video film movie book novel series episode show game poem play
    musical soundtrack compilation demo remix cover hit chart charts lyrics`,
  ],
  [
    WC_SPORT,
    `football soccer baseball basketball hockey rugby cricket tennis golf volleyball handball lacrosse softball athletics boxing
    wrestling cycling racing motorsport nfl nba nhl mlb ncaa uefa fifa`,
  ],
  [
    WC_UNIT_NOUN,
    `infantry cavalry artillery regiment regiments brigade brigades battalion battalions division divisions corps squadron squadrons wing
    wings fleet flotilla company troop troops platoon legion guard guards volunteers militia rifles fusiliers dragoons hussars lancers
    grenadiers marines rangers`,
  ],
  [
    WC_ORDINAL,
    `first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth fifteenth sixteenth seventeenth
    eighteenth nineteenth twentieth twenty-first twenty-second twenty-third twenty-fourth twenty-fifth thirtieth fortieth fiftieth hundredth
    ii iii iv vi vii viii ix xi xii xiii xiv xv xvi xvii xviii xix xx`,
  ],
  [
    WC_ORG_VERB,
    `signed founded formed merged acquired owned operated headquartered based listed traded released disbanded reformed toured sponsored
    manufactured published broadcast broadcasts hired employed fired sued announced reported invested partnered sponsoring recorded
    relegated promoted competed competes`,
  ],
  [
    WC_PERSON_VERB,
    `born died married said says told wrote studied graduated retired resigned elected appointed succeeded worked served played sang
    starred directed painted lived grew`,
  ],

  [
    WC_ORG_WORD,
    `records recordings music entertainment broadcasting radio television tv network networks media press publishing publications books
    airlines airways aviation motors automotive railway railways railroad trains transit lines transport logistics shipping insurance
    assurance associates design systems software technologies technology electronics computing communications telecom pharmaceuticals
    studios productions films pictures foods brewery breweries distillery hotels casino resorts stores mart supermarkets markets
    united rovers athletic athletics wanderers albion hotspur dynamo sporting olympique racing rangers celtic
    fc afc cf sc ac inc corp ltd llc plc co gmbh ag sa spa nv bv`,
  ],
  [
    WC_TEAM_NICK,
    `eagles falcons hawks owls ravens cardinals blue-jays jays orioles crows condors pelicans penguins seagulls gulls ducks geese swans
    tigers lions leopards panthers jaguars cougars pumas wildcats bobcats lynx bears bruins grizzlies wolves wolfpack huskies coyotes foxes
    bulldogs terriers greyhounds dogs hounds mustangs broncos colts stallions chargers thoroughbreds rams bulls bison buffaloes longhorns
    steers oxen elks moose stags bucks antelopes gazelles zebras rhinos hippos elephants gorillas monkeys sharks dolphins whales marlins
    barracudas stingrays piranhas gators alligators crocodiles cobras vipers rattlers scorpions hornets wasps bees yellowjackets spiders
    dragons giants titans spartans trojans vikings knights warriors raiders pirates buccaneers corsairs privateers rebels patriots
    pioneers settlers mountaineers cowboys rangers outlaws bandits renegades crusaders saints angels demons devils blue-devils
    red-devils sun-devils cavaliers lancers chiefs braves indians senators generals colonels commodores admirals captains royals
    monarchs kings queens princes barons dukes lords nobles magic thunder lightning storm hurricanes cyclones tornadoes blizzard flames
    flyers jets rockets comets meteors stars suns rays blazers bombers gunners fusiliers musketeers clippers mariners sailors navigators
    seahawks steelers packers jayhawks sooners hoosiers buckeyes badgers gophers wolverines hawkeyes cornhuskers tar-heels seminoles
    volunteers razorbacks aggies boilermakers canucks maple-leafs canadiens oilers islanders capitals predators avalanche wild sabres
    wanderers harriers magpies toffees hammers robins bantams tykes blades potters baggies villans cobblers shrimpers minstrels lilywhites`,
  ],
  [
    WC_COMMON,
    `about above across act action active age air all alone along always amazing angel angels animal answer apple area arm arms art
    attack autumn baby back bad ball band bank bar base basic battle beach bear beat beautiful bed bee beer before bell best better big bird
    birds bit bitter black blade blind blood blow blue board boat body bomb bone book boot born bottle bottom box boy boys brain branch brave
    bread break breath bridge bright broken brother brown buffalo building bull burn bus bush business butter cable cage call camera can
    candy capital car card care case cash castle cat cats cause cave center central century chain chair chance change channel chaos
    charge cheap check cherry chicken child children choice church circle city civil class classic clean clear clock close cloud club coal
    coast code coffee cold color colour common company complete control cook cool copper corner cost cotton country cover crazy cream
    creative crime cross crow crown cry crystal cup current cut daily dance danger dark data daughter day days dead deal dear death deep
    desert design desire devil diamond digital dinner direct dirty doctor dog dogs door double down dragon dream dreams dress drink drive
    drop drum dry dust early earth east easy echo edge eight electric elephant empire empty end enemy energy engine equal escape even
    evening event every evil exit express eye eyes face fact factory fair faith fall false family famous fan fancy far farm fast fat father
    fear feather feel fellow field fight film final fine finger fire first fish five flag flame flash flat flesh flight floor flower fly
    focus fold food fool foot force forest forever fortune forward four fox frame free fresh friend friends front frozen fruit full fun
    funny future game garden gas gate general gentle ghost giant gift girl girls glass global glory go god gold golden good grace grand
    grass grave gray great green grey ground group grow guard guest guide gun half hall hammer hand hands happy harbor hard harmony hat
    head health heart heat heaven heavy hell help hero heroes hidden high hill history hit hold hole holy home honey hope horizon horse
    hot hotel hour house human hunter ice idea image imperial independent industrial inner inside iron island jack jam jazz jet jewel job
    joke journey joy judge juice jump junior jungle just key kid kids kill killer killing kind king kiss kitchen knife knight knot lab lady
    lake lamp land language large last late law lead leaf league left leg legend less letter level liberty life light lightning like lime
    line lion lions liquid list little live living lock logic lone long lord lost loud love low lucky lunch machine mad magic main major
    make man many map marble market mask master match matter may meat medium member memory men mental metal middle midnight mighty milk
    million mind mine minute mirror miss mission mister mix mobile model modern moment money monkey monster month moon morning mother
    motion motor mountain mouse mouth move movement much mud murder music mystery nail name nation native natural nature near neck needle
    net network never new news next nice night nine noble noise none normal north nose note nothing novel number nut ocean odd off office
    oil old one only open orange order original other out outside over own pace page pain paint pair palace pan paper parade paradise
    park part party pass past path peace peak pearl people pepper perfect person phantom phone picture piece pig pilot pink pipe pirate
    place plain plan planet plant plastic plate play player pleasure plus pocket poet point poison pole police pool poor pop port post
    pot power practice press pretty price pride prime prince prison private prize project promise proof public pull pulse pump punch
    pure purple push queen question quick quiet race radio rain rainbow raw ray real rebel record red remote report rest return revolver
    rich ride right ring riot rise river road rock rocket roll roof room root rose rough round royal rule run rush safe sail salt same
    sand saint school science screen sea season seat second secret security seed seven shadow shake shape sharp sheep shell shine ship
    shock shoe shop short shot show side sign signal silence silent silk silver simple single sister six size skin skull sky slave sleep
    slow small smart smile smoke snake snow social soft soldier solid son song soul sound south space spark speed spell spider spirit
    spot spring square star stars start state station steam steel step stick still stone stop storm story strange street strong
    student style sugar summer sun sunday super supreme sure surface sweet swing system table tail tale tall target taste tea teacher
    team tear temple ten tender test theatre theater thing think third thought thousand three throne thunder tide tiger time tin tiny
    today tomorrow tone tongue tool top total touch tough tower town toy track trade traffic train transport trap travel treasure tree
    trial tribe trick trip trouble true trust truth tunnel turn twelve twin two ugly under union unit united universal universe up upper
    urban valley value velvet victory view village violet virgin vision visual voice volume waiting walk wall war warm warning water wave
    way weak weapon weather web wedding week weekend weight west wet wheel white whole wide wild will wind window wine wing winter wire
    wise witch wolf woman women wonder wood word work world worm wrong yard year yellow young youth zero zone`,
  ],
];

/** Lower-cased key → word class (the first list naming a word wins). */
export const WORD_CLASSES: ReadonlyMap<string, number> = (() => {
  const m = new Map<string, number>();
  for (const [cls, words] of LISTS) {
    for (const w of words.trim().split(/\s+/)) {
      if (!m.has(w)) m.set(w, cls);
    }
  }
  return m;
})();

/** Topic bit of technical vocabulary (algorithms, data, models…). */
export const TOPIC_TECH = 64;

/** Topic words: a bit per topic, OR-ed over a sentence (sport, music, military, business, politics, media). */
const TOPICS: [number, string][] = [
  [
    1,
    `season seasons team teams league leagues game games match matches coach coached player players football baseball hockey basketball
    soccer rugby cricket championship championships cup scored goal goals club clubs stadium defeated playoff playoffs draft drafted
    roster pitcher quarterback midfielder striker goalkeeper tournament finals bowl nfl nhl nba mlb ncaa uefa fifa`,
  ],
  [
    2,
    `band bands album albums song songs single singles tour toured record records recording label released guitar guitarist bass bassist
    drums drummer vocals vocalist singer music musical musician rock punk jazz pop metal concert concerts ep chart charts track tracks
    lyrics producer`,
  ],
  [
    4,
    `regiment regiments brigade brigades division divisions corps army armies battle battles troops infantry cavalry artillery war
    campaign squadron squadrons wing wings command units soldiers military navy naval air force forces`,
  ],
  [
    8,
    `company companies acquired acquisition founded subsidiary shares stock market brand brands products sold purchased owned owner
    corporation firm manufacturer manufacturers chain stores retailer revenue profits merger merged business businesses investors`,
  ],
  [
    16,
    `party parties elected election elections member members minister parliament government vote votes candidate candidates leader
    politician legislature council mp mps senator caucus coalition`,
  ],
  [
    32,
    `newspaper newspapers magazine magazines station stations radio television tv broadcast broadcasting broadcasts channel published
    publisher network programme program show shows aired journalist editor`,
  ],
  [
    TOPIC_TECH,
    `algorithm algorithms neural learning learned model models dataset datasets data training trained classifier classifiers
    classification regression recognition computer computers computing computational software programming machine machines
    intelligence artificial robot robots robotics vision speech image images processing optimization optimisation probabilistic
    statistical inference semantic parsing corpus corpora vector vectors matrix kernel gradient deep reinforcement supervised
    unsupervised benchmark benchmarks accuracy architecture architectures framework frameworks implementation toolkit library
    libraries method methods technique techniques layer layers encoder decoder transformer embedding embeddings tokens token
    chatbot chatbots ai llm llms genai error errors ratio variance probability probabilities function functions measure metric
    metrics precision recall signal noise pixel pixels detection tracking segmentation translation ontology ontologies logic
    representation programming compiler interface parameters parameter estimation estimator prediction predictions`,
  ],
];

/** Lower-case word (4 letters or more: shorter words are not looked up) → topic bits. */
export const TOPIC_WORDS: ReadonlyMap<string, number> = (() => {
  const m = new Map<string, number>();
  for (const [bit, words] of TOPICS) for (const w of words.trim().split(/\s+/)) if (w.length >= 4) m.set(w, (m.get(w) ?? 0) | bit);
  return m;
})();
