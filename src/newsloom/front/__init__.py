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
