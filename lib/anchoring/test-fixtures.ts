/* Sample paragraphs shared by the anchoring tests. */

/** First paragraph of the Russian sample article (curly “…” quotes around the party name). */
export const RU_SAMPLE =
  "Власти России разделяют озабоченность нынешним состоянием двусторонних связей с Грузией и призыв к их улучшению. Об этом ТАСС сообщила в пятницу пресс-служба Кремля, комментируя открытое письмо оппозиционной партии “Альянс патриотов Грузии” в адрес президента РФ Владимира Путина с просьбой оказать содействие в нормализации отношений между Москвой и Тбилиси.";

export const RU_SAMPLE_2 =
  "В Кремле назвали обращение “Альянса патриотов Грузии” наглядным подтверждением того, что, “несмотря на все потуги русофобов и радикалов, в Грузии остаются здравомыслящие силы, выступающие за восстановление добрососедских связей между” двумя государствами.";

export const RU_SAMPLE_3 =
  "Ранее один из лидеров “Альянса патриотов Грузии” Ирма Инашвили опубликовала на своей странице в Facebook текст открытого письма, в котором партия просит Путина о содействии в деле возобновления сотрудничества.";

export const PARTY = "Альянс патриотов Грузии";

export const FR_SAMPLE = "Le ministre a déclaré : « Nous ne céderons pas », avant de quitter la salle sous les applaudissements.";

export const DE_SAMPLE = "Der Sprecher sagte: „Wir prüfen alle Optionen“, und verwies auf die laufenden Gespräche in Berlin.";

export const AR_SAMPLE = "قال المتحدث باسم الحكومة إن المفاوضات ستستمر الأسبوع المقبل في القاهرة رغم الخلافات.";

export const HE_SAMPLE = "ראש הממשלה אמר כי השיחות יימשכו בשבוע הבא בירושלים למרות המחלוקות.";

export const EMOJI_SAMPLE = "Great work 👍🏽 from the 🇬🇪 and 🇺🇦 teams, celebrated with 👩\u200d💻 coders and cafe\u0301 owners!";
