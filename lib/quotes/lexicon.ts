/*
 * The words the quote finder reads, for Russian and English. Russian verbs are matched as stem +
 * inflection (заяви-л, заяви-ла, заяви-ли, заявля-ет, заявля-ют, сообща-ется…), so every gender,
 * number and tense of a verb is one entry; nouns as stems before their case endings. Everything
 * is matched on lower case with ё folded to е.
 */

const RU_SPEECH_STEMS = [
  "заяви", "заявля", "сказа", "говори", "говор", "сообщи", "сообща", "отмети", "отмеча", "подчеркну", "подчеркива",
  "поясни", "поясня", "добави", "добавля", "уточни", "уточня", "замети", "замеча", "призна", "признава", "рассказа",
  "рассказыва", "ответи", "отвеча", "написа", "пиш", "предупреди", "предупрежда", "напомни", "напомина", "завери",
  "заверя", "счита", "полага", "вырази", "выража", "призва", "призыва", "констатирова", "констатиру", "объясни",
  "объясня", "объяви", "объявля", "прокомментирова", "комментирова", "комментиру", "пообеща", "обеща", "назва",
  "называ", "спроси", "спрашива", "продолжи", "подытожи", "резюмирова", "возрази", "возража", "парирова", "увери",
  "уверя", "посетова", "сетова", "сету", "пожалова", "подели", "высказа", "высказыва", "утвержда", "опроверг",
  "подтверди", "подтвержда", "указа", "указыва", "передае", "передаю", "цитиру", "процитирова", "посоветова", "советова",
  "советуе", "рассужда", "воскликну", "восклица", "пригрози", "угрожа", "настаива", "настоя", "потребова", "требова",
  "предложи", "предлага", "допусти", "допуска", "оцени", "оценива", "прогнозирова", "прогнозиру", "похвали",
  "раскритикова", "критикова", "критику",
];
const RU_VERB_ENDING = "(?:л|ла|ло|ли|лся|лась|лось|лись|т|ет|ют|ит|ят|ут|ат|тся|ется|ются|ится|ятся|ем|им|ю|ешь|ишь|ете|ите|ть|ться|я|в|вшись|ющий|вший)";
const RU_SPEECH_VERB = new RegExp(`^(?:${RU_SPEECH_STEMS.join("|")})${RU_VERB_ENDING}$`, "u");
// Predicates that introduce what someone holds true: "уверен, что «…»".
const RU_SPEECH_WORDS = new Set(["уверен", "уверена", "уверены", "убежден", "убеждена", "убеждены", "цитата", "заявление", "заявлении"]);

const EN_SPEECH_VERBS = new Set(
  ("say says said saying tell tells told telling add adds added adding state states stated note notes noted explain explains explained " +
    "warn warns warned argue argues argued insist insists insisted write writes wrote ask asks asked reply replies replied respond responds " +
    "responded acknowledge acknowledged admit admits admitted announce announced declare declared claim claims claimed continue continued " +
    "conclude concluded emphasise emphasised emphasize emphasized stress stressed remark remarked recall recalled urge urged predict predicted " +
    "suggest suggested confirm confirmed concede conceded caution cautioned tweet tweeted post posted call calling called describe described " +
    "describing promise promised vow vowed pledge pledged assure assured complain complained according quoted quoting agree agreed").split(" "),
);

/** A verb of saying: заявил, сообщили, говорится, said, told… */
export function isSpeechVerb(lower: string): boolean {
  return EN_SPEECH_VERBS.has(lower) || RU_SPEECH_VERB.test(lower) || RU_SPEECH_WORDS.has(lower);
}

/** Verbs that, when plural or impersonal, take the organisation after "в": "сообщили в министерстве", "говорится в заявлении МИД". */
export function isImpersonalSpeechVerb(lower: string): boolean {
  return RU_SPEECH_VERB.test(lower) && /(?:ли|ют|ят|ся|тся)$/u.test(lower);
}

// Documents and channels that stand between "в" and the organisation: "в сообщении авиакомпании".
const RU_DOCUMENT = /^(?:сообщени|заявлени|пресс-релиз|релиз|письм|документ|ответ|комментари|материал|публикаци|телеграм-канал|telegram-канал|канал|блог|микроблог|аккаунт|посте|пост|обращени|интервью|беседе|эфире|статье|колонке|докладе|справке|отчете|ноте|постановлени|приказе|сообщени)/u;
export const isDocumentNoun = (lower: string): boolean => RU_DOCUMENT.test(lower);

