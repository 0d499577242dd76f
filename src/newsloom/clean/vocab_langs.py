"""Page chrome as news sites in German, French, Spanish, Portuguese, Italian and Russian word it.

Written from general knowledge of how such sites label their furniture (rail headings, ad slots,
skip links, share rows, footers, calls to action, date labels, bylines), not from any page of
the benchmarks. Each table is keyed by ISO 639-1 code, so that coverage per language can be
checked (tests/test_multilang.py) and read; ``vocab.py`` merges them into the sets the cleaner
matches against, beside the English ones. Everything is lower case and matched like
``vocab.py``'s lists: whole stripped lines, case-folded, trailing ":.… " removed.
"""

from __future__ import annotations

LANGUAGES = ("de", "fr", "es", "pt", "it", "ru")

#: Lines that only mark an ad slot or a paid piece.
AD_MARKERS: dict[str, tuple[str, ...]] = {
    "de": ("anzeige", "werbung", "gesponsert", "sponsored post", "weiter nach der anzeige",
           "artikel wird nach der anzeige fortgesetzt", "lesen sie nach der anzeige weiter",
           "bezahlter inhalt", "in kooperation mit", "advertorial"),
    "fr": ("publicité", "pub", "sponsorisé", "contenu sponsorisé", "contenu partenaire",
           "la suite après la publicité", "suite après la publicité", "article sponsorisé",
           "publi-rédactionnel"),
    "es": ("publicidad", "patrocinado", "contenido patrocinado", "anuncio",
           "sigue leyendo después de la publicidad", "continúa después de la publicidad",
           "contenido de marca"),
    "pt": ("publicidade", "patrocinado", "conteúdo patrocinado", "anúncio",
           "continua após a publicidade", "continua depois da publicidade", "conteúdo de marca",
           "publieditorial"),
    "it": ("pubblicità", "sponsorizzato", "contenuto sponsorizzato", "annuncio",
           "continua dopo la pubblicità", "contenuto sponsor", "pubbliredazionale"),
    "ru": ("реклама", "на правах рекламы", "спонсорский материал", "партнерский материал",
           "партнёрский материал", "спецпроект", "продолжение после рекламы"),
}  # fmt: skip

