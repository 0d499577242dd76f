"""The public surface is small and deliberate: changing it is a visible decision."""

from __future__ import annotations

import newsloom
from newsloom import annotate, clean, fuse, group, read, store


def test_top_level_names() -> None:
    assert sorted(newsloom.__all__) == [
        "Article", "Code", "Dossier", "Page", "Rejection", "Result", "SCHEMA", "Settings",
        "Story", "__version__",
    ]  # fmt: skip
    for name in newsloom.__all__:
        assert hasattr(newsloom, name)


def test_one_entry_point_per_stage() -> None:
    assert read.__all__ == ["read_inputs"]
    assert sorted(clean.__all__) == ["SiteChrome", "clean", "learn_site_chrome"]
    assert "annotate" in annotate.__all__
    assert "group" in group.__all__
    assert fuse.__all__ == ["fuse"]
    assert "Store" in store.__all__
