"""The web UI and HTTP API: ``newsloom serve`` (see docs/web.md).

``create_app(WebSettings(db=path))`` returns the FastAPI app; everything it serves ships inside
this package (``templates/``, ``static/``).
"""

from newsloom.web.app import ERROR_CODES, WebSettings, create_app
from newsloom.web.guard import CSP

__all__ = ["CSP", "ERROR_CODES", "WebSettings", "create_app"]