#: Headings that open a rail of teasers, a share row or a comment box.
RAIL_HEADINGS: dict[str, tuple[str, ...]] = {
    "de": ("lesen sie auch", "lesen sie mehr", "auch interessant",
           "das könnte sie auch interessieren", "das könnte sie interessieren", "mehr zum thema",
           "mehr zu diesem thema", "zum thema", "weitere artikel", "weitere nachrichten",
           "weitere beiträge", "weitere beiträge zum thema",
           "weitere themen", "ähnliche artikel", "verwandte artikel", "passend zum thema",
           "meistgelesen", "meistgelesene artikel", "am meisten gelesen", "beliebteste artikel",
           "top-themen", "top themen", "neueste artikel", "neueste nachrichten",
           "aktuelle nachrichten", "empfehlungen", "unsere empfehlung", "empfohlene artikel",
           "auch lesenswert", "teilen", "artikel teilen", "diesen artikel teilen", "seite teilen",
           "kommentare", "kommentar schreiben", "leserkommentare", "newsletter",
           "newsletter abonnieren", "folgen sie uns", "videos", "bildergalerie", "schlagworte",
           "themen", "artikel zum thema"),
    "fr": ("lire aussi", "à lire aussi", "a lire aussi", "lire la suite", "voir aussi",
           "à voir aussi", "à découvrir", "à découvrir aussi", "sur le même sujet",
           "sur le même thème", "dans la même rubrique", "articles similaires", "articles liés",
           "articles associés", "les plus lus", "les plus populaires", "les plus partagés",
           "les plus commentés", "les articles les plus lus", "nos derniers articles",
           "derniers articles", "dernières actualités", "dernières infos", "à la une",
           "en ce moment", "vous aimerez aussi", "vous aimerez aussi ces articles",
           "recommandé pour vous", "nos recommandations", "partager", "partager cet article",
           "partagez cet article", "commentaires", "réagir", "réagir à cet article", "suivez-nous",
           "newsletter", "vidéos", "sujets", "mots-clés", "thèmes", "sur le même sujet"),
    "es": ("te puede interesar", "también te puede interesar", "quizás te interese",
           "puede interesarte", "lee también", "lea también", "leer más", "ver también", "ver más",
           "noticias relacionadas", "artículos relacionados", "temas relacionados",
           "contenido relacionado", "relacionado", "relacionadas", "lo más leído", "lo más visto",
           "lo más popular", "más leídas", "más leídos", "más vistos", "últimas noticias",
           "lo último", "te recomendamos", "recomendamos", "recomendados", "más noticias",
           "otras noticias", "compartir", "comparte", "comparte esta noticia", "comentarios",
           "deja tu comentario", "síguenos", "boletín", "newsletter", "vídeos", "temas",
           "etiquetas", "en portada", "destacados"),
    "pt": ("leia também", "leia mais", "veja também", "veja mais", "saiba mais", "confira também",
           "notícias relacionadas", "matérias relacionadas", "posts relacionados",
           "artigos relacionados", "conteúdo relacionado", "relacionadas", "mais lidas",
           "as mais lidas", "mais lidos", "mais vistos", "mais populares", "últimas notícias",
           "últimas", "você pode gostar", "você também pode gostar", "recomendado para você",
           "recomendados para você", "recomendadas", "mais notícias", "outras notícias",
           "compartilhe", "compartilhar", "compartilhe esta notícia", "compartilhe este artigo",
           "partilhe", "partilhar", "comentários", "deixe seu comentário", "deixe um comentário",
           "siga-nos", "newsletter", "vídeos", "tags", "temas", "em destaque", "destaques"),
    "it": ("leggi anche", "leggi pure", "potrebbe interessarti", "potrebbe interessarti anche",
           "ti potrebbe interessare", "ti potrebbero interessare", "vedi anche", "guarda anche",
           "articoli correlati", "notizie correlate", "correlati", "i più letti", "più letti",
           "più lette", "i più visti", "più popolari", "ultime notizie", "ultim'ora",
           "in evidenza", "altre notizie", "altri articoli", "dalla stessa sezione",
           "consigliati per te", "ti consigliamo", "condividi", "condividi l'articolo",
           "condividi questo articolo", "commenti", "lascia un commento", "seguici", "newsletter",
           "video", "tag", "argomenti"),
    "ru": ("читайте также", "читайте еще", "читайте ещё", "смотрите также", "см. также", "по теме",
           "новости по теме", "материалы по теме", "еще по теме", "ещё по теме", "похожие статьи",
           "похожие новости", "похожие материалы", "другие новости", "другие материалы",
           "популярное", "самое популярное", "самое читаемое", "самые читаемые",
           "самое интересное", "последние новости", "лента новостей", "главное", "главные новости",
           "рекомендуем", "рекомендуем прочитать", "вам может быть интересно",
           "вам также может понравиться", "поделиться", "поделиться в соцсетях", "комментарии",
           "оставить комментарий", "подписывайтесь", "рассылка", "видео", "теги", "метки",
           "выбор редакции"),
}  # fmt: skip

#: Rail headings that follow an article's end: its tags and its comment box (each also in
#: ``RAIL_HEADINGS``). A body does not go on below one (``capture._stop_at_end_heading``).
END_HEADINGS: dict[str, tuple[str, ...]] = {
    "de": ("schlagworte", "schlagwörter", "kommentare", "kommentar schreiben", "leserkommentare"),
    "fr": ("mots-clés", "commentaires", "laisser un commentaire", "réagir à cet article"),
    "es": ("etiquetas", "comentarios", "deja tu comentario", "deja un comentario"),
    "pt": ("tags", "comentários", "deixe seu comentário", "deixe um comentário"),
    "it": ("tag", "commenti", "lascia un commento"),
    "ru": ("теги", "метки", "комментарии", "оставить комментарий", "отзывы", "добавить отзыв"),
}  # fmt: skip

