/**
 * Texts for the re-anchoring benchmark (scripts/bench/reanchor-bench.ts): invented news
 * articles in Russian and English, written for it (not the sample corpus), in two disjoint
 * sets. The dev set is for tuning; the held-out set is only ever measured. Each set brings
 * its own filler sentences, replacement words and templates, so nothing tuned on dev text
 * appears in the held-out re-imports.
 *
 * Sentences end with . ! ? or … (optionally followed by a closing quote) and the next one
 * starts with a capital, a digit or an opening quote: the generator finds sentences that way,
 * so the texts avoid abbreviations with full stops. Hard cases are spelled out: Cyrillic,
 * «ёлочки» and “curly” quotes, combining marks (Russian stress marks, e + U+0301), emoji
 * with surrogate pairs, skin tones, flags and variation selectors, and phrases (names of
 * people and organisations) that repeat across sentences and paragraphs.
 */

export type Language = "ru" | "en";

export interface BenchArticle {
  language: Language;
  paragraphs: string[];
}

/** Material the generator draws on for one language of one set. */
export interface LanguagePool {
  /** Whole sentences to insert before annotated text. */
  fillers: string[];
  /** Words that replace words inside annotated spans. */
  words: string[];
  /** Sentences with `{}` where an annotated phrase is repeated. */
  templates: string[];
}

export interface TextSet {
  articles: BenchArticle[];
  pools: Record<Language, LanguagePool>;
}

const ACUTE = "\u0301";

