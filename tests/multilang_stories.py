"""The articles of the synthetic multilingual pages (tests/multilang_pages.py): fictional towns,
people and events, written for newsloom's tests in seven languages (nothing from any publisher).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Story:
    headline: str
    paragraphs: tuple[str, ...]


STORIES: dict[str, tuple[Story, ...]] = {
    "de": (
        Story(
            "Streik legt den Nahverkehr in Lindenau lahm",
            (
                "Im gesamten Stadtgebiet von Lindenau sind am Dienstag keine Busse und Straßenbahnen gefahren. Die Gewerkschaft hatte die Beschäftigten der Verkehrsbetriebe zu einem ganztägigen Warnstreik aufgerufen.",
                "Nach Angaben der Stadtwerke waren rund 80.000 Fahrgäste betroffen. Viele Pendler stiegen auf das Fahrrad um oder bildeten Fahrgemeinschaften, vor den Bahnhöfen bildeten sich schon am frühen Morgen lange Schlangen an den Taxiständen.",
                "„Wir fordern seit Monaten einen fairen Inflationsausgleich“, sagte die Verhandlungsführerin der Gewerkschaft, Petra Hollmann. Die Arbeitgeber hätten bislang kein verbessertes Angebot vorgelegt.",
                "Die Stadtwerke bezeichneten den Streik als unverhältnismäßig. Man sei weiterhin gesprächsbereit und habe für die kommende Woche einen neuen Verhandlungstermin vorgeschlagen.",
                "Auch die Schulen spürten die Folgen.",
                "Mehrere Gymnasien meldeten, dass ein Drittel der Schülerinnen und Schüler zu spät zum Unterricht kam. Die Stadt empfahl Eltern, ihre Kinder nach Möglichkeit zu Fuß oder mit dem Rad zur Schule zu schicken.",
                "Ob es bis Ostern zu weiteren Arbeitsniederlegungen kommt, ist offen. Die nächste Verhandlungsrunde ist für den 21. März angesetzt.",
            ),
        ),
        Story(
            "Stadtrat beschließt neues Radwegenetz für Lindenau",
            (
                "Der Stadtrat von Lindenau hat am Montagabend mit großer Mehrheit ein Netz aus neuen Radwegen beschlossen. Bis 2028 sollen insgesamt 42 Kilometer geschützte Radstreifen entstehen.",
                "Das Vorhaben kostet nach Schätzungen der Verwaltung rund 18 Millionen Euro. Etwa die Hälfte davon soll aus Fördermitteln des Landes kommen.",
                "„Das ist ein guter Tag für alle, die in unserer Stadt sicher unterwegs sein wollen“, sagte Oberbürgermeisterin Katrin Albers nach der Abstimmung.",
                "Kritik kam vom Einzelhandelsverband, der den Wegfall von Parkplätzen in der Innenstadt befürchtet. Die Verwaltung kündigte an, zusätzliche Stellplätze in zwei Parkhäusern am Stadtrand zu schaffen.",
                "Die ersten Abschnitte entlang der Bahnhofstraße sollen bereits im Sommer gebaut werden.",
                "Anwohner können sich ab April in einer Reihe von Bürgerversammlungen über die Pläne für ihr Viertel informieren.",
            ),
        ),
    ),
    "fr": (
        Story(
            "Une tempête prive d'électricité des milliers de foyers à Saint-Aubin",
            (
                "La tempête qui a traversé la région dans la nuit de lundi à mardi a privé d'électricité près de 12 000 foyers dans le secteur de Saint-Aubin-des-Landes. Des rafales ont dépassé les 130 km/h sur le littoral.",
                "Selon le gestionnaire du réseau, plus de deux cents techniciens ont été mobilisés dès l'aube. La moitié des clients devraient retrouver le courant d'ici mercredi soir.",
                "« Nous n'avions pas vu de vent aussi violent depuis des années », a confié Hervé Le Goff, maire d'une commune voisine, qui a ouvert la salle des fêtes aux habitants privés de chauffage.",
                "Plusieurs routes départementales restent coupées en raison d'arbres tombés sur la chaussée. La préfecture demande aux automobilistes de limiter leurs déplacements.",
                "Aucun blessé grave n'est à déplorer.",
                "Les établissements scolaires de trois communes resteront fermés jeudi, le temps de vérifier l'état des toitures et des installations électriques.",
            ),
        ),
        Story(
            "La ville ouvre une nouvelle médiathèque dans l'ancienne gare",
            (
                "Après deux ans de travaux, la nouvelle médiathèque de Saint-Aubin-des-Landes a ouvert ses portes samedi dans les murs de l'ancienne gare de marchandises.",
                "Le bâtiment de 2 400 mètres carrés accueille près de 60 000 livres, un espace consacré aux jeux vidéo et un studio d'enregistrement ouvert aux associations.",
                "« Nous voulions un lieu où chacun se sente chez soi, des tout-petits aux lycéens », a expliqué la directrice, Sophie Marchand, lors de l'inauguration.",
                "Le projet a coûté 9,5 millions d'euros, financés pour un tiers par l'État et la région. L'opposition municipale avait dénoncé un budget trop élevé.",
                "Les horaires ont été élargis : la médiathèque sera ouverte le dimanche après-midi, une première dans le département.",
                "L'inscription reste gratuite pour les habitants de la commune et des villages voisins.",
            ),
        ),
    ),
    "es": (
        Story(
            "Un incendio forestal obliga a desalojar dos pueblos cerca de Valdemora",
            (
                "Un incendio forestal declarado el martes por la tarde en la sierra de Valdemora obligó a desalojar a unos 700 vecinos de dos pueblos cercanos. El fuego ha calcinado ya más de 1.500 hectáreas.",
                "Según los servicios de emergencia, trabajan en la zona cuatro hidroaviones, doce helicópteros y más de trescientos efectivos de tierra. El viento de poniente dificulta las labores de extinción.",
                "«La prioridad absoluta es la seguridad de las personas», afirmó el consejero de Medio Ambiente, Javier Ortega, en una rueda de prensa celebrada en el puesto de mando.",
                "Los vecinos desalojados pasaron la noche en un pabellón deportivo habilitado por el ayuntamiento, donde Cruz Roja repartió mantas y comida caliente.",
                "La carretera comarcal permanece cortada.",
                "La Guardia Civil investiga las causas del incendio y no descarta que fuera provocado. Los técnicos esperan que el descenso de las temperaturas permita estabilizarlo en las próximas horas.",
            ),
        ),
        Story(
            "El ayuntamiento aprueba un plan de vivienda para jóvenes",
            (
                "El pleno del Ayuntamiento de Valdemora aprobó el lunes un plan para construir 450 viviendas de alquiler asequible destinadas a menores de 35 años.",
                "Los pisos se levantarán en terrenos municipales del barrio de San Lorenzo y el alquiler no podrá superar el 30 por ciento de los ingresos de cada inquilino.",
                "«Queremos que los jóvenes no tengan que marcharse del pueblo en el que han crecido», dijo la alcaldesa, Carmen Ruiz, durante el debate.",
                "La oposición votó en contra al considerar que el plan llega tarde y que los plazos de construcción son demasiado optimistas.",
                "Las primeras llaves se entregarán, según el calendario previsto, a finales de 2026.",
                "Los interesados podrán presentar su solicitud a partir de septiembre en la oficina municipal de vivienda o a través de la sede electrónica.",
            ),
        ),
    ),
    "pt": (
        Story(
            "Chuva forte deixa bairros alagados em São Bento do Vale",
            (
                "A chuva forte que atingiu São Bento do Vale na noite de segunda-feira deixou ao menos seis bairros alagados e obrigou cerca de 200 famílias a deixar suas casas.",
                "Segundo a Defesa Civil, choveu em poucas horas o volume esperado para todo o mês de março. O rio que corta a cidade transbordou em dois pontos.",
                "“Nunca vi a água subir tão rápido, em meia hora estava na altura da janela”, contou a comerciante Luciana Ferreira, que perdeu parte do estoque da sua loja.",
                "A prefeitura abriu três escolas municipais para receber as famílias desalojadas e decretou situação de emergência por 90 dias.",
                "Não houve registro de mortos.",
                "A previsão é de mais chuva até o fim da semana, e a Defesa Civil pede que os moradores de áreas de risco fiquem atentos aos alertas enviados por mensagem de celular.",
            ),
        ),
        Story(
            "Prefeitura anuncia reforma de vinte escolas municipais",
            (
                "A Prefeitura de São Bento do Vale anunciou nesta terça-feira um programa de reforma de vinte escolas da rede municipal, com investimento de R$ 35 milhões.",
                "As obras incluem a troca de telhados, a instalação de ventiladores e a construção de quadras cobertas em dez unidades.",
                "“Nossos alunos merecem estudar em prédios seguros e confortáveis”, afirmou o secretário de Educação, Ricardo Mendes, durante a apresentação do projeto.",
                "Parte dos recursos virá de um financiamento federal já aprovado. O restante sairá do orçamento próprio do município.",
                "As primeiras obras começam nas férias de julho, para não atrapalhar as aulas.",
                "O sindicato dos professores elogiou a iniciativa, mas cobrou a contratação de mais profissionais para as escolas da zona rural.",
            ),
        ),
    ),
    "it": (
        Story(
            "Frana sulla provinciale, isolata la frazione di Roccaverde",
            (
                "Una frana si è staccata martedì mattina dal versante sopra la strada provinciale, isolando la frazione di Roccaverde, dove vivono circa 300 persone.",
                "Secondo i vigili del fuoco, sulla carreggiata sono caduti oltre mille metri cubi di terra e rocce. Nessuna auto si trovava in transito al momento del crollo.",
                "«Abbiamo sentito un boato e poi la polvere ha coperto tutto», ha raccontato Giuseppe Ferraro, che gestisce l'unico bar del paese.",
                "Il sindaco ha firmato un'ordinanza di chiusura della strada e ha attivato un servizio di navetta lungo una vecchia mulattiera per garantire i collegamenti con il capoluogo.",
                "Le scuole resteranno chiuse fino a venerdì.",
                "I tecnici della Provincia stimano che serviranno almeno tre settimane per mettere in sicurezza il versante e riaprire la strada al traffico.",
            ),
        ),
        Story(
            "Il comune inaugura il nuovo parco urbano sull'ex area industriale",
            (
                "È stato inaugurato sabato il nuovo parco urbano di Roccaverde, nato sull'area di un'ex fabbrica di laterizi chiusa da più di vent'anni.",
                "Il parco si estende su otto ettari e comprende un laghetto, un percorso ciclabile di tre chilometri e un'area giochi accessibile ai bambini con disabilità.",
                "«Restituiamo alla città uno spazio che per decenni è stato chiuso e abbandonato», ha detto l'assessora all'Ambiente, Francesca Galli.",
                "L'intervento è costato 6,2 milioni di euro, in gran parte finanziati con fondi europei per la rigenerazione urbana.",
                "Nei prossimi mesi saranno piantati altri mille alberi.",
                "Il parco sarà aperto tutti i giorni dalle 7 alle 22, e nei fine settimana ospiterà un mercato di prodotti agricoli locali.",
            ),
        ),
    ),
    "ru": (
        Story(
            "В Северогорске из-за аварии на теплотрассе без отопления остались десятки домов",
            (
                "В Северогорске во вторник утром произошла авария на магистральной теплотрассе. Без отопления и горячей воды остались 64 жилых дома, две школы и детский сад.",
                "По данным городской администрации, трубу прорвало на участке, который планировали заменить летом. На месте работают шесть аварийных бригад.",
                "«Мы рассчитываем восстановить подачу тепла к вечеру среды», сообщил журналистам глава городской теплосети Андрей Волков.",
                "Температура воздуха в городе ночью опускалась до минус восемнадцати градусов. Жителям пострадавших домов предложили временно переехать в пункты обогрева.",
                "Занятия в школах отменены.",
                "Прокуратура начала проверку соблюдения сроков ремонта теплосетей. Ранее жители неоднократно жаловались на состояние труб в этом районе.",
            ),
        ),
        Story(
            "В Северогорске открылась новая городская библиотека",
            (
                "В Северогорске в субботу открылась новая центральная библиотека. Она разместилась в здании бывшего кинотеатра, которое реконструировали почти три года.",
                "Фонд библиотеки насчитывает более 80 тысяч книг. Кроме читальных залов, в здании есть лекторий, детский клуб и мастерская для занятий робототехникой.",
                "«Мы хотели, чтобы библиотека стала местом встреч для всего города», рассказала директор учреждения Елена Морозова.",
                "Реконструкция обошлась бюджету в 240 миллионов рублей. Часть средств выделили в рамках национального проекта «Культура».",
                "Записаться можно бесплатно.",
                "В первые выходные библиотеку посетили более двух тысяч человек, а в детском клубе пришлось ввести запись по времени.",
            ),
        ),
    ),
    "en": (
        Story(
            "Strike halts buses and trams across Millbrook",
            (
                "No buses or trams ran anywhere in Millbrook on Tuesday after the transit workers' union called a one-day strike over pay.",
                "The city's transport authority said about 80,000 passengers were affected. Many commuters switched to bicycles or shared rides, and long queues formed at taxi ranks outside the main station early in the morning.",
                "\u201cWe have been asking for a fair cost-of-living raise for months,\u201d said the union's lead negotiator, Patricia Holloway. The employers had not put forward a better offer, she said.",
                "The transport authority called the strike disproportionate. It said it remained open to talks and had proposed a new round of negotiations for next week.",
                "Schools felt the effects too.",
                "Several high schools reported that a third of their pupils arrived late for lessons. The city advised parents to let their children walk or cycle to school where possible.",
                "Whether there will be more walkouts before Easter is unclear. The next round of talks is set for March 21.",
            ),
        ),
        Story(
            "Council approves new cycle network for Millbrook",
            (
                "Millbrook city council voted by a large majority on Monday evening to build a network of new cycle lanes. A total of 42 kilometres of protected lanes are to be built by 2028.",
                "The plan will cost about 18 million pounds, according to council estimates. Around half of that is expected to come from regional grants.",
                "\u201cThis is a good day for everyone who wants to get around our city safely,\u201d Mayor Katherine Albury said after the vote.",
                "Criticism came from the retailers' association, which fears the loss of parking spaces in the town centre. The council said it would add spaces in two car parks on the edge of town.",
                "The first sections along Station Road are due to be built this summer.",
                "Residents can learn about the plans for their neighbourhood at a series of public meetings starting in April.",
            ),
        ),
    ),
}
