"""Synthetic news pages in seven languages, generated at test time, with known body and chrome.

Every word here was written for newsloom's tests: fictional towns, people and events, and page
chrome worded the way sites in each language commonly word it (menus, cookie banners, bylines,
date lines, share rows, "read also" rails, ad markers, calls to action, footers). Nothing is
copied from any publisher. English is included as a control with the same layouts, so that a
gap between English and another language is the language's, not the layout's.

Each ``SynthPage`` is rendered twice from one description: as a crawler's text capture (the seed
format, one visible line a line, blank lines around paragraphs in some layouts) and as HTML (nav,
article header, body paragraphs with inserted "read also" links and ad slots, an aside rail, a
footer, a cookie banner). The gold body is the article's paragraphs; the headline is not body.

Layouts vary with a seeded ``random.Random``: which chrome appears, where, how many teasers,
whether paragraphs are spaced, which date-line form. ``pages(variants)`` is deterministic.

This is a check that the non-English handling works on pages nobody tuned on, not an estimate
of quality on real sites: the chrome was written by the same hand as the vocabularies.
"""

from __future__ import annotations

import html
import random
from dataclasses import dataclass

#: The day every synthetic article is published (the date lines spell it in each language).
PUBLISHED = "2024-03-12"
#: The crawl date of the captures (the day after).
CRAWLED = "2024-03-13"


@dataclass(frozen=True, slots=True)
class Story:
    headline: str
    paragraphs: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Chrome:
    """One language's page furniture. Lists hold alternatives or items of one widget."""

    site: str
    skip: str
    menu: tuple[str, ...]
    cookie: str
    cookie_buttons: tuple[str, ...]
    bylines: tuple[str, ...]
    stamps: tuple[str, ...]
    share: tuple[str, ...]
    ads: tuple[str, ...]
    captions: tuple[str, ...]
    read_also: tuple[str, ...]
    rail_headings: tuple[str, ...]
    teasers: tuple[str, ...]
    blurbs: tuple[str, ...]
    reltimes: tuple[str, ...]
    sign_offs: tuple[str, ...]
    comments: tuple[str, ...]
    footer: tuple[str, ...]
    copyright: str


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

