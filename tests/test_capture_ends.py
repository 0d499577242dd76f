"""Where a capture's body ends: the heading of the article's tags or comment box closes it, and
a body that is a list of numbers with no sentence is still an article (issue 17).

Fixtures are small pages written for these tests (a fictional Portuguese racing site).
"""

from __future__ import annotations

from newsloom.clean import has_article_text, vocab
from newsloom.clean.bodyends import mark_author_boxes
from newsloom.clean.capture import Kind, classify, clean_capture, line_kind
from newsloom.clean.linemodel import FEATURE_NAMES, SECOND_NAMES, LineModel, models_in_use
from test_capture_body import _page  # the same page builder

HEADER = [
    "Início",
    "Automobilismo",
    "Copa Litoral divulga o calendário da temporada",
    "Por Ana Souza",
    "12 de janeiro de 2025",
]
BODY = [
    "A Copa Litoral divulgou nesta segunda-feira o calendário da temporada, com oito etapas "
    "entre março e novembro e duas provas noturnas pela primeira vez.",
    "A abertura será no circuito de Porto Alto, que recebeu obras no asfalto e nos boxes "
    "durante o inverno, segundo os organizadores da categoria.",
]
AFTER = [
    "Tags",
    "copa litoral, calendário, porto alto, automobilismo nacional, provas noturnas, temporada",
    "ATENÇÃO: comentários ofensivos ou sem relação com o texto não serão aprovados pela "
    "moderação deste portal de notícias.",
    "» Coluna da semana",
    "Clique na imagem acima e veja a coluna sobre os bastidores da categoria nesta temporada.",
]
FOOTER = ["Quem Somos", "© 2025 Portal Litoral. Todos os direitos reservados."]


def _every_line_body(names: tuple[str, ...]) -> LineModel:
    """A model that gives every line 0.9: the stretch then runs as far as the rules let it."""
    n = len(names)
    return LineModel(names, (0.0,) * n, (1.0,) * n, (0.0,) * n, 2.2)


def test_tags_and_comment_headings_are_rail_headings_in_every_language() -> None:
    for text in ("Tags", "Comentários", "Kommentare", "Commentaires:", "Комментарии", "Commenti"):
        assert line_kind(text) is Kind.HEADING, text


def test_the_body_ends_at_the_tags_heading() -> None:
    with models_in_use(_every_line_body(FEATURE_NAMES), _every_line_body(SECOND_NAMES)):
        result = clean_capture(_page(HEADER, BODY, AFTER, FOOTER))
    assert result.paragraphs == BODY


def test_without_the_heading_the_stretch_runs_on() -> None:
    """The same page with no "Tags" line: the stretch takes the sidebar's blurbs (what the
    heading prevents above)."""
    with models_in_use(_every_line_body(FEATURE_NAMES), _every_line_body(SECOND_NAMES)):
        result = clean_capture(_page(HEADER, BODY, AFTER[3:], FOOTER))
    assert AFTER[-1] in result.paragraphs


def test_a_comment_link_in_the_header_does_not_end_the_body() -> None:
    header = [*HEADER[:-1], "Comentários", HEADER[-1]]  # the comment count beside the byline
    with models_in_use(_every_line_body(FEATURE_NAMES), _every_line_body(SECOND_NAMES)):
        result = clean_capture(_page(header, BODY, FOOTER))
    assert result.paragraphs == BODY


def test_a_calendar_with_no_sentence_is_article_text() -> None:
    calendar = [
        "1a etapa: 9 de março – Porto Alto",
        "2a etapa: 6 de abril – Serra Verde",
        "3a etapa: 4 de maio – Vila Nova",
        "4a etapa: 1 de junho – Porto Alto",
    ]
    assert has_article_text(calendar)
    assert not has_article_text(["Início", "Notícias", "Calendário", "Contato"])  # a menu
    assert not has_article_text(["1", "2", "3", "4", "Próxima"])  # page links


RULES = [
    "ATENÇÃO: comentários ofensivos ou sem relação com o texto não serão aprovados pela "
    "moderação deste portal de notícias.",
    "Kommentare werden vor der Freischaltung von der Redaktion moderiert.",
    "Comments are subject to our community guidelines.",
]


def test_a_comment_box_s_rules_are_site_chrome() -> None:
    for text in RULES:
        assert line_kind(text) is Kind.SITE, text


