"""The front page built from the whole crawl: sections, Top Stories, Latest Headlines, Trending.

Pure functions over small typed records, shared by the web UI, the JSON API, the Atom feeds and
the ``top`` / ``latest`` / ``trending`` commands:

- :func:`~newsloom.front.sections.assign_sections` gives each story the section most of its
  pages carry (the page's own label, else what its URL path says);
- :func:`~newsloom.front.rank.top_stories` ranks stories by independent reports in a window;
- :func:`~newsloom.front.trending.trending` finds what rises against its own baseline;
- :func:`~newsloom.front.relative.relative_time` says "6m ago", "7 hours ago", "Nov. 2".

"Now" is the newest page in the store unless the caller says otherwise, so an old crawl still
has a front page. Times are compared as printed on the page (wall-clock, zone dropped), the way
the stories list sorts them.
"""

# ``rank`` and ``trending`` read the store's row types: the store must not import this package.
from newsloom.front.clock import (
    DEFAULT_WINDOW,
    EARLIEST_NOW,
    LATEST_NOW,
    parse_now,
    parse_window,
    window_text,
)
from newsloom.front.rank import top_stories
from newsloom.front.relative import relative_time
from newsloom.front.sections import Folders, assign_sections, learn_folders
from newsloom.front.trending import BASELINE_WINDOWS, Trend, trending

__all__ = [
    "BASELINE_WINDOWS",
    "DEFAULT_WINDOW",
    "EARLIEST_NOW",
    "LATEST_NOW",
    "Folders",
    "Trend",
    "assign_sections",
    "learn_folders",
    "parse_now",
    "parse_window",
    "relative_time",
    "top_stories",
    "trending",
    "window_text",
]