export const HELD_OUT: TextSet = {
  articles: [
    {
      language: "ru",
      paragraphs: [
        "Городская дума Заречья утвердила проект новой трамвайной линии",
        "Депутаты городской думы Заречья во вторник одобрили строительство трамвайной линии от вокзала до Северного микрорайона. За проект проголосовали 27 депутатов, против были трое. Мэр Заречья Ольга Светлова назвала решение «историческим для города».",
        "По словам Ольги Светловой, первые вагоны выйдут на линию через три года. Стоимость работ оценивается в 14,2 миллиарда рублей, половину выделит областной бюджет. Остальное город рассчитывает получить по программе «Чистый транспорт».",
        "Против проекта выступили жители улицы Речной, где пройдут пути. Они опасаются, что шум и вибрация повредят старые дома, а старинный за" + ACUTE + "мок купца Ершова окажется в охранной зоне стройки. Инициативная группа «Речная улица» собрала более двух тысяч подписей.",
        "В мэрии заверили, что трамвайная линия обойдет за" + ACUTE + "мок стороной. «Мы учли замечания жителей улицы Речной и сдвинули трассу на сорок метров», — сообщила Ольга Светлова журналистам. Представители инициативной группы «Речная улица» ответили, что дождутся публикации документов.",
        "В соцсетях решение встретили по-разному. Пост мэрии о трамвайной линии собрал сотни комментариев с 🔥 и 👍🏽, но немало и сердитых. Один из жителей написал: «Трамвай — это хорошо, но сначала почините мост» 🙏.",
        "Следующее заседание городской думы Заречья назначено на 14 марта. На нем депутаты рассмотрят график работ и порядок компенсаций для жителей улицы Речной.",
      ],
    },
    {
      language: "ru",
      paragraphs: [
        "Фермеры Приозерья получили рекордный урожай гречихи",
        "Хозяйства Приозерского района собрали в этом году 48 тысяч тонн гречихи, сообщило районное управление сельского хозяйства. Это на треть больше, чем годом ранее. Глава управления Игорь Малахов связал рекорд с теплой осенью и новыми сортами.",
        "По словам Игоря Малахова, гречиха сорта «Дикуль» показала урожайность до 22 центнеров с гектара. Фермеры Приозерья впервые засеяли этим сортом больше половины полей. «Мы рисковали, но риск оправдался», — сказал фермер Николай Гусев из села Каменка.",
        "Рекордный урожай гречихи обрушил закупочные цены. Переработчики предлагают фермерам Приозерья не больше 19 рублей за килограмм, тогда как весной платили 27. Николай Гусев считает, что без помощи района часть хозяйств не покроет затраты.",
        "Районное управление сельского хозяйства обещает субсидировать хранение зерна. Игорь Малахов сообщил, что заявки начнут принимать с 1 декабря. Кроме того, управление договаривается о поставках гречихи в соседние регионы и в Казахстан 🇰🇿.",
        "На ярмарке в Каменке местные пекари уже продают хлеб из гречневой му" + ACUTE + "ки. Покупатели хвалят новинку ❤️, а пекари жалуются, что гречневую муку трудно найти в магазинах. Фермеры Приозерья надеются, что спрос на муку поддержит цены на гречиху.",
      ],
    },
    {
      language: "en",
      paragraphs: [
        "Harbour workers end three-day strike at Port Alder",
        "Dock workers at Port Alder returned to work on Thursday after a three-day strike over night-shift pay. The Harbour Workers’ Union said its members had accepted a 6 per cent raise and new safety rules. Port Alder Authority chief executive Maria Lindqvist called the deal “fair to everyone who keeps the port running”.",
        "During the strike more than forty ships waited outside Port Alder. Shipping companies warned that the delays would take a week to clear. The Harbour Workers’ Union said the queue had been “the price of ignoring us for two years”.",
        "The agreement also creates a joint safety committee. It will meet every month and report to Maria Lindqvist and to the union’s branch secretary, Tom Okafor. Tom Okafor told reporters that the committee was “the part of the deal our members care about most”.",
        "Local businesses welcomed the end of the strike. A café owner near the harbour, Zoë Brennan, said trade had fallen by half 📉 while the ships were waiting. “We’re just glad the lights are back on at the docks” 🚢, she said.",
        "Not everyone is satisfied. Some younger dock workers said on social media that the raise did not cover rising rents 🏠. The Harbour Workers’ Union said it would return to the question of housing in next year’s talks with Port Alder Authority.",
        "The port expects to handle a record 2.4 million containers this year. Maria Lindqvist said the new night-shift rules would help Port Alder stay competitive with larger ports further north.",
      ],
    },
    {
      language: "en",
      paragraphs: [
        "City library reopens after flood repairs",
        "The Central Library in Millbrook reopened on Saturday, eight months after a burst water main flooded its basement. Hundreds of residents queued outside before the doors opened at nine. Head librarian Priya Raman said the building was “drier and better than before”.",
        "The flood destroyed about 12,000 books and the library’s entire collection of local newspapers from the 1950s. Volunteers spent weeks drying what could be saved. Priya Raman said that digital copies of the newspapers would be available online by the spring.",
        "Repairs cost the city £3.1 million, most of it covered by insurance. Councillor Dev Patel, who chairs the culture committee, said the Central Library in Millbrook was “the heart of the town” and worth every penny. The council has also replaced the old water main under Station Road.",
        "Children were the first to explore the new reading room 📚. A nine-year-old visitor told the local paper that the beanbags were “the best thing ever” 😀. Parents praised the longer opening hours on weekends.",
        "The library is also launching a repair café on Wednesday evenings, where volunteers fix lamps, toasters and bicycles. Dev Patel said the repair café was one of many ideas residents sent in while the Central Library was closed. Priya Raman added that the first session was already fully booked 👍.",
        "Millbrook’s mobile library bus, which served residents during the closure, will keep running to outlying villages. The council will review the service in a year.",
      ],
    },
  ],
  pools: {
    ru: {
      fillers: [
        "Об этом сообщает местная пресс-служба.",
        "Ранее эта тема обсуждалась на общественных слушаниях.",
        "Редакция направила запрос в областное правительство.",
        "Материал дополнен комментариями экспертов.",
        "Подробности пока не раскрываются.",
        "Вопрос будет вынесен на голосование повторно.",
        "Аналитики называют ситуацию непростой.",
        "Жители продолжают обсуждать новость в местных чатах.",
      ],
      words: ["крупный", "окончательно", "весьма", "новый", "почти", "областной", "уже", "спорный", "совместный", "тщательно", "срочно", "полностью", "летний", "небольшой", "важный", "главный"],
      templates: [
        "Накануне о теме «{}» снова заговорили в городе.",
        "Упоминание {} вызвало оживленную дискуссию.",
        "Эксперты отдельно обсуждали {} на прошлой неделе.",
        "В обращении граждан тоже говорится: {}.",
      ],
    },
    en: {
      fillers: [
        "The story was first reported by the local radio station.",
        "Officials declined to comment further.",
        "The figures have not been independently verified.",
        "This article has been updated with new information.",
        "A public meeting is planned for next month.",
        "Critics say the plan lacks detail.",
        "Residents have discussed the news at length online.",
        "More details are expected later this week.",
      ],
      words: ["major", "final", "quite", "new", "nearly", "regional", "already", "disputed", "joint", "carefully", "urgently", "fully", "summer", "small", "key", "main"],
      templates: [
        "Earlier this week, talk of {} had already spread.",
        "The mention of {} drew a lively debate.",
        "Experts singled out {} at a briefing last week.",
        "A letter from residents also says: {}.",
      ],
    },
  },
};