#: A comment box's rules, printed under an article ("Comentários são moderados",
#: "Kommentare werden moderiert"): a word for comments (``COMMENT_WORDS``, stems)
#: and a word of moderation or rules (``COMMENT_RULE_WORDS``, stems) in one short line.
COMMENT_WORDS = ("comment", "coment", "kommentar", "коммент")
COMMENT_RULE_WORDS: dict[str, tuple[str, ...]] = {
    "de": ("moderiert", "freigeschalt", "netiquette", "regeln", "richtlinie", "beleidig"),
    "fr": ("modér", "approuv", "charte", "règles", "injurieu", "respectueu"),
    "es": ("moderad", "aprobad", "respet", "ofensiv", "normas", "política"),
    "pt": ("moderad", "aprovad", "respeit", "ofensiv", "regras", "política"),
    "it": ("moderat", "approvat", "rispett", "offensiv", "regole", "policy"),
    "ru": ("модер", "правил", "оскорб", "удаля", "удален"),
}  # fmt: skip

#: Skip links, site furniture and footer links printed as lines of their own.
NAV_MARKERS: dict[str, tuple[str, ...]] = {
    "de": ("zum inhalt springen", "zum hauptinhalt springen", "direkt zum inhalt",
           "zur navigation springen", "nach oben", "zurück nach oben", "zurück zur übersicht",
           "startseite", "impressum", "datenschutz", "datenschutzerklärung", "kontakt", "agb",
           "barrierefreiheit", "cookie-einstellungen", "anmelden", "abmelden", "registrieren",
           "mein konto", "suche", "menü", "e-paper", "abo", "abonnieren", "drucken", "mediadaten",
           "nutzungsbedingungen", "über uns"),
    "fr": ("aller au contenu", "aller au contenu principal", "passer au contenu",
           "passer au contenu principal", "retour en haut", "haut de page", "accueil",
           "mentions légales", "politique de confidentialité", "gestion des cookies",
           "paramètres des cookies", "nous contacter", "contact", "plan du site", "se connecter",
           "connexion", "s'inscrire", "mon compte", "rechercher", "recherche", "menu",
           "abonnez-vous", "s'abonner", "imprimer", "copier le lien", "cgu", "cgv",
           "qui sommes-nous"),
    "es": ("saltar al contenido", "ir al contenido", "ir al contenido principal", "volver arriba",
           "ir arriba", "portada", "inicio", "aviso legal", "política de privacidad",
           "política de cookies", "configuración de cookies", "contacto", "contáctanos",
           "iniciar sesión", "regístrate", "mi cuenta", "buscar", "menú", "suscríbete", "imprimir",
           "copiar enlace", "quiénes somos", "mapa del sitio"),
    "pt": ("pular para o conteúdo", "ir para o conteúdo", "saltar para o conteúdo",
           "voltar ao topo", "início", "página inicial", "política de privacidade",
           "termos de uso", "fale conosco", "contato", "contacto", "quem somos", "expediente",
           "entrar", "cadastre-se", "minha conta", "buscar", "pesquisar", "assine", "anuncie",
           "imprimir", "copiar link", "mapa do site"),
    "it": ("vai al contenuto", "salta al contenuto", "vai al contenuto principale", "torna su",
           "torna all'inizio", "privacy policy", "cookie policy", "informativa privacy",
           "informativa cookie", "chi siamo", "contatti", "contattaci", "accedi", "registrati",
           "il mio account", "cerca", "abbonati", "stampa", "copia link", "note legali",
           "mappa del sito", "redazione"),
    "ru": ("перейти к содержимому", "перейти к основному содержанию", "к содержанию", "наверх",
           "главная", "о редакции", "о нас", "контакты", "реклама на сайте",
           "политика конфиденциальности", "пользовательское соглашение", "войти", "вход",
           "регистрация", "личный кабинет", "поиск", "меню", "подписка", "распечатать",
           "версия для печати", "карта сайта", "все новости", "архив"),
}  # fmt: skip