CHROME: dict[str, Chrome] = {
    "de": Chrome(
        site="Lindenauer Anzeiger",
        skip="Zum Inhalt springen",
        menu=(
            "Startseite",
            "Lokales",
            "Politik",
            "Wirtschaft",
            "Sport",
            "Kultur",
            "Panorama",
            "Wissen",
            "Meinung",
            "E-Paper",
        ),
        cookie="Wir verwenden Cookies und ähnliche Technologien, um Inhalte zu personalisieren und die Zugriffe auf unsere Website zu analysieren. Mit einem Klick auf „Alle akzeptieren“ stimmen Sie der Verarbeitung zu.",
        cookie_buttons=("Alle akzeptieren", "Einstellungen"),
        bylines=("Von Anna Schmidt", "Von Jonas Weber und Lea Krüger", "Autor: Martin Vogt"),
        stamps=(
            "12. März 2024, 14:30 Uhr",
            "Veröffentlicht am 12.03.2024 um 14:30 Uhr",
            "Stand: 12.03.2024, 14:30 Uhr",
            "Dienstag, 12. März 2024",
            "12.03.2024 | 14:30 Uhr",
        ),
        share=("Artikel teilen", "Facebook", "WhatsApp", "E-Mail", "Drucken"),
        ads=("Anzeige", "Werbung"),
        captions=(
            "Leere Haltestellen am Dienstagmorgen. Foto: Jan Peters",
            "Die Pläne der Stadt sehen breite Radstreifen vor. Bild: Stadt Lindenau",
        ),
        read_also=("Lesen Sie auch:", "Auch interessant:", "Mehr zum Thema:"),
        rail_headings=(
            "Meistgelesen",
            "Das könnte Sie auch interessieren",
            "Weitere Nachrichten aus Lindenau",
            "Neueste Artikel",
        ),
        teasers=(
            "Neue Kita im Westend öffnet nach den Sommerferien",
            "Polizei sucht Zeugen nach Einbruch in Apotheke",
            "Hallenbad bleibt wegen Sanierung bis Herbst geschlossen",
            "Handballerinnen gewinnen Derby deutlich",
            "Wochenmarkt zieht auf den Rathausplatz um",
        ),
        blurbs=(
            "Die Eltern hatten lange auf die zusätzlichen Plätze gewartet, nun steht der Termin fest …",
            "Nach dem Einbruch in der Nacht zum Sonntag bittet die Polizei um Hinweise aus der Bevölkerung.",
        ),
        reltimes=("vor 2 Stunden", "vor 35 Minuten", "gestern", "vor 3 Tagen"),
        sign_offs=(
            "Folgen Sie uns auf Facebook und Instagram, um keine Nachrichten aus Lindenau zu verpassen.",
            "Abonnieren Sie unseren kostenlosen Newsletter und erhalten Sie die wichtigsten Nachrichten jeden Morgen.",
            "Sie haben einen Hinweis für die Redaktion? Schreiben Sie uns an redaktion@lindenauer-anzeiger.example.",
        ),
        comments=("Kommentare", "Kommentar schreiben", "Melden Sie sich an, um zu kommentieren."),
        footer=("Impressum", "Datenschutz", "Kontakt", "AGB", "Barrierefreiheit"),
        copyright="© 2024 Lindenauer Anzeiger GmbH. Alle Rechte vorbehalten.",
    ),
    "fr": Chrome(
        site="L'Écho de Saint-Aubin",
        skip="Aller au contenu principal",
        menu=(
            "Accueil",
            "Actualités",
            "Région",
            "Politique",
            "Économie",
            "Sports",
            "Culture",
            "Faits divers",
            "Abonnez-vous",
        ),
        cookie="Nous utilisons des cookies pour améliorer votre expérience, mesurer l'audience et vous proposer des publicités adaptées. En poursuivant votre navigation, vous acceptez l'utilisation de cookies.",
        cookie_buttons=("Tout accepter", "Paramétrer"),
        bylines=(
            "Par Claire Dubois",
            "Par Julien Moreau et Camille Petit",
            "Claire Dubois, avec AFP",
        ),
        stamps=(
            "Publié le 12 mars 2024 à 14h30",
            "Le 12/03/2024 à 14:30",
            "mardi 12 mars 2024",
            "Publié le 12/03/2024 à 14h30, mis à jour à 16h05",
            "12 mars 2024 à 14h30",
        ),
        share=("Partager", "Facebook", "Twitter", "Envoyer par e-mail", "Copier le lien"),
        ads=("Publicité", "Contenu sponsorisé"),
        captions=(
            "Un arbre tombé sur la route départementale, mardi matin. Photo : Yann Kerbrat",
            "La façade de l'ancienne gare, rénovée. (Photo d'illustration)",
        ),
        read_also=("À lire aussi :", "Lire aussi :", "Sur le même sujet :"),
        rail_headings=(
            "Les plus lus",
            "À lire aussi",
            "Dans la même rubrique",
            "Nos derniers articles",
        ),
        teasers=(
            "Le marché de Noël attire un nombre record de visiteurs",
            "Un nouveau médecin s'installe au centre-bourg",
            "Football : le club local se qualifie pour les quarts de finale",
            "La piscine municipale fermée pour travaux jusqu'en juin",
            "Un automobiliste flashé à 180 km/h sur la rocade",
        ),
        blurbs=(
            "Les exposants se disent satisfaits d'une édition marquée par une fréquentation exceptionnelle…",
            "Après des mois sans généraliste, les habitants vont enfin pouvoir consulter près de chez eux.",
        ),
        reltimes=("il y a 2 heures", "il y a 35 min", "hier", "il y a 3 jours"),
        sign_offs=(
            "Suivez-nous sur Facebook et Instagram pour ne rien manquer de l'actualité de votre région.",
            "Inscrivez-vous à notre newsletter pour recevoir chaque matin l'essentiel de l'info.",
            "Abonnez-vous pour lire la suite et soutenir l'information locale.",
        ),
        comments=("Commentaires", "Réagir à cet article", "Connectez-vous pour commenter."),
        footer=(
            "Mentions légales",
            "Politique de confidentialité",
            "Nous contacter",
            "Plan du site",
            "Gestion des cookies",
        ),
        copyright="© L'Écho de Saint-Aubin 2024 - Tous droits réservés",
    ),
    "es": Chrome(
        site="Diario de Valdemora",
        skip="Saltar al contenido",
        menu=(
            "Portada",
            "Local",
            "España",
            "Internacional",
            "Economía",
            "Deportes",
            "Cultura",
            "Sociedad",
            "Opinión",
            "Suscríbete",
        ),
        cookie="Utilizamos cookies propias y de terceros para mejorar nuestros servicios y mostrarle publicidad relacionada con sus preferencias. Si continúa navegando, consideramos que acepta su uso.",
        cookie_buttons=("Aceptar todas", "Configurar"),
        bylines=("Por María López", "Por Daniel Herrera y Lucía Navarro", "Redacción / EFE"),
        stamps=(
            "12 de marzo de 2024, 14:30",
            "Publicado el 12 de marzo de 2024 a las 14:30",
            "Actualizado: 12/03/2024 16:05",
            "martes, 12 de marzo de 2024",
            "12/03/2024 - 14:30 h",
        ),
        share=("Compartir", "Facebook", "Twitter", "WhatsApp", "Enviar por correo"),
        ads=("Publicidad", "Contenido patrocinado"),
        captions=(
            "Columnas de humo sobre la sierra, el martes por la tarde. Foto: Pablo Sanz",
            "Terrenos del barrio de San Lorenzo donde se levantarán los pisos. (Foto: Ayuntamiento)",
        ),
        read_also=("Te puede interesar:", "Lee también:", "Noticia relacionada:"),
        rail_headings=(
            "Lo más leído",
            "Noticias relacionadas",
            "Te puede interesar",
            "Últimas noticias",
        ),
        teasers=(
            "Reabre el mercado de abastos tras dos años de obras",
            "Detenido un hombre por robar en varias farmacias del centro",
            "El equipo local asciende a Segunda División tres décadas después",
            "La feria del libro bate récord de visitantes",
            "Cortes de agua este jueves en el barrio de la Estación",
        ),
        blurbs=(
            "Los comerciantes celebran la vuelta a un edificio que ha recuperado su aspecto original…",
            "La Policía Nacional lo sorprendió cuando intentaba forzar la puerta de un establecimiento.",
        ),
        reltimes=("hace 2 horas", "hace 35 minutos", "ayer", "hace 3 días"),
        sign_offs=(
            "Síguenos en Facebook, Instagram y X para estar al día de la actualidad de Valdemora.",
            "Suscríbete a nuestro boletín y recibe cada mañana las noticias más importantes.",
            "¿Tienes una denuncia o una historia que contar? Escríbenos a redaccion@diariodevaldemora.example.",
        ),
        comments=("Comentarios", "Deja tu comentario", "Inicia sesión para comentar."),
        footer=(
            "Aviso legal",
            "Política de privacidad",
            "Política de cookies",
            "Contacto",
            "Publicidad",
        ),
        copyright="© 2024 Diario de Valdemora. Todos los derechos reservados.",
    ),
    "pt": Chrome(
        site="Jornal do Vale",
        skip="Pular para o conteúdo",
        menu=(
            "Início",
            "Cidade",
            "Política",
            "Economia",
            "Esportes",
            "Cultura",
            "Polícia",
            "Opinião",
            "Assine",
        ),
        cookie="Utilizamos cookies para melhorar a sua experiência em nosso site. Ao continuar navegando, você concorda com a nossa Política de Privacidade.",
        cookie_buttons=("Aceitar", "Configurações"),
        bylines=("Por João Almeida", "Por Fernanda Costa e Paulo Ribeiro", "Da Redação"),
        stamps=(
            "12 de março de 2024, 14h30",
            "Publicado em 12/03/2024 - 14:30",
            "Atualizado em 12/03/2024 às 16h05",
            "terça-feira, 12 de março de 2024",
            "12/03/2024 14h30",
        ),
        share=("Compartilhe", "Facebook", "Twitter", "WhatsApp", "Copiar link"),
        ads=("Publicidade", "Continua depois da publicidade"),
        captions=(
            "Rua alagada no bairro Jardim das Flores na manhã desta terça. Foto: Marcos Lima/Jornal do Vale",
            "Escola municipal que receberá obras. (Foto: Divulgação/Prefeitura)",
        ),
        read_also=("Leia também:", "Veja também:", "Leia mais:"),
        rail_headings=(
            "Mais lidas",
            "Notícias relacionadas",
            "Você pode gostar",
            "Últimas notícias",
        ),
        teasers=(
            "Feira de artesanato reúne mais de cem expositores no fim de semana",
            "Polícia prende suspeito de furtar motos no centro",
            "Time da cidade vence clássico e assume a liderança",
            "Vacinação contra a gripe começa na próxima segunda",
            "Obra interdita trecho da avenida principal por dez dias",
        ),
        blurbs=(
            "A feira acontece na praça central e tem entrada gratuita para toda a família…",
            "O homem foi abordado por uma equipe da Polícia Militar durante patrulhamento de rotina.",
        ),
        reltimes=("há 2 horas", "há 35 minutos", "ontem", "há 3 dias"),
        sign_offs=(
            "Siga o Jornal do Vale no Instagram e no Facebook e fique por dentro das notícias da região.",
            "Receba as principais notícias no seu WhatsApp: clique aqui e entre no nosso canal.",
            "Assine a nossa newsletter e receba as notícias do dia no seu e-mail.",
        ),
        comments=("Comentários", "Deixe seu comentário", "Faça login para comentar."),
        footer=(
            "Quem somos",
            "Fale conosco",
            "Política de privacidade",
            "Termos de uso",
            "Anuncie",
        ),
        copyright="© 2024 Jornal do Vale. Todos os direitos reservados.",
    ),
    "it": Chrome(
        site="Gazzetta di Roccaverde",
        skip="Vai al contenuto",
        menu=(
            "Home",
            "Cronaca",
            "Politica",
            "Economia",
            "Sport",
            "Cultura",
            "Spettacoli",
            "Provincia",
            "Abbonati",
        ),
        cookie="Questo sito utilizza cookie tecnici e di profilazione, propri e di terze parti, per migliorare la tua esperienza di navigazione. Chiudendo questo banner acconsenti all'uso dei cookie.",
        cookie_buttons=("Accetta tutti", "Personalizza"),
        bylines=("di Giulia Bianchi", "Di Marco Colombo e Sara Conti", "Redazione"),
        stamps=(
            "12 marzo 2024, 14:30",
            "Pubblicato il 12 marzo 2024 alle 14:30",
            "Aggiornato il 12/03/2024 alle 16:05",
            "martedì 12 marzo 2024",
            "12/03/2024 ore 14:30",
        ),
        share=("Condividi", "Facebook", "Twitter", "WhatsApp", "Email"),
        ads=("Pubblicità", "Contenuto sponsorizzato"),
        captions=(
            "La strada provinciale invasa dai detriti. Foto di Luca Marini",
            "L'ingresso del nuovo parco (foto Comune di Roccaverde)",
        ),
        read_also=("Leggi anche:", "Potrebbe interessarti:", "Vedi anche:"),
        rail_headings=(
            "I più letti",
            "Leggi anche",
            "Potrebbe interessarti anche",
            "Ultime notizie",
        ),
        teasers=(
            "Riapre la biblioteca comunale dopo i lavori di restauro",
            "Furto in una gioielleria del centro, indagini in corso",
            "Calcio, la squadra di casa vince il derby e sale al secondo posto",
            "Sagra del fungo, attesi ventimila visitatori",
            "Lavori sulla linea ferroviaria, treni sostituiti da bus",
        ),
        blurbs=(
            "La struttura torna a disposizione degli studenti con nuovi orari e sale studio…",
            "I ladri sono entrati dal retro del negozio poco dopo la mezzanotte.",
        ),
        reltimes=("2 ore fa", "35 minuti fa", "ieri", "3 giorni fa"),
        sign_offs=(
            "Seguici su Facebook e Instagram per restare aggiornato sulle notizie del territorio.",
            "Iscriviti alla nostra newsletter per ricevere ogni mattina le notizie più importanti.",
            "Hai una segnalazione? Scrivi alla redazione: redazione@gazzettadiroccaverde.example.",
        ),
        comments=("Commenti", "Lascia un commento", "Accedi per commentare."),
        footer=("Chi siamo", "Contatti", "Privacy policy", "Cookie policy", "Pubblicità"),
        copyright="© 2024 Gazzetta di Roccaverde - Tutti i diritti riservati. P.IVA 00000000000",
    ),
    "ru": Chrome(
        site="Северогорский вестник",
        skip="Перейти к содержимому",
        menu=(
            "Главная",
            "Новости",
            "Город",
            "Политика",
            "Экономика",
            "Общество",
            "Спорт",
            "Культура",
            "Происшествия",
        ),
        cookie="Мы используем файлы cookie, чтобы сайт работал лучше. Продолжая пользоваться сайтом, вы соглашаетесь с использованием файлов cookie.",
        cookie_buttons=("Принять", "Подробнее"),
        bylines=(
            "Автор: Ирина Соколова",
            "Текст: Дмитрий Лебедев",
            "Ирина Соколова, Дмитрий Лебедев",
        ),
        stamps=(
            "12 марта 2024, 14:30",
            "Опубликовано: 12.03.2024 14:30",
            "Обновлено 12.03.2024 в 16:05",
            "вторник, 12 марта 2024",
            "12.03.2024, 14:30",
        ),
        share=("Поделиться", "ВКонтакте", "Одноклассники", "Telegram", "WhatsApp"),
        ads=("Реклама", "Партнерский материал"),
        captions=(
            "Аварийные бригады на месте прорыва трубы. Фото: Сергей Иванов",
            "Читальный зал новой библиотеки. Фото пресс-службы администрации",
        ),
        read_also=("Читайте также:", "По теме:", "Смотрите также:"),
        rail_headings=("Самое читаемое", "Читайте также", "Новости по теме", "Последние новости"),
        teasers=(
            "На Ленина закроют движение из-за ремонта моста",
            "Полиция задержала подозреваемого в краже из магазина",
            "Хоккеисты «Севера» вышли в полуфинал",
            "В городском парке появится новый каток",
            "Автобус № 12 изменит маршрут с понедельника",
        ),
        blurbs=(
            "Ограничения продлятся до конца месяца, водителям советуют заранее планировать объезд…",
            "Мужчина пытался вынести из торгового зала несколько бутылок дорогого алкоголя.",
        ),
        reltimes=("2 часа назад", "35 минут назад", "вчера", "3 дня назад"),
        sign_offs=(
            "Подписывайтесь на наш канал в Telegram, чтобы первыми узнавать главные новости Северогорска.",
            "Следите за новостями в нашей группе ВКонтакте.",
            "Если вы стали свидетелем происшествия, пишите нам на почту редакции: news@severogorsk.example.",
        ),
        comments=("Комментарии", "Оставить комментарий", "Войдите, чтобы оставить комментарий."),
        footer=(
            "О редакции",
            "Контакты",
            "Реклама на сайте",
            "Политика конфиденциальности",
            "Пользовательское соглашение",
        ),
        copyright="© 2024 Северогорский вестник. Все права защищены. 18+",
    ),
    "en": Chrome(
        site="The Millbrook Courier",
        skip="Skip to main content",
        menu=(
            "Home",
            "Local",
            "Politics",
            "Business",
            "Sport",
            "Culture",
            "Opinion",
            "Obituaries",
            "Subscribe",
        ),
        cookie="We use cookies and similar technologies to personalise content and analyse traffic to our website. By clicking Accept all you agree to this processing.",
        cookie_buttons=("Accept all", "Settings"),
        bylines=("By Anna Smith", "By Jonah Webb and Leah Kramer", "Martin Vaughan, Staff Writer"),
        stamps=(
            "March 12, 2024, 2:30 p.m.",
            "Published March 12, 2024 at 2:30 PM",
            "Updated: 12 March 2024 14:30",
            "Tuesday, March 12, 2024",
            "03/12/2024 | 2:30 PM",
        ),
        share=("Share this article", "Facebook", "WhatsApp", "Email", "Print"),
        ads=("Advertisement", "Sponsored"),
        captions=(
            "Empty stops on Tuesday morning. Photo: Jan Peters",
            "The city's plans include wide cycle lanes. Image: Millbrook Council",
        ),
        read_also=("Read also:", "Related:", "More on this:"),
        rail_headings=("Most read", "You may also like", "More news from Millbrook", "Latest"),
        teasers=(
            "New nursery in the West End opens after the summer",
            "Police appeal for witnesses after pharmacy break-in",
            "Swimming pool to stay closed for repairs until autumn",
            "Women's handball side wins derby comfortably",
            "Weekly market moves to Town Hall Square",
        ),
        blurbs=(
            "Parents had waited a long time for the extra places, and now the date has been set …",
            "After the break-in on Saturday night, police are asking the public for information.",
        ),
        reltimes=("2 hours ago", "35 minutes ago", "yesterday", "3 days ago"),
        sign_offs=(
            "Follow us on Facebook and Instagram so you never miss news from Millbrook.",
            "Sign up for our free newsletter and get the top stories every morning.",
            "Have a tip for the newsroom? Email us at news@millbrookcourier.example.",
        ),
        comments=("Comments", "Leave a comment", "Log in to comment."),
        footer=("Imprint", "Privacy", "Contact", "Terms", "Accessibility"),
        copyright="© 2024 Millbrook Courier Ltd. All rights reserved.",
    ),
}

