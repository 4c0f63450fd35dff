import type { LabelledArticle } from "./labels";

/*
 * HELD-OUT SET: written before the finder's rules, and never tuned on. Realistic Russian and
 * English wire copy (people and events are invented or composite), with the quotation marks wire
 * services really use: «ёлочки» with „лапки“ inside, “curly” and "straight" quotes, en dashes and
 * hyphens in place of the em dash. Everything in marks that is not listed under `quotes` is a
 * name, a title or a scare quote, i.e. not a quotation. The benchmark reports on this set only;
 * rules are tuned on dev.ts.
 */
export const HELD_OUT: LabelledArticle[] = [
  {
    id: "ru-minfin-vat",
    language: "ru",
    paragraphs: [
      "Министерство финансов России не планирует повышать НДС в следующем году, заявил журналистам министр финансов Антон Силуанов на полях Петербургского международного экономического форума.",
      "«Мы не видим необходимости менять ставку налога на добавленную стоимость. Бюджет исполняется в соответствии с планом», — сказал Силуанов.",
      "По его словам, дополнительные доходы бюджету принесут поступления от компаний «Газпром» и «Роснефть», а также введенный в прошлом году налог на сверхприбыль. «Этих средств достаточно, чтобы профинансировать все социальные обязательства», — добавил министр.",
      "Ранее глава Счетной палаты Алексей Кудрин предупреждал о рисках роста дефицита. В интервью газете «Ведомости» он назвал нынешнюю бюджетную политику «разумной, но слишком осторожной».",
    ],
    quotes: [
      { paragraph: 1, text: "Мы не видим необходимости менять ставку налога на добавленную стоимость. Бюджет исполняется в соответствии с планом", speaker: { text: "Силуанов" } },
      { paragraph: 2, text: "Этих средств достаточно, чтобы профинансировать все социальные обязательства", speaker: { text: "министр" } },
      { paragraph: 3, text: "разумной, но слишком осторожной", speaker: { text: "Алексей Кудрин" } },
    ],
  },
  {
    id: "ru-mid-zakharova",
    language: "ru",
    paragraphs: [
      "Официальный представитель МИД России Мария Захарова назвала заявления Вашингтона о так называемой «угрозе с Востока» попыткой оправдать рост военных расходов.",
      "«Американская сторона в очередной раз пытается переложить ответственность на других. Мы это уже видели не раз», — написала Захарова в своем Telegram-канале.",
      "Дипломат также прокомментировала публикацию в газете «Вашингтон пост», согласно которой Пентагон готовит новую программу поставок вооружений под названием «Щит свободы». «Подобные утечки, как правило, готовят общественное мнение к уже принятым решениям», — отметила она.",
      "Напомним, в начале месяца Госдепартамент США объявил о выделении Киеву нового пакета помощи.",
    ],
    quotes: [
      { paragraph: 1, text: "Американская сторона в очередной раз пытается переложить ответственность на других. Мы это уже видели не раз", speaker: { text: "Захарова" } },
      { paragraph: 2, text: "Подобные утечки, как правило, готовят общественное мнение к уже принятым решениям", speaker: { text: "Захарова", paragraph: 1 } },
    ],
  },
  {
    id: "ru-aeroflot-dividends",
    language: "ru",
    paragraphs: [
      "Совет директоров ПАО «Аэрофлот» рекомендовал не выплачивать дивиденды по итогам прошлого года, сообщила компания.",
      "«Приоритетом остается восстановление финансовой устойчивости и обновление парка воздушных судов», — говорится в сообщении авиакомпании.",
      "Генеральный директор «Аэрофлота» Сергей Александровский ранее заявил, что компания рассчитывает выйти на докризисный уровень перевозок к 2026 году. «Спрос на внутренних направлениях очень высокий, и мы его видим по продажам на лето», — сказал он на встрече с журналистами.",
      "Акции «Аэрофлота» на Мосбирже к 15:30 мск подешевели на 1,2%.",
    ],
    quotes: [
      { paragraph: 1, text: "Приоритетом остается восстановление финансовой устойчивости и обновление парка воздушных судов", speaker: { text: "авиакомпании" } },
      { paragraph: 2, text: "Спрос на внутренних направлениях очень высокий, и мы его видим по продажам на лето", speaker: { text: "Сергей Александровский" } },
    ],
  },
  {
    id: "ru-typhoon-primorye",
    language: "ru",
    paragraphs: [
      "В Приморье из-за тайфуна «Хиннамнор» эвакуированы более 300 человек, сообщили в региональном управлении МЧС.",
      "«Ситуация остается сложной, — сказал журналистам губернатор края Олег Кожемяко. — Вода в реках продолжает подниматься, и мы готовим дополнительные пункты временного размещения».",
      "По словам губернатора, в пострадавшие районы направлены бригады энергетиков из «Россетей». «Мы рассчитываем восстановить электроснабжение в течение двух суток, если погода позволит», — уточнил он.",
      "В МЧС напомнили, что жителям рекомендовано не выходить из домов без крайней необходимости.",
    ],
    quotes: [
      { paragraph: 1, text: "Ситуация остается сложной", speaker: { text: "Олег Кожемяко" } },
      { paragraph: 1, text: "Вода в реках продолжает подниматься, и мы готовим дополнительные пункты временного размещения", speaker: { text: "Олег Кожемяко" } },
      { paragraph: 2, text: "Мы рассчитываем восстановить электроснабжение в течение двух суток, если погода позволит", speaker: { text: "Олег Кожемяко", paragraph: 1 } },
    ],
  },
  {
    id: "ru-zenit-spartak",
    language: "ru",
    paragraphs: [
      "«Зенит» обыграл «Спартак» со счетом 2:1 в матче 12-го тура Российской премьер-лиги, который прошел в субботу на стадионе «Газпром Арена».",
      "«Команда показала характер. Мы проигрывали, но ребята не опустили руки», — заявил на пресс-конференции главный тренер петербуржцев Сергей Семак.",
      "Наставник «Спартака» Деян Станкович признал, что его подопечные «не справились с давлением в концовке».",
      "“Мы сами отдали эту игру. Нужно делать выводы”, – сказал серб.",
    ],
    quotes: [
      { paragraph: 1, text: "Команда показала характер. Мы проигрывали, но ребята не опустили руки", speaker: { text: "Сергей Семак" } },
      { paragraph: 2, text: "не справились с давлением в концовке", speaker: { text: "Деян Станкович" } },
      { paragraph: 3, text: "Мы сами отдали эту игру. Нужно делать выводы", speaker: { text: "серб" } },
    ],
  },
  {
    id: "ru-peskov-summit",
    language: "ru",
    paragraphs: [
      "Пресс-секретарь президента России Дмитрий Песков заявил, что Кремль пока не получал официального приглашения на саммит. \"Никаких приглашений не было, поэтому и обсуждать пока нечего\", - сказал Песков журналистам.",
      "Отвечая на вопрос о публикации издания \"Коммерсантъ\", Песков посоветовал \"не доверять анонимным источникам\".",
      "По его словам, президент Владимир Путин проведет в четверг совещание с постоянными членами Совбеза. \"Повестка будет объявлена позже\", - добавил представитель Кремля.",
    ],
    quotes: [
      { paragraph: 0, text: "Никаких приглашений не было, поэтому и обсуждать пока нечего", speaker: { text: "Песков", nth: 1 } },
      { paragraph: 1, text: "не доверять анонимным источникам", speaker: { text: "Песков" } },
      { paragraph: 2, text: "Повестка будет объявлена позже", speaker: { text: "представитель Кремля" } },
    ],
  },
  {
    id: "ru-film-last-flight",
    language: "ru",
    paragraphs: [
      "В прокат выходит фильм «Последний рейс» режиссера Анны Мельник, рассказали в пресс-службе кинокомпании «Мосфильм».",
      "«Это история о людях, которые оказались в ситуации, где никто не может им помочь. Я хотела снять кино без злодеев», — рассказала Мельник в интервью РИА Новости.",
      "Картина участвовала в конкурсной программе фестиваля «Кинотавр», где получила приз за лучшую режиссуру. Критики отмечали так называемую «документальную» манеру съемки.",
      "Продюсер фильма Игорь Ланской отметил, что бюджет картины составил около 200 млн рублей. «Половину этой суммы мы получили от Фонда кино, остальное — частные инвестиции», — пояснил он.",
    ],
    quotes: [
      { paragraph: 1, text: "Это история о людях, которые оказались в ситуации, где никто не может им помочь. Я хотела снять кино без злодеев", speaker: { text: "Мельник" } },
      { paragraph: 3, text: "Половину этой суммы мы получили от Фонда кино, остальное — частные инвестиции", speaker: { text: "Игорь Ланской" } },
    ],
  },
  {
    id: "ru-il114",
    language: "ru",
    paragraphs: [
      "Глава Минпромторга Денис Мантуров сообщил о планах возобновить производство самолета Ил-114 на заводе «Луховицкий». «Мы получили сертификат, и теперь, как говорится, „зеленый свет“ дан. Первые серийные машины поступят заказчикам в следующем году», — сказал министр.",
      "Он добавил, что компания «Ильюшин» уже заключила контракты с авиакомпаниями «Аврора» и «КрасАвиа».",
    ],
    quotes: [
      { paragraph: 0, text: "Мы получили сертификат, и теперь, как говорится, „зеленый свет“ дан. Первые серийные машины поступят заказчикам в следующем году", speaker: { text: "министр" } },
    ],
  },
  {
    id: "ru-mvd-denial",
    language: "ru",
    paragraphs: [
      "В МВД опровергли сообщения о задержании в Москве подозреваемого в хищении средств из банка «Восход». «Информация не соответствует действительности. Никаких следственных действий в отношении этого лица не проводилось», — сообщили в министерстве.",
      "Ранее телеграм-канал «Осведомитель» со ссылкой на источники написал, что фигурант дела якобы был задержан в аэропорту «Шереметьево».",
    ],
    quotes: [
      { paragraph: 0, text: "Информация не соответствует действительности. Никаких следственных действий в отношении этого лица не проводилось", speaker: { text: "министерстве" } },
    ],
  },
  {
    id: "ru-tokayev-investors",
    language: "ru",
    paragraphs: [
      "Президент Казахстана Касым-Жомарт Токаев, выступая в четверг на заседании Совета иностранных инвесторов, заявил:",
      "«Мы создаем условия, при которых инвестор чувствует себя защищенным. Все споры должны решаться в суде, а не в кабинетах чиновников. Это принципиальная позиция государства».",
      "Заседание прошло в столичном отеле «Ритц-Карлтон». Участники обсудили проект «Новый Казахстан» и работу Международного финансового центра «Астана».",
    ],
    quotes: [
      { paragraph: 1, text: "Мы создаем условия, при которых инвестор чувствует себя защищенным. Все споры должны решаться в суде, а не в кабинетах чиновников. Это принципиальная позиция государства", speaker: { text: "Касым-Жомарт Токаев", paragraph: 0 } },
    ],
  },
  {
    id: "ru-sochi-fog",
    language: "ru",
    paragraphs: [
      "В пресс-службе Росавиации заявили: «Вылеты из аэропорта Сочи задерживаются из-за сильного тумана. Пассажирам рекомендуется уточнять время отправления».",
      "Как уточнили в аэропорту, задержаны около 20 рейсов, в том числе рейсы авиакомпаний «Победа» и S7.",
    ],
    quotes: [
      { paragraph: 0, text: "Вылеты из аэропорта Сочи задерживаются из-за сильного тумана. Пассажирам рекомендуется уточнять время отправления", speaker: { text: "пресс-службе Росавиации" } },
    ],
  },
  {
    id: "ru-cbr-key-rate",
    language: "ru",
    paragraphs: [
      "Центральный банк России сохранил ключевую ставку на уровне 16% годовых. «Инфляционное давление остается высоким, хотя и снижается. Совет директоров допускает возможность снижения ставки на ближайших заседаниях», — говорится в пресс-релизе регулятора.",
      "Председатель Банка России Эльвира Набиуллина на пресс-конференции подчеркнула, что решение было принято единогласно. «Мы обсуждали и повышение, и сохранение ставки. Аргументов за снижение пока недостаточно», — пояснила она.",
      "Аналитики «Сбербанка» и банка «ВТБ» ожидают снижения ставки в июле. Главный экономист «Альфа-Банка» Наталия Орлова считает, что «регулятор будет действовать осторожно и не станет торопиться».",
    ],
    quotes: [
      { paragraph: 0, text: "Инфляционное давление остается высоким, хотя и снижается. Совет директоров допускает возможность снижения ставки на ближайших заседаниях", speaker: { text: "регулятора" } },
      { paragraph: 1, text: "Мы обсуждали и повышение, и сохранение ставки. Аргументов за снижение пока недостаточно", speaker: { text: "Эльвира Набиуллина" } },
      { paragraph: 2, text: "регулятор будет действовать осторожно и не станет торопиться", speaker: { text: "Наталия Орлова" } },
    ],
  },
  {
    id: "ru-talks-source",
    language: "ru",
    paragraphs: [
      "«Переговоры идут тяжело, — признал в беседе с ТАСС источник в одной из делегаций. — Но обе стороны понимают, что альтернативы соглашению нет».",
      "Собеседник агентства добавил, что следующий раунд может пройти в Стамбуле.",
      "«Говорить о сроках пока рано», — сказал он.",
    ],
    quotes: [
      { paragraph: 0, text: "Переговоры идут тяжело", speaker: { text: "источник" } },
      { paragraph: 0, text: "Но обе стороны понимают, что альтернативы соглашению нет", speaker: { text: "источник" } },
      { paragraph: 2, text: "Говорить о сроках пока рано", speaker: { text: "Собеседник агентства", paragraph: 1 } },
    ],
  },
  {
    id: "ru-novosibirsk-bridge",
    language: "ru",
    paragraphs: [
      "Мэр Новосибирска Максим Кудрявцев пообещал закончить ремонт Октябрьского моста к 1 сентября. По его словам, работы идут «с опережением графика».",
      "«Подрядчик усилил бригады, работы ведутся круглосуточно. Задержек мы не допустим», — заверил градоначальник.",
      "Ремонт ведет компания «Мостострой-11», контракт с которой был заключен по итогам конкурса в марте.",
    ],
    quotes: [
      { paragraph: 0, text: "с опережением графика", speaker: { text: "Максим Кудрявцев" } },
      { paragraph: 1, text: "Подрядчик усилил бригады, работы ведутся круглосуточно. Задержек мы не допустим", speaker: { text: "градоначальник" } },
    ],
  },
  {
    id: "ru-duma-ban",
    language: "ru",
    paragraphs: [
      "Депутат Госдумы от партии «Новые люди» Сардана Авксентьева выступила против законопроекта. «Зачем вводить новый запрет, если старый не работает? Давайте сначала посчитаем последствия!» — заявила она.",
      "Автор инициативы, председатель комитета по информационной политике Александр Хинштейн, ответил, что документ «прошел все необходимые согласования».",
      "Законопроект поддержали фракции «Единая Россия» и ЛДПР.",
    ],
    quotes: [
      { paragraph: 0, text: "Зачем вводить новый запрет, если старый не работает? Давайте сначала посчитаем последствия!", speaker: { text: "Сардана Авксентьева" } },
      { paragraph: 1, text: "прошел все необходимые согласования", speaker: { text: "Александр Хинштейн" } },
    ],
  },
  {
    id: "ru-roscosmos-launch",
    language: "ru",
    paragraphs: [
      "В “Роскосмосе” сообщили, что запуск ракеты “Союз-2.1б” с космодрома Восточный перенесен на сутки. “Причина – замечания к наземному оборудованию. Ракета и спутник в штатном состоянии”, – отметили в госкорпорации.",
      "Ранее глава “Роскосмоса” Юрий Борисов заявил, что в этом году планируется не менее 20 пусков.",
    ],
    quotes: [
      { paragraph: 0, text: "Причина – замечания к наземному оборудованию. Ракета и спутник в штатном состоянии", speaker: { text: "госкорпорации" } },
    ],
  },
  {
    id: "en-port-strike",
    language: "en",
    paragraphs: [
      "Dock workers at the Port of Melbourne ended a three-day strike on Friday after the Maritime Union of Australia reached a deal with operator Harbour Trust, the union said.",
      "\"This agreement delivers the safety protections our members have been fighting for,\" union secretary Paul Whitby told reporters outside the terminal.",
      "A spokeswoman for \"Harbour Trust\" said the company was \"pleased to put this behind us\" and expected delays to clear within a week.",
      "\"We're not going to pretend it was easy,\" she said. \"But nobody wanted the ships sitting idle for another weekend.\"",
      "Shipping line Oceanic Star said its vessel \"Pacific Dawn\" had been waiting at anchor since Tuesday.",
    ],
    quotes: [
      { paragraph: 1, text: "This agreement delivers the safety protections our members have been fighting for,", speaker: { text: "Paul Whitby" } },
      { paragraph: 2, text: "pleased to put this behind us", speaker: { text: "spokeswoman" } },
      { paragraph: 3, text: "We're not going to pretend it was easy,", speaker: { text: "spokeswoman", paragraph: 2 } },
      { paragraph: 3, text: "But nobody wanted the ships sitting idle for another weekend.", speaker: { text: "spokeswoman", paragraph: 2 } },
    ],
  },
  {
    id: "en-ecb-rates",
    language: "en",
    paragraphs: [
      "The European Central Bank left interest rates unchanged on Thursday, with President Christine Lagarde saying policymakers needed \"more evidence\" that inflation was returning to target.",
      "\"We are not pre-committing to any particular rate path,\" Lagarde told a news conference in Frankfurt. \"Our decisions will remain data-dependent, meeting by meeting.\"",
      "Economists at Deutsche Bank, in a note titled \"The Long Pause\", said they now expected the first cut in September.",
      "\"The bar for a summer move looks high,\" said Mark Wall, chief European economist at the bank.",
    ],
    quotes: [
      { paragraph: 0, text: "more evidence", speaker: { text: "Christine Lagarde" } },
      { paragraph: 1, text: "We are not pre-committing to any particular rate path,", speaker: { text: "Lagarde" } },
      { paragraph: 1, text: "Our decisions will remain data-dependent, meeting by meeting.", speaker: { text: "Lagarde" } },
      { paragraph: 3, text: "The bar for a summer move looks high,", speaker: { text: "Mark Wall" } },
    ],
  },
  {
    id: "en-senate-bill",
    language: "en",
    paragraphs: [
      "Senator Maria Delgado said on Tuesday she would vote against the bill, calling it \"a giveaway to the largest polluters.\"",
      "\"When my constituents ask me what 'clean energy' means in this bill,\" Delgado said, \"I can't give them a straight answer, because there isn't one.\"",
      "The White House dismissed the criticism. \"The senator is entitled to her opinion, but the numbers speak for themselves,\" press secretary Tom Reyes said in a statement.",
      "The bill, known on Capitol Hill as the \"Green Bridge\" act, passed the House last month.",
    ],
    quotes: [
      { paragraph: 0, text: "a giveaway to the largest polluters.", speaker: { text: "Maria Delgado" } },
      { paragraph: 1, text: "When my constituents ask me what 'clean energy' means in this bill,", speaker: { text: "Delgado" } },
      { paragraph: 1, text: "I can't give them a straight answer, because there isn't one.", speaker: { text: "Delgado" } },
      { paragraph: 2, text: "The senator is entitled to her opinion, but the numbers speak for themselves,", speaker: { text: "Tom Reyes" } },
    ],
  },
  {
    id: "en-nordwind-forecast",
    language: "en",
    paragraphs: [
      "Shares of Nordwind Motors fell 8% on Wednesday after the carmaker cut its annual profit forecast, citing weaker demand in China and higher costs for its “Volt” battery line.",
      "“We have taken decisive action to protect our margins,” Chief Executive Anna Berg said on a call with analysts. “The second half will be stronger.”",
      "Analysts were not convinced. “It is the third guidance cut in a year, and investors are running out of patience,” said Hannah Cole, an analyst at Bernstein.",
      "The company also said it would delay the launch of its “Aurora” SUV to 2026.",
    ],
    quotes: [
      { paragraph: 1, text: "We have taken decisive action to protect our margins,", speaker: { text: "Anna Berg" } },
      { paragraph: 1, text: "The second half will be stronger.", speaker: { text: "Anna Berg" } },
      { paragraph: 2, text: "It is the third guidance cut in a year, and investors are running out of patience,", speaker: { text: "Hannah Cole" } },
    ],
  },
  {
    id: "en-who-statement",
    language: "en",
    paragraphs: [
      "In a statement released late on Sunday, the World Health Organization said:",
      "\"The risk to the general public remains low. However, we urge countries to strengthen surveillance and share data quickly.\"",
      "The outbreak was first reported in a village near the town of Kasese, according to the Uganda Red Cross.",
    ],
    quotes: [
      { paragraph: 1, text: "The risk to the general public remains low. However, we urge countries to strengthen surveillance and share data quickly.", speaker: { text: "World Health Organization", paragraph: 0 } },
    ],
  },
  {
    id: "en-mount-cook-rescue",
    language: "en",
    paragraphs: [
      "Two climbers were rescued from Mount Cook on Saturday after spending a night in a snow cave, New Zealand police said.",
      "\"We are in contact with the families and will provide more information as soon as we can,\" the spokeswoman told reporters, declining to give further details.",
      "One of the climbers, identified only as Daniel, told the New Zealand Herald: \"We dug in, kept each other talking and waited for the morning.\"",
    ],
    quotes: [
      { paragraph: 1, text: "We are in contact with the families and will provide more information as soon as we can,", speaker: { text: "spokeswoman" } },
      { paragraph: 2, text: "We dug in, kept each other talking and waited for the morning.", speaker: { text: "Daniel" } },
    ],
  },
  {
    id: "en-tbilisi-protest",
    language: "en",
    paragraphs: [
      "Thousands of protesters gathered outside parliament in Tbilisi to oppose the so-called \"foreign agents\" law, which critics compare to Russian legislation.",
      "\"This law is designed to silence independent media and civil society,\" said Nino Beridze, one of the organisers. \"We will stay here until it is withdrawn.\"",
      "The ruling \"Georgian Dream\" party said the bill was needed to make the funding of organisations transparent.",
      "Prime Minister Irakli Kobakhidze told a briefing: \"Nobody is banning anyone. We are simply asking organisations to be open about who funds them.\"",
    ],
    quotes: [
      { paragraph: 1, text: "This law is designed to silence independent media and civil society,", speaker: { text: "Nino Beridze" } },
      { paragraph: 1, text: "We will stay here until it is withdrawn.", speaker: { text: "Nino Beridze" } },
      { paragraph: 3, text: "Nobody is banning anyone. We are simply asking organisations to be open about who funds them.", speaker: { text: "Irakli Kobakhidze" } },
    ],
  },
  {
    id: "en-derby-squad",
    language: "en",
    paragraphs: [
      "\"It's a difficult decision, but the right one,\" said coach Luis Moreno after leaving his star striker out of the squad for Saturday's derby against \"United\".",
      "\"He knows why,\" Moreno added. \"We spoke this morning and that's the end of it.\"",
      "The club's fan group \"Red Army 1899\" criticised the decision on social media.",
    ],
    quotes: [
      { paragraph: 0, text: "It's a difficult decision, but the right one,", speaker: { text: "Luis Moreno" } },
      { paragraph: 1, text: "He knows why,", speaker: { text: "Moreno" } },
      { paragraph: 1, text: "We spoke this morning and that's the end of it.", speaker: { text: "Moreno" } },
    ],
  },
  {
    id: "en-apple-vietnam",
    language: "en",
    paragraphs: [
      "Apple will open its first store in Vietnam next month, the company said on Monday. \"Vietnam is one of our fastest-growing markets, and we're thrilled to welcome customers in person,\" retail chief Deirdre O'Brien said in a statement.",
      "The store, in Ho Chi Minh City's \"Saigon Centre\" mall, will be the company's 540th worldwide.",
    ],
    quotes: [
      { paragraph: 0, text: "Vietnam is one of our fastest-growing markets, and we're thrilled to welcome customers in person,", speaker: { text: "Deirdre O'Brien" } },
    ],
  },
  {
    id: "en-gas-trader",
    language: "en",
    paragraphs: [
      "\"We expect the market to remain tight through the winter,\" a senior trader at a European utility told Reuters, asking not to be named because he was not authorised to speak to the media.",
      "Gas prices at the Dutch TTF hub rose 4% on Tuesday after Norwegian operator Gassco reported an outage at the \"Troll\" field.",
      "\"Any further disruption would push prices sharply higher,\" he said. \"The system has no slack left.\"",
    ],
    quotes: [
      { paragraph: 0, text: "We expect the market to remain tight through the winter,", speaker: { text: "senior trader" } },
      { paragraph: 2, text: "Any further disruption would push prices sharply higher,", speaker: { text: "senior trader", paragraph: 0 } },
      { paragraph: 2, text: "The system has no slack left.", speaker: { text: "senior trader", paragraph: 0 } },
    ],
  },
  {
    id: "en-downing-street",
    language: "en",
    paragraphs: [
      "Prime Minister Keir Starmer's spokesman said the government was \"absolutely committed\" to the deadline.",
      "\"There is no question of delay,\" the spokesman told journalists. Asked about a report in The Times that ministers were divided, he said: \"I wouldn't recognise that characterisation.\"",
    ],
    quotes: [
      { paragraph: 0, text: "absolutely committed", speaker: { text: "spokesman" } },
      { paragraph: 1, text: "There is no question of delay,", speaker: { text: "spokesman" } },
      { paragraph: 1, text: "I wouldn't recognise that characterisation.", speaker: { text: "spokesman" } },
    ],
  },
];