def test_comments_quoted_late_in_a_paragraph_are_no_rules() -> None:
    text = (
        "The former mayor, still the best-known figure in the party, spoke at a rally in Port "
        "Alto on Saturday. His comments drew a quick reply from moderates in the council."
    )
    assert line_kind(text) is Kind.PROSE


def test_the_body_ends_at_the_comment_rules() -> None:
    sidebar = AFTER[3:]
    with models_in_use(_every_line_body(FEATURE_NAMES), _every_line_body(SECOND_NAMES)):
        result = clean_capture(_page(HEADER, BODY, [RULES[0]], sidebar, FOOTER))
    assert result.paragraphs == BODY


# ------------------------------------------------------------------------------ author boxes

BIO = [
    "Sobre Ana Souza",
    "Jornalista desde 2009, Ana Souza cobre automobilismo e escreve sobre a Copa Litoral.",
]


def _marked(texts: list[str]) -> list[str | None]:
    lines = classify(_page(texts))
    mark_author_boxes(lines)
    return [ln.reason for ln in lines]


def test_an_author_box_and_its_bio_are_marked() -> None:
    assert _marked(BIO) == ["author-box", "author-bio"]
    assert _marked(["Über Jan Peters", "Jan Peters schreibt seit 2015 über Motorsport."]) == [
        "author-box",
        "author-bio",
    ]


def test_headings_that_are_no_author_box_are_left_alone() -> None:
    assert _marked(["About Us", "Contact Us", "Careers"]) == [None, None, None]  # no name
    assert _marked(["Sobre o Blog", "O blog reúne dicas de corrida."]) == [None, None]
    # a name, but no bio names it again
    assert _marked(["Sobre Ana Souza", "Receba nossa newsletter por e-mail."]) == [None, None]


def test_the_body_ends_at_the_author_box() -> None:
    with models_in_use(_every_line_body(FEATURE_NAMES), _every_line_body(SECOND_NAMES)):
        result = clean_capture(_page(HEADER, BODY, BIO, AFTER[3:], FOOTER))
    assert result.paragraphs == BODY


def test_more_posts_on_the_topic_is_a_rail_heading() -> None:
    assert line_kind("Weitere Beiträge zum Thema") is Kind.HEADING


# -------------------------------------------------------------------------- comment sections


def test_a_comment_section_s_head_with_its_count_ends_the_body() -> None:
    for head in ("[ 12 comments ]", "Top Rated Comments", "3 responses to “Copa Litoral”"):
        with models_in_use(_every_line_body(FEATURE_NAMES), _every_line_body(SECOND_NAMES)):
            result = clean_capture(_page(HEADER, BODY, [head], AFTER[3:], FOOTER))
        assert result.paragraphs == BODY, head


def test_a_sentence_about_comments_is_no_comment_section() -> None:
    assert not vocab.COMMENT_SECTION_RE.match("The comments drew a reply from the council.")
    assert vocab.COMMENT_SECTION_RE.match("12 Kommentare")
    assert vocab.COMMENT_SECTION_RE.match("Комментарии (5)")


# ---------------------------------------------------------------------- a body that is a list

CALENDAR = [
    "1a etapa: 9 de março – Porto Alto",
    "2a etapa: 6 de abril – Serra Verde",
    "3a etapa: 4 de maio – Vila Nova",
    "4a etapa: 1 de junho – Porto Alto",
    "5a etapa: 6 de julho – Lagoa Funda",
]


def _lists_only(names: tuple[str, ...]) -> LineModel:
    """A model that trusts list membership alone: a list's item scores 0.86, any other line
    0.05."""
    n = len(names)
    weights = tuple(3.0 if name == "shape_run" else 0.0 for name in names)
    return LineModel(names, (0.0,) * n, (1.0,) * n, weights, -3.0)


def test_a_calendar_with_no_sentence_is_the_body() -> None:
    """The stretch is the calendar alone: it holds no sentence, yet it is the body, not the
    sidebar's one sentence far below it."""
    with models_in_use(_lists_only(FEATURE_NAMES), _lists_only(SECOND_NAMES)):
        result = clean_capture(_page(HEADER, CALENDAR, FOOTER, AFTER[3:]))
    assert result.paragraphs == CALENDAR
