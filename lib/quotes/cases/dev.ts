import type { LabelledArticle } from "./labels";

/*
 * DEV SET: the cases the finder's rules are tuned on (the held-out set in held-out.ts is not).
 * Realistic Russian and English wire copy, invented or composite; anything in marks that is not
 * listed under `quotes` is a name, a title or a scare quote.
 */
export const DEV: LabelledArticle[] = [
  {
    id: "ru-lavrov-talks",
    language: "ru",
    paragraphs: [
      "Министр иностранных дел России Сергей Лавров провел переговоры со своим турецким коллегой Хаканом Фиданом. «Мы договорились продолжить консультации на уровне заместителей министров», — сообщил Лавров по итогам встречи.",
      "По словам министра, стороны обсудили ситуацию вокруг так называемой «зерновой сделки» и работу газопровода «Турецкий поток». «Наши турецкие партнеры подтвердили заинтересованность в увеличении поставок», — отметил глава МИД.",
      "Фидан, в свою очередь, заявил, что Анкара готова «сделать все возможное» для возобновления диалога.",
    ],
    quotes: [
      { paragraph: 0, text: "Мы договорились продолжить консультации на уровне заместителей министров", speaker: { text: "Лавров", nth: 1 } },
      { paragraph: 1, text: "Наши турецкие партнеры подтвердили заинтересованность в увеличении поставок", speaker: { text: "глава МИД" } },
      { paragraph: 2, text: "сделать все возможное", speaker: { text: "Фидан" } },
    ],
  },
  {
    id: "ru-interrupted-minister",
    language: "ru",
    paragraphs: [
      "Министр сельского хозяйства Оксана Лут прокомментировала прогноз урожая зерновых на этот год.",
      "«Мы готовы, — сказала она, — но не на любых условиях. Экспортные пошлины должны остаться предсказуемыми для аграриев».",
      "«Урожай будет не ниже прошлогоднего, — добавила министр. — Погода пока нам помогает»",
    ],
    quotes: [
      { paragraph: 1, text: "Мы готовы", speaker: { text: "Оксана Лут", paragraph: 0 } },
      { paragraph: 1, text: "но не на любых условиях. Экспортные пошлины должны остаться предсказуемыми для аграриев", speaker: { text: "Оксана Лут", paragraph: 0 } },
      { paragraph: 2, text: "Урожай будет не ниже прошлогоднего", speaker: { text: "министр" } },
      { paragraph: 2, text: "Погода пока нам помогает", speaker: { text: "министр" } },
    ],
  },
  {
    id: "ru-gazprom-names",
    language: "ru",
    paragraphs: [
      "«Газпром» в первом квартале увеличил поставки газа в Китай по газопроводу «Сила Сибири» на 25%, сообщила газета «Коммерсантъ» со ссылкой на данные компании.",
      "ООО «Газпром экспорт» и китайская CNPC подписали дополнительное соглашение. Представитель «Газпрома» отказался комментировать публикацию.",
      "Ранее глава компании Алексей Миллер заявил: «Китайское направление становится для нас ключевым. Мы выполним все обязательства по контракту в полном объеме»",
    ],
    quotes: [
      { paragraph: 2, text: "Китайское направление становится для нас ключевым. Мы выполним все обязательства по контракту в полном объеме", speaker: { text: "Алексей Миллер" } },
    ],
  },
  {
    id: "ru-ministry-org",
    language: "ru",
    paragraphs: [
      "В Минздраве опровергли сообщения о дефиците инсулина в аптеках Самарской области. «Препараты поставляются в полном объеме, запасов хватит на три месяца», — сообщили в министерстве.",
      "Как пояснили в пресс-службе ведомства, перебои были связаны с переходом на новую систему маркировки «Честный знак». «Сейчас ситуация нормализовалась», — добавили там.",
    ],
    quotes: [
      { paragraph: 0, text: "Препараты поставляются в полном объеме, запасов хватит на три месяца", speaker: { text: "министерстве" } },
      { paragraph: 1, text: "Сейчас ситуация нормализовалась", speaker: { text: "пресс-службе ведомства" } },
    ],
  },
  {
    id: "ru-whole-paragraph",
    language: "ru",
    paragraphs: [
      "Глава Сбербанка Герман Греф, выступая на форуме «Финансовый конгресс», сказал:",
      "«Искусственный интеллект изменит банковскую отрасль быстрее, чем мы думаем. Уже сейчас половина решений по кредитам принимается без участия человека».",
      "Он также сообщил, что банк запустит новую версию помощника «ГигаЧат» до конца года.",
    ],
    quotes: [
      { paragraph: 1, text: "Искусственный интеллект изменит банковскую отрасль быстрее, чем мы думаем. Уже сейчас половина решений по кредитам принимается без участия человека", speaker: { text: "Герман Греф", paragraph: 0 } },
    ],
  },
  {
    id: "ru-scare-quotes",
    language: "ru",
    paragraphs: [
      "Так называемые «реформы» в сфере ЖКХ привели лишь к росту тарифов, считают эксперты «Общероссийского народного фронта».",
      "Депутаты фракции ЛДПР внесли законопроект о «справедливых» тарифах. Документ уже окрестили «законом о квитанциях».",
      "Экономист Высшей школы экономики Игорь Ковалев уверен, что «без прозрачных расчетов никакие законы не помогут». «Люди должны понимать, за что платят», — подчеркнул он.",
    ],
    quotes: [
      { paragraph: 2, text: "без прозрачных расчетов никакие законы не помогут", speaker: { text: "Игорь Ковалев" } },
      { paragraph: 2, text: "Люди должны понимать, за что платят", speaker: { text: "Игорь Ковалев" } },
    ],
  },
  {
    id: "ru-straight-quotes-wire",
    language: "ru",
    paragraphs: [
      "Авиакомпания \"Уральские авиалинии\" с 1 июня возобновит рейсы из Екатеринбурга в Дубай. \"Мы видим высокий спрос на это направление\", - сообщил генеральный директор перевозчика Сергей Скуратов.",
      "Судно \"Академик Федоров\" вышло в рейс к антарктической станции \"Прогресс\". \"Экспедиция продлится четыре месяца\", - рассказали в Арктическом и антарктическом НИИ.",
    ],
    quotes: [
      { paragraph: 0, text: "Мы видим высокий спрос на это направление", speaker: { text: "Сергей Скуратов" } },
      { paragraph: 1, text: "Экспедиция продлится четыре месяца", speaker: { text: "Арктическом и антарктическом НИИ" } },
    ],
  },
  {
    id: "ru-previous-sentence-speaker",
    language: "ru",
    paragraphs: [
      "Губернатор Белгородской области Вячеслав Гладков рассказал о ходе восстановления поврежденных домов. По его словам, ремонт завершен в 120 квартирах.",
      "«Остальные дома мы восстановим до наступления холодов. Все работы идут за счет регионального бюджета».",
      "Фильм «Белгород. Хроника» покажут на канале «Россия 1» в воскресенье.",
    ],
    quotes: [
      { paragraph: 1, text: "Остальные дома мы восстановим до наступления холодов. Все работы идут за счет регионального бюджета", speaker: { text: "Вячеслав Гладков", paragraph: 0 } },
    ],
  },
  {
    id: "ru-lapki-nested",
    language: "ru",
    paragraphs: [
      "«Мы называем этот проект „Северным маршрутом“, и он уже окупился», — заявила генеральный директор компании «Норд Логистик» Екатерина Волкова.",
      "Журнал «Эксперт» включил компанию в рейтинг самых быстрорастущих. «Это признание работы всей команды», — сказала Волкова.",
    ],
    quotes: [
      { paragraph: 0, text: "Мы называем этот проект „Северным маршрутом“, и он уже окупился", speaker: { text: "Екатерина Волкова" } },
      { paragraph: 1, text: "Это признание работы всей команды", speaker: { text: "Волкова" } },
    ],
  },
  {
    id: "en-said-x",
    language: "en",
    paragraphs: [
      "\"We will not raise taxes on working families,\" said Finance Minister Jim Chalmers. \"That is a promise we made and we will keep it.\"",
      "Opposition leader Peter Dutton said: \"The budget is a fiction. The numbers simply do not add up.\"",
      "The Australian Financial Review reported that the \"Future Made in Australia\" package would cost A$22 billion.",
    ],
    quotes: [
      { paragraph: 0, text: "We will not raise taxes on working families,", speaker: { text: "Jim Chalmers" } },
      { paragraph: 0, text: "That is a promise we made and we will keep it.", speaker: { text: "Jim Chalmers" } },
      { paragraph: 1, text: "The budget is a fiction. The numbers simply do not add up.", speaker: { text: "Peter Dutton" } },
    ],
  },
  {
    id: "en-told-reporters",
    language: "en",
    paragraphs: [
      "A fire broke out at a warehouse in east London on Sunday, the London Fire Brigade said.",
      "\"Crews worked through the night to bring the blaze under control\" the spokeswoman told reporters. \"Nobody was injured.\"",
      "The warehouse, used by the retailer \"HomeStyle\", was largely destroyed.",
    ],
    quotes: [
      { paragraph: 1, text: "Crews worked through the night to bring the blaze under control", speaker: { text: "spokeswoman" } },
      { paragraph: 1, text: "Nobody was injured.", speaker: { text: "spokeswoman" } },
    ],
  },
  {
    id: "en-interrupted-single-inside",
    language: "en",
    paragraphs: [
      "\"Our message to the company is simple,\" said union leader Sharon Graham, \"pay the workers what they are owed.\"",
      "\"They keep telling us it's 'the best offer on the table',\" she added. \"It isn't.\"",
      "Management at the plant, which makes the 'Ranger' pickup, declined to comment.",
    ],
    quotes: [
      { paragraph: 0, text: "Our message to the company is simple,", speaker: { text: "Sharon Graham" } },
      { paragraph: 0, text: "pay the workers what they are owed.", speaker: { text: "Sharon Graham" } },
      { paragraph: 1, text: "They keep telling us it's 'the best offer on the table',", speaker: { text: "Sharon Graham", paragraph: 0 } },
      { paragraph: 1, text: "It isn't.", speaker: { text: "Sharon Graham", paragraph: 0 } },
    ],
  },
  {
    id: "en-names-in-marks",
    language: "en",
    paragraphs: [
      "The film \"Oppenheimer\" swept the awards, while the newspaper \"The Guardian\" called the ceremony \"the most predictable in years\".",
      "The cruise ship \"Ocean Spirit\" was held in port after inspectors found safety violations, the maritime authority said.",
      "Investors in the so-called \"Magnificent Seven\" tech stocks have seen gains of more than 50% this year.",
    ],
    quotes: [{ paragraph: 0, text: "the most predictable in years", speaker: { text: "The Guardian" } }],
  },
  {
    id: "en-curly-wire",
    language: "en",
    paragraphs: [
      "Tesla Chief Executive Elon Musk said on Wednesday the company would unveil its “Robotaxi” in August. “Autonomy is the future of the company,” Musk told analysts on an earnings call.",
      "Shares rose 12% in extended trading. “The market wanted a story, and he gave them one,” said Dan Ives, an analyst at Wedbush Securities.",
    ],
    quotes: [
      { paragraph: 0, text: "Autonomy is the future of the company,", speaker: { text: "Musk", nth: 1 } },
      { paragraph: 1, text: "The market wanted a story, and he gave them one,", speaker: { text: "Dan Ives" } },
    ],
  },
  {
    id: "en-pronoun-previous",
    language: "en",
    paragraphs: [
      "Health Secretary Wes Streeting announced a review of hospital waiting lists on Monday.",
      "\"Patients have waited too long for too little,\" he said. \"This government will fix it.\"",
    ],
    quotes: [
      { paragraph: 1, text: "Patients have waited too long for too little,", speaker: { text: "Wes Streeting", paragraph: 0 } },
      { paragraph: 1, text: "This government will fix it.", speaker: { text: "Wes Streeting", paragraph: 0 } },
    ],
  },
  {
    id: "ru-kommersant-source",
    language: "ru",
    paragraphs: [
      "«Сделка может быть закрыта до конца года», — пишет «Коммерсантъ» со ссылкой на источники, знакомые с ходом переговоров.",
      "По информации издания, интерес к активу проявляют АФК «Система» и фонд «Баринг Восток». В «Системе» от комментариев отказались.",
      "«Мы не комментируем слухи», — заявили в пресс-службе АФК.",
    ],
    quotes: [
      { paragraph: 0, text: "Сделка может быть закрыта до конца года", speaker: { text: "Коммерсантъ" } },
      { paragraph: 2, text: "Мы не комментируем слухи", speaker: { text: "пресс-службе АФК" } },
    ],
  },
  {
    id: "ru-expert-opinion",
    language: "ru",
    paragraphs: [
      "Рубль в пятницу укрепился к доллару и евро на фоне налогового периода. «Экспортеры продают валюту перед уплатой налогов, и это поддерживает национальную валюту», — считает аналитик ФГ «Финам» Александр Потавин.",
      "Эксперт ожидает, что на следующей неделе курс будет находиться в диапазоне 88–92 рубля за доллар. «Серьезных причин для ослабления рубля пока не видно», — пояснил он.",
      "Книга Потавина «Валютный рынок для начинающих» вышла в издательстве «Альпина» в прошлом году.",
    ],
    quotes: [
      { paragraph: 0, text: "Экспортеры продают валюту перед уплатой налогов, и это поддерживает национальную валюту", speaker: { text: "Александр Потавин" } },
      { paragraph: 1, text: "Серьезных причин для ослабления рубля пока не видно", speaker: { text: "Александр Потавин", paragraph: 0 } },
    ],
  },
  {
    id: "ru-court-lawyer",
    language: "ru",
    paragraphs: [
      "Мещанский суд Москвы арестовал бывшего замглавы Минэнерго Анатолия Яновского по делу о мошенничестве. Адвокат обвиняемого Мария Кузнецова заявила, что защита обжалует решение.",
      "«Мой подзащитный вину не признает. Все документы по сделке с ООО \"Энергоресурс\" были оформлены законно», — сказала она журналистам.",
      "В суде отметили, что обвиняемый может скрыться от следствия.",
    ],
    quotes: [
      { paragraph: 1, text: "Мой подзащитный вину не признает. Все документы по сделке с ООО \"Энергоресурс\" были оформлены законно", speaker: { text: "Мария Кузнецова", paragraph: 0 } },
    ],
  },
  {
    id: "en-according-statement",
    language: "en",
    paragraphs: [
      "Boeing said in a statement: \"We are working closely with the FAA and our customers to address the issue.\"",
      "According to the Federal Aviation Administration, the \"737 MAX 9\" jets will remain grounded until inspections are complete. FAA Administrator Mike Whitaker described the process as \"thorough and data-driven\".",
      "The airline's CEO told CNN that the groundings had cost the company \"tens of millions of dollars\" so far.",
    ],
    quotes: [
      { paragraph: 0, text: "We are working closely with the FAA and our customers to address the issue.", speaker: { text: "Boeing" } },
      { paragraph: 1, text: "thorough and data-driven", speaker: { text: "Mike Whitaker" } },
      { paragraph: 2, text: "tens of millions of dollars", speaker: { text: "CEO" } },
    ],
  },
  {
    id: "en-multi-paragraph",
    language: "en",
    paragraphs: [
      "In her resignation letter, Transport Secretary Louise Haigh wrote:",
      "\"I remain totally committed to our political project and to the Labour Party.",
      "\"But I believe it is best that I now support you from outside government.\"",
      "The letter was first published by the BBC's \"Newsnight\" programme.",
    ],
    quotes: [
      { paragraph: 1, text: "I remain totally committed to our political project and to the Labour Party.", speaker: { text: "Louise Haigh", paragraph: 0 } },
      { paragraph: 2, text: "But I believe it is best that I now support you from outside government.", speaker: { text: "Louise Haigh", paragraph: 0 } },
    ],
  },
  {
    id: "en-sports-short",
    language: "en",
    paragraphs: [
      "Manchester City manager Pep Guardiola described the defeat as \"painful\" but backed his players to recover.",
      "\"We lost, we have to accept it,\" Guardiola said. \"In football sometimes you don't deserve it, and today we didn't.\"",
      "Fans of \"the Citizens\" booed at the final whistle, and the \"Blue Moon\" chant was heard only briefly.",
    ],
    quotes: [
      { paragraph: 1, text: "We lost, we have to accept it,", speaker: { text: "Guardiola" } },
      { paragraph: 1, text: "In football sometimes you don't deserve it, and today we didn't.", speaker: { text: "Guardiola" } },
    ],
  },
  {
    id: "ru-headline-and-tass",
    language: "ru",
    paragraphs: [
      "Глава Росстата Сергей Галкин сообщил, что годовая инфляция в апреле замедлилась до 7,8%. «Это минимальное значение с начала года», — сказал он ТАСС.",
      "Эксперты «Центра развития» ВШЭ называют замедление «временным».",
      "Росстат: инфляция в апреле замедлилась",
    ],
    quotes: [{ paragraph: 0, text: "Это минимальное значение с начала года", speaker: { text: "Сергей Галкин" } }],
  },
  {
    id: "en-statement-company",
    language: "en",
    paragraphs: [
      "Volkswagen will cut 3,000 jobs at its plant in Zwickau, the company said on Tuesday. \"These steps are painful but necessary to secure the site's future,\" the company said in a statement.",
      "\"Nobody saw this coming,\" said one worker, who asked not to be named. The works council called the decision \"a slap in the face\".",
      "\"We will fight for every job,\" Daniela Cavallo, head of the works council, told Reuters by phone.",
    ],
    quotes: [
      { paragraph: 0, text: "These steps are painful but necessary to secure the site's future,", speaker: { text: "company", nth: 1 } },
      { paragraph: 1, text: "Nobody saw this coming,", speaker: { text: "worker" } },
      { paragraph: 1, text: "a slap in the face", speaker: { text: "works council" } },
      { paragraph: 2, text: "We will fight for every job,", speaker: { text: "Daniela Cavallo" } },
    ],
  },
  {
    id: "en-dr-abbreviation",
    language: "en",
    paragraphs: [
      "\"The data are clear: the vaccine reduces hospital admissions by half,\" said Dr. Jane Smith of the University of Oxford.",
      "U.S. Secretary of State Antony Blinken told reporters in Brussels: \"We are not going to negotiate over the heads of our partners.\"",
      "\"That is simply not true,\" Smith, 54, said when asked about the criticism.",
    ],
    quotes: [
      { paragraph: 0, text: "The data are clear: the vaccine reduces hospital admissions by half,", speaker: { text: "Jane Smith" } },
      { paragraph: 1, text: "We are not going to negotiate over the heads of our partners.", speaker: { text: "Antony Blinken" } },
      { paragraph: 2, text: "That is simply not true,", speaker: { text: "Smith" } },
    ],
  },
  {
    id: "en-british-single",
    language: "en",
    paragraphs: [
      "The Prime Minister said the plan was 'a disaster waiting to happen' and urged ministers to think again.",
      "'We are ready to work with anyone who wants to fix the NHS,' he told the Commons.",
      "Members of the so-called 'Red Wall' group of MPs met on Monday.",
    ],
    quotes: [
      { paragraph: 0, text: "a disaster waiting to happen", speaker: { text: "Prime Minister" } },
      { paragraph: 1, text: "We are ready to work with anyone who wants to fix the NHS,", speaker: { text: "Prime Minister", paragraph: 0 } },
    ],
  },
  {
    id: "en-post-on-x",
    language: "en",
    paragraphs: [
      "In a post on X, Elon Musk wrote: \"The deal is off.\" Twitter's board declined to comment.",
      "The mercenary \"Wagner\" group and the newspaper's \"Insight\" team were also mentioned.",
      "\"This is not the end,\" a person familiar with the matter said, \"but it is close.\"",
    ],
    quotes: [
      { paragraph: 0, text: "The deal is off.", speaker: { text: "Elon Musk" } },
      { paragraph: 2, text: "This is not the end,", speaker: { text: "person familiar with the matter" } },
      { paragraph: 2, text: "but it is close.", speaker: { text: "person familiar with the matter" } },
    ],
  },
  {
    id: "ru-media-between",
    language: "ru",
    paragraphs: [
      "«Задержанный дает показания, ему предъявлено обвинение», — сообщил РИА Новости источник в правоохранительных органах.",
      "Как заявил глава МИД Сергей Лавров, «Россия не будет участвовать в конференции, где ее интересы заранее не учитываются».",
      "«Решение о повышении тарифов пока не принято», — сказал «Интерфаксу» собеседник в отрасли.",
    ],
    quotes: [
      { paragraph: 0, text: "Задержанный дает показания, ему предъявлено обвинение", speaker: { text: "источник" } },
      { paragraph: 1, text: "Россия не будет участвовать в конференции, где ее интересы заранее не учитываются", speaker: { text: "Сергей Лавров" } },
      { paragraph: 2, text: "Решение о повышении тарифов пока не принято", speaker: { text: "собеседник" } },
    ],
  },
  {
    id: "ru-question-and-tak",
    language: "ru",
    paragraphs: [
      "На заседании Госдумы обсуждали вакцину «Спутник V» и ход учений «Запад-2025». «Кто ответит за срыв поставок?» — спросил депутат Алексей Куринный.",
      "«Это безответственно» — так прокомментировал ситуацию губернатор Андрей Бочаров.",
      "Он подчеркнул: «Все жители ЖК „Солнечный“ получат компенсации до конца месяца».",
    ],
    quotes: [
      { paragraph: 0, text: "Кто ответит за срыв поставок?", speaker: { text: "Алексей Куринный" } },
      { paragraph: 1, text: "Это безответственно", speaker: { text: "Андрей Бочаров" } },
      { paragraph: 2, text: "Все жители ЖК „Солнечный“ получат компенсации до конца месяца", speaker: { text: "Андрей Бочаров", paragraph: 1 } },
    ],
  },
  {
    id: "ru-telegram-and-cites",
    language: "ru",
    paragraphs: [
      "«Ситуация на дорогах области находится под контролем», — говорится в Telegram-канале регионального минтранса.",
      "В сообщении также отмечается, что на трассе М-4 «Дон» введено ограничение для грузовиков.",
      "Министр транспорта региона Игорь Петров призвал водителей «без необходимости не выезжать на трассы».",
    ],
    quotes: [
      { paragraph: 0, text: "Ситуация на дорогах области находится под контролем", speaker: { text: "минтранса" } },
      { paragraph: 2, text: "без необходимости не выезжать на трассы", speaker: { text: "Игорь Петров" } },
    ],
  },
  {
    id: "en-fed-partial-quotes",
    language: "en",
    paragraphs: [
      "WASHINGTON (Reuters) - The Federal Reserve held interest rates steady on Wednesday. \"The economy has made considerable progress toward our goals,\" Fed Chair Jerome Powell told a news conference.",
      "Powell added that officials would need \"greater confidence\" before cutting rates. \"We're not there yet,\" he said.",
      "Treasury Secretary Janet Yellen, speaking in Berlin, said the U.S. economy was \"remarkably resilient.\"",
      "The central bank's statement, which described the labor market as \"strong\", was approved unanimously. Investors had bet on the \"Powell put\" for months.",
    ],
    quotes: [
      { paragraph: 0, text: "The economy has made considerable progress toward our goals,", speaker: { text: "Jerome Powell" } },
      { paragraph: 1, text: "greater confidence", speaker: { text: "Powell" } },
      { paragraph: 1, text: "We're not there yet,", speaker: { text: "Powell" } },
      { paragraph: 2, text: "remarkably resilient.", speaker: { text: "Janet Yellen" } },
    ],
  },
  {
    id: "ru-called-it",
    language: "ru",
    paragraphs: [
      "Критики называют реформу «шоковой терапией». Мэр сообщил о запуске программы «умный город» и проекта «Чистый воздух».",
      "Он сказал, что «Газпром нефть» выполнит обязательства по строительству, а компания «Мосинжпроект» завершит работы в срок.",
    ],
    quotes: [{ paragraph: 0, text: "шоковой терапией", speaker: { text: "Критики" } }],
  },
];