#: Share and social buttons printed one a line ("Facebook", "WhatsApp", "E-Mail", "Drucken"):
#: whole lines only, in every language (the network names are the same everywhere).
SHARE_MARKERS = (
    "facebook", "twitter", "x", "whatsapp", "telegram", "linkedin", "pinterest", "reddit",
    "xing", "flipboard", "threads", "bluesky", "mastodon", "email", "e-mail", "mail", "print",
    "copy link", "vk", "вконтакте", "одноклассники", "дзен", "яндекс дзен", "viber",
)  # fmt: skip

#: Relative times under teasers: "vor 2 Stunden", "il y a 3 heures", "hace 2 horas",
#: "há 2 horas", "2 ore fa", "2 часа назад", and the one-word forms ("gestern", "hier").
RELATIVE_TIME = (
    r"vor\s+\d{1,3}\s*(?:sek(?:unden?)?|min(?:uten?)?|std|stunden?|tag(?:en)?|wochen?|monaten?)"
    r"|il\s+y\s+a\s+\d{1,3}\s*(?:s|sec|secondes?|min|minutes?|h|heures?|jours?|semaines?|mois)"
    r"|hace\s+\d{1,3}\s*(?:s|seg|segundos?|min|minutos?|h|horas?|d[ií]as?|semanas?|meses?)"
    r"|h[áa]\s+\d{1,3}\s*(?:s|seg|segundos?|min|minutos?|h|horas?|dias?|semanas?|meses?)"
    r"|\d{1,3}\s*(?:sec|secondi|secondo|min|minuti|minuto|ore|ora|giorni|giorno|settimane)\s+fa"
    r"|\d{1,3}\s*(?:сек(?:унд[уы]?)?|мин(?:ут[уы]?)?|час(?:а|ов)?|дн(?:я|ей)|день|недел[иья]|"
    r"месяц(?:а|ев)?)\.?\s+назад"
    r"|gestern|heute|soeben|gerade eben|hier|aujourd'hui|à l'instant|ayer|hoy|ahora|ahora mismo"
    r"|ontem|hoje|agora|agora mesmo|ieri|oggi|adesso|poco fa|вчера|сегодня|только что"
)

#: Calls to action that close an article: a follow / subscribe / download verb at the start and
#: a network, newsletter, app or channel named in the line (so "Folgen Sie der Debatte ..." and
#: "Siga as orientações ..." stay body). Matched from the line's start, case-insensitively. The
#: English "follow us" forms are here too: ``vocab.SIGN_OFF_RE`` does not know the networks.
SIGN_OFF_VERBS = (
    r"follow us|like us|join us|find us|connect with us|"
    r"folgen sie|folge uns|abonnieren sie|abonniere|melden sie sich|laden sie|hier geht'?s|"
    r"suivez|abonnez-vous|inscrivez-vous|téléchargez|retrouvez|rejoignez|"
    r"síguenos|sigue a|siga a|suscríbete|suscríbase|descarga|descárgate|únete|"
    r"siga-nos|siga o|siga a|sigam|assine|inscreva-se|baixe|receba|acompanhe|entre no|"
    r"seguici|segui|iscriviti|abbonati|scarica|resta aggiornato|"
    r"подписывайтесь|подпишитесь|следите за|читайте нас|присоединяйтесь|скачайте"
)
SIGN_OFF_OBJECTS = (
    r"facebook|instagram|twitter|\bx\b|telegram|whatsapp|youtube|tiktok|linkedin|threads|"
    r"newsletter|boletín|boletim|bollettino|app\b|appli|aplicativo|aplicación|podcast|"
    r"canal|kanal|chaîne|canale|канал|вконтакте|\bvk\b|дзен|рассылк|соцсет|réseaux sociaux|"
    r"redes sociales|redes sociais|social network|soziale[nm]? netzwerk|google news"
)

