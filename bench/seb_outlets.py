"""Outlet naming on the SEB pages: the weights of ``clean/outlet.py`` over a grid, dev vs held-out.

    python bench/seb_outlets.py [--data ../shared/evaldata] [--grid] [--verbose]

Each page's outlet votes are gathered once, as ``clean`` gathers them (``clean_html`` for
``seb/html``, ``capture_votes`` for the captures with their URL), then picked and settled per
host with the weights in force: accuracy against ``seb/page-gold.json`` (NFKC + case-fold), per
half (bench/seb_data.py splits by site). ``--grid`` tries every combination in ``GRID`` and
prints the best settings by dev accuracy, the mean of HTML and JSONL, with their held-out
accuracy; the constants in ``clean/outlet.py`` are the dev best.
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from newsloom.clean import outlet
from newsloom.clean.html import clean_html
from newsloom.clean.outlet import Vote
from newsloom.clean.outlet_names import host_name
from newsloom.clean.outlet_page import capture_votes, page_outlet
from newsloom.clean.outlet_sites import site_name
from seb import DEFAULT_DATA
from seb_data import SebPage, load

GRID = {
    "HOST_EXACT": [2.0, 3.0, 4.0],
    "HOST_PARTIAL": [1.0, 1.5, 2.0],
    "MENTION": [0.25, 0.5, 1.0],
    "DOMAIN": [0.4, 0.6, 0.8],
    "COMPANY": [0.2, 0.3, 0.5],
}

Votes = dict[str, tuple[list[Vote], str | None]]


def fold(text: str | None) -> str:
    return " ".join(unicodedata.normalize("NFKC", text or "").casefold().split())


def gather(pages: list[SebPage]) -> dict[str, Votes]:
    html: Votes = {}
    jsonl: Votes = {}
    for page in pages:
        found = clean_html(page.html())
        html[page.id] = (found.outlet_votes, found.url)
        jsonl[page.id] = (capture_votes(page.capture(), page.url), page.url)
    return {"html": html, "jsonl": jsonl}


def names(votes: Votes) -> dict[str, str | None]:
    """Each page's own pick, then one name per host, as ``settle_outlets`` does."""
    own = {pid: page_outlet(v, url, None) for pid, (v, url) in votes.items()}
    by_host: dict[str, list[str]] = defaultdict(list)
    for pid, (_, url) in votes.items():
        host = host_name(url)
        if host:
            by_host[host].append(pid)
    final = dict(own)
    for host, ids in by_host.items():
        name = site_name([own[i] for i in ids], host)
        final.update((i, name) for i in ids)
    return final


def accuracy(
    gold: dict[str, dict[str, object]], pages: list[SebPage], found: dict[str, str | None]
) -> dict[str, float]:
    out = {}
    for half, held in (("dev", False), ("held-out", True)):
        chosen = [p for p in pages if p.held_out == held]
        right = sum(fold(found[p.id]) == fold(str(gold[p.id]["outlet"])) for p in chosen)
        out[half] = right / len(chosen)
    return out


def apply(setting: dict[str, float]) -> None:
    for name, value in setting.items():
        if name == "MENTION":
            outlet.WEIGHTS[outlet.Kind.MENTION] = value
        else:
            setattr(outlet, name, value)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--grid", action="store_true")
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args(argv)
    gold = json.loads((args.data / "seb" / "page-gold.json").read_text(encoding="utf-8"))
    pages = load(args.data)
    votes = gather(pages)

    def score() -> dict[str, dict[str, float]]:
        return {kind: accuracy(gold, pages, names(v)) for kind, v in votes.items()}

    now = score()
    print("weights in force:", json.dumps(now))
    if args.verbose:
        for kind, v in votes.items():
            found = names(v)
            for page in pages:
                if fold(found[page.id]) != fold(str(gold[page.id]["outlet"])):
                    want = gold[page.id]["outlet"]
                    print(f"  {kind:<5} {page.host:<28} want {want!r} got {found[page.id]!r}")
    if not args.grid:
        return 0
    rows = []
    for values in itertools.product(*GRID.values()):
        setting = dict(zip(GRID, values, strict=True))
        apply(setting)
        s = score()
        dev = (s["html"]["dev"] + s["jsonl"]["dev"]) / 2
        held = (s["html"]["held-out"] + s["jsonl"]["held-out"]) / 2
        rows.append((dev, held, setting))
    rows.sort(key=lambda r: -r[0])
    print(f"{len(rows)} settings; dev {rows[-1][0]:.3f}-{rows[0][0]:.3f}, "
          f"held-out {min(r[1] for r in rows):.3f}-{max(r[1] for r in rows):.3f}")  # fmt: skip
    for dev, held, setting in rows[:10]:
        print(f"  dev {dev:.3f}  held-out {held:.3f}  {setting}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