LANGUAGES = tuple(STORIES)


@dataclass(frozen=True, slots=True)
class SynthPage:
    id: str
    language: str
    headline: str
    body: str  # the gold: the article's paragraphs, blank line between
    capture: str  # the seed format: " date YYYY-MM-DD " + the page's lines
    html: str
    chrome_lines: tuple[str, ...]  # every chrome line the capture shows (for precision checks)


@dataclass(slots=True)
class _Layout:
    """The page as blocks in order: ("chrome", lines) or ("body", paragraph)."""

    head: list[str]
    cookie: list[str]  # the banner and its buttons, or nothing
    header: list[str]
    body: list[tuple[str, str]]  # (kind, text): kind "p" (gold), or a chrome kind
    after: list[str]
    rails: list[tuple[str, list[str]]]  # heading, lines (titles, times, blurbs)
    foot: list[str]
    spaced: bool


def pages(variants: int = 3, seed: int = 17) -> list[SynthPage]:
    """``variants`` layouts of every story in every language (deterministic for a seed)."""
    out: list[SynthPage] = []
    for language in LANGUAGES:
        for s, story in enumerate(STORIES[language]):
            for v in range(variants):
                rng = random.Random(f"{seed}:{language}:{s}:{v}")
                layout = _layout(CHROME[language], story, rng, v)
                out.append(_render(f"{language}-{s}-{v}", language, story, layout))
    return out


