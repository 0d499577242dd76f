"""A story's dossier as one standalone HTML file: opens offline, prints well, mails well.

It renders the web app's own story page (same template, same context object) inside a report
frame: the stylesheet inlined, no script, no navigation, and every link into the app turned
into a plain anchor, so the file fetches nothing and points nowhere but to the articles'
original addresses. Page text is escaped by the template exactly as in the app.
"""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path

from jinja2 import ChoiceLoader, DictLoader, Environment

from newsloom import __version__
from newsloom.web.app import _environment
from newsloom.web.data import Catalog
from newsloom.web.dossier import story_page

_PACKAGE = resources.files("newsloom.web")

REPORT_BASE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<meta http-equiv="Content-Security-Policy"
  content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'">
<title>{{ page.chrome.title }} · newsloom report</title>
<style>{{ css | safe }}
.toc-json, .topbar, .search { display: none !important; }
</style>
</head>
<body class="report section-{{ page.chrome.section }}">
<main>
<p class="kicker">newsloom {{ version }} · dossier report · generated from {{ store_name }}</p>
{% block main %}{% endblock %}
</main>
</body>
</html>
"""

#: Links into the app (``/articles/…``, ``/entities/…``, ``/api/…``) lead nowhere in a file.
_APP_LINK_RE = re.compile(r'href="/[^"]*"')


def _report_environment() -> Environment:
    env = _environment()
    assert env.loader is not None
    env.loader = ChoiceLoader([DictLoader({"base.html": REPORT_BASE}), env.loader])
    return env


def story_report(store_path: Path, story_id: str) -> str:
    """The standalone HTML report of one story (``NotFoundError`` if there is no such story)."""
    catalog = Catalog(store_path)
    try:
        page = story_page(catalog, story_id)
    finally:
        catalog.close()
    css = (_PACKAGE / "static" / "newsloom.css").read_text(encoding="utf-8")
    html = (
        _report_environment()
        .get_template(page.template)
        .render(page=page, version=__version__, css=css, store_name=store_path.name)
    )
    return _APP_LINK_RE.sub('href="#"', html)
