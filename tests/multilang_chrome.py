"""Page chrome of the synthetic multilingual pages (tests/multilang_pages.py), one site a language,
worded as sites in each language commonly word it; written for newsloom's tests, together with
the vocabularies of ``newsloom.clean.vocab_langs`` (the "dev" chrome: two generic rules were
found by looking at what the cleaner kept on these pages). ``multilang_chrome_held`` holds chrome
written afterwards and never tuned on.
"""

from __future__ import annotations

from dataclasses import dataclass


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


#: The names each byline above credits (empty: a desk, not a person).
EXPECTED_BYLINES: dict[str, tuple[str, ...]] = {
    "Von Anna Schmidt": ("Anna Schmidt",),
    "Von Jonas Weber und Lea Krüger": ("Jonas Weber", "Lea Krüger"),
    "Autor: Martin Vogt": ("Martin Vogt",),
    "Par Claire Dubois": ("Claire Dubois",),
    "Par Julien Moreau et Camille Petit": ("Julien Moreau", "Camille Petit"),
    "Claire Dubois, avec AFP": ("Claire Dubois",),
    "Por María López": ("María López",),
    "Por Daniel Herrera y Lucía Navarro": ("Daniel Herrera", "Lucía Navarro"),
    "Redacción / EFE": (),
    "Por João Almeida": ("João Almeida",),
    "Por Fernanda Costa e Paulo Ribeiro": ("Fernanda Costa", "Paulo Ribeiro"),
    "Da Redação": (),
    "di Giulia Bianchi": ("Giulia Bianchi",),
    "Di Marco Colombo e Sara Conti": ("Marco Colombo", "Sara Conti"),
    "Redazione": (),
    "Автор: Ирина Соколова": ("Ирина Соколова",),
    "Текст: Дмитрий Лебедев": ("Дмитрий Лебедев",),
    "Ирина Соколова, Дмитрий Лебедев": ("Ирина Соколова", "Дмитрий Лебедев"),
    "By Anna Smith": ("Anna Smith",),
    "By Jonah Webb and Leah Kramer": ("Jonah Webb", "Leah Kramer"),
    "Martin Vaughan, Staff Writer": ("Martin Vaughan",),
}