def _layout(chrome: Chrome, story: Story, rng: random.Random, variant: int) -> _Layout:
    head = [chrome.skip] if rng.random() < 0.6 else []
    head += [chrome.site, *rng.sample(chrome.menu, rng.randint(5, len(chrome.menu)))]
    cookie = [chrome.cookie, *chrome.cookie_buttons] if rng.random() < 0.5 else []
    header = []
    if rng.random() < 0.5:
        header.append(rng.choice(chrome.menu[1:6]))  # the section label
    header.append("\x00headline")  # where the headline goes
    stamp = chrome.stamps[variant % len(chrome.stamps)]
    byline = rng.choice(chrome.bylines)
    header += [byline, stamp] if rng.random() < 0.5 else [stamp, byline]
    if rng.random() < 0.6:
        header += chrome.share[: rng.randint(2, len(chrome.share))]
    if rng.random() < 0.5:
        header.append(rng.choice(chrome.captions))
    body: list[tuple[str, str]] = [("p", p) for p in story.paragraphs]
    for _ in range(rng.randint(1, 3)):  # inserts between paragraphs
        at = rng.randint(1, len(body) - 1)
        body.insert(at, _insert(chrome, rng))
    after = [rng.choice(chrome.sign_offs)] if rng.random() < 0.8 else []
    if rng.random() < 0.5:
        after += chrome.share[:3]
    rails = [_rail(chrome, rng, h) for h in rng.sample(chrome.rail_headings, rng.randint(1, 2))]
    foot = [*chrome.comments[: rng.randint(1, 3)], *chrome.footer, chrome.copyright]
    return _Layout(head, cookie, header, body, after, rails, foot, spaced=rng.random() < 0.5)