#: Contact lines: "Schreiben Sie uns an redaktion@…", "Écrivez-nous : …@…", "пишите нам …@…".
CONTACT_VERBS = (
    r"schreiben sie|schreibt uns|kontaktieren sie|hinweis|écrivez|contactez|une info|"
    r"escríbenos|escríbanos|escribe|contacta|denuncia|escreva|envie|fale com|"
    r"scrivi|scriveteci|contatta|segnalazion|пишите|напишите|присылайте|свяжитесь"
)

#: A copyright line, beside "©" and "all rights reserved".
RIGHTS_RESERVED = (
    r"alle rechte vorbehalten|tous droits réservés|todos los derechos reservados|"
    r"todos os direitos reservados|tutti i diritti riservati|riproduzione riservata|"
    r"все права защищены"
)

#: A word of each ``RIGHTS_RESERVED`` form (a cheap test before the expression).
RIGHTS_RESERVED_KEYS = (
    "rechte",
    "droits",
    "derechos",
    "direitos",
    "diritti",
    "riproduzione",
    "права",
)

#: Cookie and consent banners: a site or "we" that uses cookies, or asks for consent.
COOKIE_NOTICE = (
    r"(?:wir|website|webseite|seite)\s+(?:verwenden|verwendet|nutzen|nutzt|setzen|setzt)\s+"
    r"(?:\w+\s+){0,2}cookies"
    r"|nous utilisons (?:des |les )?cookies|(?:ce|notre) site (?:web )?utilise (?:des )?cookies"
    r"|utilizamos cookies|usamos cookies|(?:este|nuestro|nosso) (?:sitio|site|portal)"
    r"(?: web)? (?:utiliza|usa) cookies"
    r"|utilizziamo (?:i )?cookie|(?:questo|il nostro) sito (?:web )?(?:utilizza|usa) (?:i )?cookie"
    r"|(?:мы|сайт) (?:использует|используем)\s+(?:файлы\s+)?cookie"
)

#: Words that start a byline in each language ("Von Jane Doe", "Par …", "Por …", "di …",
#: "Автор: …"); a line so opened is a byline only when a person's name follows.
BYLINE_PREFIXES = (
    r"von|text|autor|autorin|par|auteur|por|escrito por|redactado por|di|a cura di|autore|"
    r"автор|текст|материал подготовил|материал подготовила"
)

#: Labels of a date line: published (first) and updated (second) in each language.
POSTED_LABELS = (
    r"veröffentlicht(?:\s+am)?|erstellt(?:\s+am)?|publié(?:\s+le)?|publicado(?:\s+(?:el|em))?|"
    r"postado(?:\s+em)?|pubblicato(?:\s+il)?|опубликовано|дата публикации"
)
UPDATED_LABELS = (
    r"aktualisiert(?:\s+am)?|zuletzt aktualisiert(?:\s+am)?|stand|mis à jour(?:\s+le)?|"
    r"modifié(?:\s+le)?|actualizado(?:\s+(?:el|a las))?|atualizado(?:\s+em)?|"
    r"aggiornato(?:\s+(?:il|alle))?|обновлено|изменено"
)