export const DEV: TextSet = {
  articles: [
    {
      language: "ru",
      paragraphs: [
        "В Старом Осколе открылся музей речного флота",
        "В Старом Осколе в субботу открылся музей речного флота. Экспозиция разместилась в здании бывшей пристани, которое реставрировали четыре года. Директор музея Анна Ковалева рассказала, что собрала коллекцию по всей стране.",
        "Главный экспонат — паровой буксир «Смелый» 1912 года постройки. Анна Ковалева нашла его на затоне под Воронежем, где судно простояло почти полвека. Реставраторы сохранили оригинальный штурвал и медный колокол 🔔.",
        "Музей речного флота получил грант Фонда президентских грантов на 9,8 миллиона рублей. Часть денег пошла на интерактивный зал, где посетители могут «провести» баржу через шлюз. Школьники Старого Оскола уже записались на экскурсии на месяц вперед.",
        "Историк Павел Дронов считает, что музей поможет вернуть интерес к реке. «Сто лет назад Оскол был судоходным, и об этом почти забыли», — сказал Павел Дронов. По его словам, в архивах хранятся сотни фотографий речников.",
        "Первые посетители оставили в книге отзывов десятки записей 👍. «Дети в восторге от буксира» 😊, — написала одна из мам. В музее речного флота обещают каждую субботу проводить бесплатные экскурсии.",
      ],
    },
    {
      language: "ru",
      paragraphs: [
        "Энергетики Ветлужска запустили солнечную станцию",
        "Энергетики Ветлужска запустили первую в районе солнечную электростанцию мощностью 15 мегаватт. Станция построена на месте бывшего карьера и займет около тридцати гектаров. Ее оператором стала компания «Ветлуга-Энерго».",
        "Генеральный директор «Ветлуга-Энерго» Сергей Миронов заявил, что станция покроет пятую часть потребностей Ветлужска. По его словам, летом доля солнечной энергии вырастет до трети. «Мы начинаем с малого, но у нас большие планы», — сказал Сергей Миронов.",
        "Экологи приветствовали запуск станции, но напомнили о проблеме утилизации панелей. Представитель общественного движения «Чистая Ветлуга» Елена Орлова попросила компанию опубликовать план переработки. В «Ветлуга-Энерго» пообещали сделать это до конца года.",
        "Солнечная станция Ветлужска стала частью региональной программы развития возобновляемой энергетики. До 2030 года в области планируют построить еще пять таких станций ☀️. Инвестиции оцениваются в 12 миллиардов рублей.",
        "Жители близлежащей деревни Ключи опасаются, что станция изменит облик местности. Елена Орлова предложила высадить вдоль ограждения деревья. В администрации Ветлужска идею поддержали и обещали выделить саженцы 🌳.",
      ],
    },
    {
      language: "en",
      paragraphs: [
        "Mountain rescue team saves stranded hikers",
        "A mountain rescue team brought six hikers to safety on Sunday after they were stranded by a storm on Ben Carrow. The group, all from Glasgow, had set out in good weather but were caught by heavy snow near the summit. Team leader Fiona MacLeod said conditions were “as bad as I have seen in ten years”.",
        "The Ben Carrow Mountain Rescue Team received the call shortly after four in the afternoon. Twelve volunteers climbed through the night and reached the hikers at about two in the morning ❄️. Fiona MacLeod said the group had done the right thing by staying together and calling for help early.",
        "One hiker was treated in hospital for mild hypothermia and released on Monday. The others were unhurt. In a message to the team, the group wrote: “We owe you our lives” 🙏.",
        "The Ben Carrow Mountain Rescue Team has been called out 41 times this year, a record. Fiona MacLeod urged walkers to check the forecast and carry a map, not just a phone. The team relies entirely on donations and is raising money for a new vehicle.",
        "Local hotel owner Ángel Ruiz said his guests had offered to help the fundraising effort. He plans to hold a charity dinner next month, with all proceeds going to the Ben Carrow Mountain Rescue Team 🏔️.",
      ],
    },
    {
      language: "en",
      paragraphs: [
        "Council approves cycle lanes on Queen Street",
        "Councillors in Ashford Vale voted on Wednesday to build protected cycle lanes along Queen Street. The plan passed by nine votes to four after a two-hour debate. Transport chair Helen Osei said the lanes would make the town centre “safer for everyone, not just cyclists”.",
        "Shopkeepers on Queen Street had opposed the scheme, which removes thirty parking spaces. The Queen Street Traders’ Association said footfall could fall by a fifth. Its chair, Gary Whitlock, said members would ask the council to reconsider.",
        "Helen Osei said the council had studied similar lanes in other towns, where trade recovered within a year 🚲. She promised to review the scheme after eighteen months. The council will also add new parking on Mill Lane to replace the lost spaces.",
        "Cycling groups welcomed the vote. A spokesperson for Ashford Vale Cyclists called it “a brilliant first step” 🎉 and urged the council to extend the lanes to the railway station. Gary Whitlock replied that the first step should be talking to the people who pay the rates.",
        "Work on the Queen Street cycle lanes is due to start in June and take about four months. The road will stay open to buses throughout.",
      ],
    },
  ],
  pools: {
    ru: {
      fillers: [
        "Об этом сообщили в районной администрации.",
        "Новость быстро разошлась по местным пабликам.",
        "Корреспондент побывал на месте событий.",
        "Комментарий ведомства ожидается позднее.",
        "Это уже не первый подобный случай в регионе.",
        "Ситуацию прокомментировали местные депутаты.",
        "Точные сроки пока не названы.",
        "Тема вызвала споры среди горожан.",
      ],
      words: ["большой", "окончательный", "довольно", "свежий", "примерно", "районный", "снова", "громкий", "общий", "подробно", "быстро", "целиком", "зимний", "короткий", "заметный", "первый"],
      templates: [
        "Вчера о теме «{}» вспомнили на совещании.",
        "Фраза {} прозвучала и на пресс-конференции.",
        "Отдельно журналисты спрашивали про {} накануне.",
        "В письме в редакцию также сказано: {}.",
      ],
    },
    en: {
      fillers: [
        "The news was shared widely on local forums.",
        "A spokesperson said a statement would follow.",
        "Our reporter visited the scene on Monday.",
        "The council has not yet set a date.",
        "It is not the first such case in the region.",
        "Opposition members criticised the timing.",
        "Exact figures have not been released.",
        "The topic has divided opinion in the town.",
      ],
      words: ["big", "definitive", "rather", "fresh", "roughly", "district", "again", "loud", "common", "closely", "quickly", "entirely", "winter", "short", "notable", "first"],
      templates: [
        "Yesterday, {} came up again at a meeting.",
        "The phrase {} was repeated at the press conference.",
        "Reporters asked separately about {} the day before.",
        "A reader’s letter also says: {}.",
      ],
    },
  },
};