def _insert(chrome: Chrome, rng: random.Random) -> tuple[str, str]:
    kind = rng.choice(("read-also", "ad", "caption"))
    if kind == "read-also":
        return kind, f"{rng.choice(chrome.read_also)} {rng.choice(chrome.teasers)}"
    if kind == "ad":
        return kind, rng.choice(chrome.ads)
    return kind, rng.choice(chrome.captions)


def _rail(chrome: Chrome, rng: random.Random, heading: str) -> tuple[str, list[str]]:
    lines: list[str] = []
    with_blurbs = rng.random() < 0.4
    for title in rng.sample(chrome.teasers, rng.randint(3, len(chrome.teasers))):
        lines.append(title)
        if with_blurbs:
            lines.append(rng.choice(chrome.blurbs))
        if rng.random() < 0.7:
            lines.append(rng.choice(chrome.reltimes))
    return heading, lines


def _render(key: str, language: str, story: Story, layout: _Layout) -> SynthPage:
    body = "\n\n".join(story.paragraphs)
    lines, chrome_lines = _capture_lines(story, layout)
    capture = f" date {CRAWLED} " + "\n".join(lines) + "\n"
    return SynthPage(
        id=f"synth-{key}",
        language=language,
        headline=story.headline,
        body=body,
        capture=capture,
        html=_html(language, story, layout),
        chrome_lines=tuple(chrome_lines),
    )