// People and bodies who speak in the news: titles, roles and organisations (as stems).
const RU_SPEAKER_NOUN = /^(?:министр|замминистр|вице-|президент|премьер|пресс-секретар|представител|глав[аеуыо]|руководител|директор|гендиректор|председател|зампред|спикер|посол|посл[аеуом]|губернатор|мэр|градоначальник|депутат|сенатор|эксперт|аналитик|экономист|источник|собеседник|генсек|секретар|помощник|советник|заместител|командующ|начальник|лидер|адвокат|юрист|прокурор|судья|судь[ие]|следовател|тренер|наставник|капитан|врач|ученый|ученые|профессор|политолог|дипломат|чиновник|сотрудник|автор|продюсер|режиссер|основател|владел|совладел|глав|пресс-служб|пресс-центр|пресс-аташе|ведомств|министерств|правительств|компани|авиакомпани|госкорпораци|корпораци|департамент|управлени|штаб|агентств|аппарат|комитет|совет|администраци|мэри|посольств|суд|регулятор|банк|полици|прокуратур|организаци|партии|партия|фонд|профсоюз|оппозиц|власт|военн|спасател|медик|полицейск|очевид|жител|участник|пассажир|болельщик|журналист|блогер|игрок|нападающ|защитник|вратар|бизнесмен|предпринимател|инвестор|офис|канцеляри|пресс-офис|дум[аеуы]|парламент|кабмин|минфин|минобороны|минтранс|минздрав|минэнерго|минпромторг|минобрнауки|минпросвещени|минэкономразвити|минюст|минприроды|минсельхоз|минтруд|минстро|минцифр|минкультуры|минспорт|минвостокразвити|мвд|мид|мчс|фсб|кремл|белый дом|генштаб|сенат|конгресс|трейдер|инженер|рабочи|волонтер|активист|правозащитник|политик|экс-)/u;
const EN_SPEAKER_NOUN = /^(?:spokes(?:man|woman|person|people)|minister|president|premier|secretary|chief|head|director|chair(?:man|woman|person)?|ceo|cfo|executive|official|officials|spokes|ambassador|governor|mayor|senator|lawmaker|congressman|congresswoman|representative|economist|analyst|analysts|strategist|trader|traders|expert|experts|source|sources|adviser|advisor|aide|commander|general|leader|lawyer|attorney|prosecutor|judge|investigator|coach|manager|captain|doctor|scientist|professor|researcher|diplomat|founder|owner|police|ministry|government|company|firm|bank|agency|office|department|union|organisation|organization|party|committee|council|court|regulator|authorities|army|military|witness|resident|residents|protester|organiser|organizer|activist|campaigner|economists|officer|worker|engineer|negotiator|envoy|prime|foreign|defence|defense|treasury|kremlin|pentagon|spokesperson|teacher|student|fan|player|striker|goalkeeper|midfielder|defender|star|driver|pilot|partner|investor|banker|colleague|friend|mother|father|chancellor|king|queen|prince|pope|bishop|statement)$/u;

/** A noun naming who speaks: министр, пресс-служба, министерство, spokeswoman, analyst… */
export function isSpeakerNoun(lower: string): boolean {
  return RU_SPEAKER_NOUN.test(lower) || EN_SPEAKER_NOUN.test(lower);
}

const PRONOUNS: Record<string, "m" | "f" | "p"> = {
  он: "m", она: "f", они: "p", его: "m", ее: "f", их: "p", там: "p", he: "m", she: "f", they: "p", his: "m", her: "f", their: "p",
};

/** The gender a pronoun refers to (m, f, or p for plural), or undefined when `lower` is not a personal pronoun. */
export const pronounGender = (lower: string): "m" | "f" | "p" | undefined => (Object.hasOwn(PRONOUNS, lower) ? PRONOUNS[lower] : undefined);