#: Function words: a line of prose has many, a menu or a teaser title few. Per language, the
#: commonest short words of running text.
STOPWORDS: dict[str, tuple[str, ...]] = {
    "de": ("der", "die", "das", "und", "in", "den", "von", "zu", "mit", "sich", "des", "auf",
           "für", "ist", "im", "dem", "nicht", "ein", "eine", "als", "auch", "es", "an", "er",
           "hat", "aus", "bei", "sie", "nach", "wird", "um", "am", "sind", "noch", "wie", "einem",
           "über", "einen", "so", "zum", "war", "haben", "nur", "oder", "aber", "vor", "zur",
           "bis", "mehr", "durch", "man", "dass", "wurde", "werden", "sei", "hatte"),
    "fr": ("de", "la", "le", "et", "les", "des", "en", "un", "du", "une", "que", "est", "pour",
           "qui", "dans", "a", "par", "plus", "pas", "au", "sur", "ne", "se", "ce", "il", "sont",
           "avec", "ont", "aux", "été", "elle", "son", "sa", "ses", "mais", "comme", "leur",
           "entre", "après", "depuis", "où", "y", "lors", "selon", "cette", "nous"),
    "es": ("de", "la", "que", "el", "en", "y", "a", "los", "se", "del", "las", "un", "por", "con",
           "no", "una", "su", "para", "es", "al", "lo", "como", "más", "pero", "sus", "le", "ha",
           "me", "sin", "sobre", "este", "ya", "entre", "cuando", "todo", "esta", "ser", "son",
           "dos", "también", "fue", "había", "era", "muy", "hasta", "desde", "según", "tras"),
    "pt": ("de", "a", "o", "que", "e", "do", "da", "em", "um", "para", "com", "não", "uma", "os",
           "no", "se", "na", "por", "mais", "as", "dos", "como", "mas", "ao", "ele", "das", "à",
           "seu", "sua", "ou", "quando", "muito", "nos", "já", "eu", "também", "só", "pelo",
           "pela", "até", "isso", "ela", "entre", "depois", "sem", "foi", "são", "após",
           "segundo"),
    "it": ("di", "e", "il", "la", "che", "a", "in", "per", "un", "è", "del", "non", "una", "con",
           "i", "da", "le", "si", "dei", "della", "al", "lo", "gli", "nel", "alla", "sono", "ha",
           "come", "più", "anche", "ma", "delle", "nella", "questo", "dal", "ai", "se", "degli",
           "sul", "tra", "dopo", "stato", "stata", "hanno", "suo", "sua"),
    "ru": ("и", "в", "не", "на", "что", "с", "по", "как", "а", "к", "из", "у", "за", "о", "от",
           "это", "для", "же", "но", "был", "была", "были", "было", "его", "ее", "её", "их", "он",
           "она", "они", "до", "при", "также", "после", "уже", "более", "так", "или", "если",
           "чтобы", "только", "который", "которые", "которая", "сообщил", "году"),
}  # fmt: skip

#: Words of page furniture, matched as substrings of a lowercased line (a line feature of the
#: body model, beside the English ``vocab.CHROME_WORDS``): that list's words (cookie, privacy,
#: subscribe, sign in, register, share, comment, advertising, sponsor, rights reserved, terms,
#: contact us, about us, menu, follow, click, read more, download) in each language. Stems that
#: occur inside common words of news prose are left out: "teilen" (mitteilen), "suche" (die
#: Suche nach), "подпис" (подписал указ), "соглашени" (an agreement), "cerca" (it seeks).
CHROME_WORDS: dict[str, tuple[str, ...]] = {
    "de": ("datenschutz", "abonnier", "newsletter", "anmelden", "registrier", "artikel teilen",
           "kommentar", "werbung", "anzeige", "gesponsert", "alle rechte", "nutzungsbedingungen",
           "kontakt", "über uns", "menü", "folgen sie uns", "klicken sie", "weiterlesen",
           "lesen sie auch", "mehr zum thema", "herunterladen", "impressum", "startseite"),
    "fr": ("confidentialité", "abonne", "newsletter", "se connecter", "connexion", "inscri",
           "partager", "commentaire", "publicité", "sponsoris", "droits réservés",
           "conditions d'utilisation", "contactez", "nous contacter", "qui sommes-nous",
           "rechercher", "suivez-nous", "cliquez", "lire la suite", "lire aussi", "télécharge",
           "mentions légales", "accueil"),
    "es": ("privacidad", "suscrib", "boletín", "iniciar sesión", "regístr", "compartir",
           "comparte", "comentario", "publicidad", "patrocinad", "derechos reservados", "términos",
           "contacto", "quiénes somos", "buscar", "síguenos", "haz clic", "haga clic",
           "pulsa aquí", "leer más", "lee también", "descarga", "aviso legal", "portada"),
    "pt": ("privacidade", "assine", "assinatura", "newsletter", "inscreva", "cadastr",
           "compartilh", "partilh", "comentário", "publicidade", "patrocinad",
           "direitos reservados", "termos de uso", "fale conosco", "contato", "quem somos",
           "pesquisar", "siga-nos", "clique", "leia mais", "leia também", "veja também", "baixe"),
    "it": ("privacy", "iscriviti", "abbonati", "abbonamento", "newsletter", "accedi", "registrati",
           "condividi", "commenti", "commento", "pubblicità", "sponsorizzat", "diritti riservati",
           "termini", "contatti", "chi siamo", "seguici", "clicca", "leggi anche", "leggi di più",
           "scarica"),
    "ru": ("конфиденциальн", "подписаться", "подпишитесь", "подписывайтесь", "подписка", "рассылк",
           "войти", "регистрац", "поделиться", "комментари", "реклам", "спонсор", "права защищены",
           "пользовательское соглашение", "контакты", "меню", "нажмите", "читайте также",
           "по теме", "скачать", "скачайте", "вконтакте", "телеграм"),
}  # fmt: skip