def _capture_lines(story: Story, layout: _Layout) -> tuple[list[str], list[str]]:
    """The capture's lines (blank ones included) and the chrome among them."""
    out: list[str] = []
    chrome: list[str] = []

    def add(text: str, gold: bool = False) -> None:
        if layout.spaced and gold and out and out[-1] != "":
            out.append("")
        out.append(text)
        if layout.spaced and gold:
            out.append("")
        if not gold:
            chrome.append(text)

    for text in [*layout.head, *layout.cookie, *layout.header]:
        if text == "\x00headline":
            out.append(story.headline)
        else:
            add(text)
    for kind, text in layout.body:
        add(text, gold=kind == "p")
    for text in layout.after:
        add(text)
    for heading, items in layout.rails:
        add(heading)
        for text in items:
            add(text)
    for text in layout.foot:
        add(text)
    return out, chrome


def _html(language: str, story: Story, layout: _Layout) -> str:
    e = html.escape
    chrome = CHROME[language]
    nav = "".join(f'<li><a href="/{i}">{e(t)}</a></li>' for i, t in enumerate(layout.head))
    cookie = ""
    if layout.cookie:
        buttons = "".join(f"<button>{e(t)}</button>" for t in layout.cookie[1:])
        cookie = f'<div class="consent-banner"><p>{e(layout.cookie[0])}</p>{buttons}</div>'
    header: list[str] = []
    for text in layout.header:
        if text == "\x00headline":
            header.append(f"<h1>{e(story.headline)}</h1>")
        else:
            header.append(f'<div class="meta">{e(text)}</div>')
    body: list[str] = []
    for kind, text in layout.body:
        if kind == "p":
            body.append(f"<p>{e(text)}</p>")
        elif kind == "read-also":
            label, _, title = text.rpartition(":")
            body.append(
                f'<p><strong>{e(label)}:</strong> <a href="/related">{e(title.strip())}</a></p>'
            )
        elif kind == "ad":
            body.append(f'<div class="ad-slot"><span>{e(text)}</span></div>')
        else:
            body.append(
                f'<figure><img src="/pic.jpg" alt=""><figcaption>{e(text)}</figcaption></figure>'
            )
    body += [f"<p>{e(text)}</p>" for text in layout.after]
    rails = "".join(
        f'<section class="rail"><h2>{e(heading)}</h2><ul>'
        + "".join(_rail_item(t, chrome) for t in items)
        + "</ul></section>"
        for heading, items in layout.rails
    )
    foot = "".join(f"<p>{e(t)}</p>" for t in layout.foot)
    return (
        f'<!DOCTYPE html><html lang="{language}"><head><meta charset="utf-8">'
        f"<title>{e(story.headline)} | {e(chrome.site)}</title>"
        f'<meta property="og:title" content="{e(story.headline)}"></head><body>'
        f"<nav><ul>{nav}</ul></nav><main><article><header>{''.join(header)}</header>"
        f'<div class="article-body">{"".join(body)}</div></article>'
        f"<aside>{rails}</aside></main><footer>{foot}</footer>{cookie}</body></html>"
    )


def _rail_item(text: str, chrome: Chrome) -> str:
    if text in chrome.teasers:
        return f'<li><a href="/t">{html.escape(text)}</a></li>'
    return f"<li><span>{html.escape(text)}</span></li>"