// Nouns before (or, in English, after) a name in marks: партия «…», ООО «…», the "…" party.
const RU_NAME_CONTEXT = /^(?:парти|компани|кинокомпани|авиакомпани|газет|издани|журнал|агентств|телеканал|канал|телеграм-канал|радио|радиостанци|банк|фонд|фирм|концерн|холдинг|групп|завод|фабрик|комбинат|предприяти|пао|оао|ао|зао|ооо|нко|ано|фгуп|гуп|муп|движени|организаци|объединени|союз|клуб|команд|фильм|картин|лент|сериал|спектакл|роман|книг|песн|альбом|программ|проект|операци|тайфун|ураган|циклон|шторм|судн|корабл|крейсер|танкер|ледокол|лайнер|яхт|самолет|вертолет|ракет|комплекс|систем|стадион|арен|аэропорт|вокзал|отел|гостиниц|ресторан|кафе|центр|магазин|сет[ьи]|бренд|марк|фестивал|конкурс|преми|наград|орден|месторождени|газопровод|трубопровод|космодром|станци|платформ|сервис|приложени|сайт|портал|студи|театр|музей|лагер|тц|трц|жк|снт|фракци|блок|коалици|ассоциаци|форум|учени|мисси|марафон|турнир|сбор|бюро|институт|университет|академи|школ|больниц|клиник|корпус|дивизи|бригад|полк|батальон|отряд|подразделени|подлодк|субмарин|эсминц|фрегат|катер|паром|поезд|экспресс|маршрут|шоу|передач|премьер|издательств|сообществ|паблик|чат|форм[аеуы]|кампани|акци|инициатив|закон|законопроект|указ|договор|соглашени|стратеги|концепци|пакет|доктрин|тариф|вклад|продукт|модел|марк|автомобил|автобус|рейс|кроссовер|внедорожник|смартфон|телефон|игр[аеуы]|сорт|пород|клич|лозунг|слоган|девиз|хештег|прозвищ|псевдоним|позывн|назван|имен[иеме]|именуем|надпис|вывеск|табличк|рубрик|номинаци)/u;
const EN_NAME_CONTEXT = /^(?:company|companies|firm|party|newspaper|paper|magazine|daily|weekly|tabloid|ship|vessel|tanker|carrier|frigate|submarine|yacht|boat|film|movie|show|series|sitcom|book|novel|memoir|album|song|single|band|group|operation|project|programme|program|brand|mall|hotel|restaurant|bar|field|fund|bank|club|team|act|bill|law|plan|strategy|initiative|campaign|movement|line|model|range|label|station|channel|network|podcast|app|platform|game|festival|award|prize|exercise|typhoon|hurricane|storm|cyclone|code|codename|code-name|nickname|slogan|motto|hashtag|title|titled|entitled|called|named|dubbed|nicknamed|branded|known|suv|car|jet|aircraft|rocket|satellite|mission|tour|alliance|coalition|bloc|faction|doctrine|deal|pact|treaty|agreement|report|study|survey|index|scheme|zone|tower|centre|center|building|stadium|arena|airport|terminal|port|bridge|tunnel|pipeline|mine|plant|factory|studio|theatre|theater|museum|gallery|school|university|hospital|church|mosque|temple)$/u;

/** A noun that names what comes in marks beside it: компания «…», газета «…», the "…" mall. */
export function isNameContext(lower: string): boolean {
  return RU_NAME_CONTEXT.test(lower) || EN_NAME_CONTEXT.test(lower);
}

// Words that say the marks are the writer's distance, not someone's words: так называемые «реформы».
const SCARE_MARKER = /^(?:называем|именуем|пресловут|якобы|so-called|dubbed|supposed|alleged)/u;
export const isScareMarker = (lower: string): boolean => SCARE_MARKER.test(lower);

/**
 * Whether the word at `i` closes a phrase giving whose words follow: "по словам X", "according to
 * X" ("follows": the speaker comes next), or "по его словам" ("pronoun": the word before stands for him).
 */
export function accordingTo(tokens: readonly { lower: string }[], i: number): "follows" | "pronoun" | undefined {
  const word = tokens[i]?.lower;
  if (word === "to" && tokens[i - 1]?.lower === "according") return "follows";
  if (!word || !ACCORDING_TO.has(word)) return undefined;
  if (tokens[i - 1]?.lower === "по") return "follows";
  if (tokens[i - 2]?.lower === "по" && POSSESSIVES.has(tokens[i - 1]!.lower)) return "pronoun";
  return undefined;
}
const POSSESSIVES = new Set(["его", "ее", "их"]);
const ACCORDING_TO = new Set(["словам", "мнению", "данным", "информации", "оценке", "оценкам", "утверждению", "признанию", "убеждению", "версии", "прогнозу", "подсчетам"]);

// Function words that open a sentence with a capital without being a name.
const NOT_NAMES = new Set(
  ("в во на с со по для о об при у из к перед после за под над до от без и а но или что как когда если ранее также однако кроме между " +
    "напомним тем этом этой это эти этот то та те там тогда теперь сейчас вчера сегодня завтра позже ранее затем потом уже еще все всё " +
    "the a an in on at by for of from to with and but or that as when if earlier also however meanwhile asked after before while this these those " +
    "there then now today yesterday tomorrow later it its we our i you us mr mrs ms dr").split(" "),
);
export const isFunctionWord = (lower: string): boolean => NOT_NAMES.has(lower);

// Determiners that start an English noun phrase but are not part of the name of the speaker.
export const isDeterminer = (lower: string): boolean => lower === "the" || lower === "a" || lower === "an";