#: Photo captions' credits: "… . Foto: Jan Peters", "(Photo d'illustration)", "Фото: …".
CAPTION_CREDIT = (
    r"(?:^|[.!?)»”]\s+|\|\s*)(?:foto|fotos|bild|bilder|photo|photos|imagem|imagen|immagine|"
    r"crédit photo|crédito|quelle|фото|снимок)\b\s*(?::|di|de|von|by|d'|©)?\s*[^.!?]{0,60}$"
    r"|\((?:foto|photo|bild|imagem|imagen|immagine|фото)\b[^()]{0,60}\)\s*$"
)

#: The words one of which every ``CAPTION_CREDIT`` form holds (lower case).
CAPTION_CREDIT_KEYS = (
    "foto", "bild", "photo", "image", "immagine", "crédit", "crédito", "quelle", "фото",
    "снимок",
)  # fmt: skip

#: Wire agencies of these languages' press, mapped to the short name newsloom reports.
AGENCIES: dict[str, str] = {
    "kna": "KNA", "epd": "epd", "apa": "APA", "sda": "SDA", "keystone-sda": "SDA",
    "belga": "Belga", "lusa": "Lusa", "agência brasil": "Agência Brasil",
    "agencia brasil": "Agência Brasil", "europa press": "Europa Press", "agi": "AGI",
    "adnkronos": "Adnkronos", "lapresse": "LaPresse", "ria novosti": "RIA Novosti",
    "риа новости": "RIA Novosti", "тасс": "TASS", "интерфакс": "Interfax",
    "interfax": "Interfax", "notimex": "Notimex", "ap/dpa": "dpa", "dpa/ap": "dpa",
}  # fmt: skip

#: Words of a byline that are roles or desks, never part of a name.
BYLINE_NOISE = (
    "redaktion", "redakteur", "redakteurin", "korrespondent", "korrespondentin", "rédaction",
    "journaliste", "envoyé", "envoyée", "spécial", "spéciale", "redacción", "redactor",
    "redactora", "corresponsal", "redação", "repórter", "correspondente", "redazione",
    "corrispondente", "inviato", "inviata", "редакция", "корреспондент",
)  # fmt: skip
#: Words that join two names in a byline ("Anna Schmidt und Jonas Weber", "… et …", "… y …",
#: "… e …", "… и …"), and "with" ("… avec AFP"); lower case only, so that an initial stays.
BYLINE_JOINERS = ("und", "mit", "et", "avec", "y", "con", "e", "com", "и", "с")
