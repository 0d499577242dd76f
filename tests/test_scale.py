"""Every core, then a Dask cluster: the same store whichever path cleaned and annotated.

The contract (issue #15): ``--workers 1``, ``--workers 2`` and ``--cluster local:2`` store the
same articles (ids, digests, every annotation), rejections, stories and dossiers. Small batches
make the bundled sample corpus several partitions, so two workers really share it. A Dask
LocalCluster here has 2 workers of 1 thread (the rule for this 2-core machine).
"""

from __future__ import annotations

import io
import os
import signal
import threading
import time
from pathlib import Path
from typing import Any

import pytest

from newsloom.budget import OverTime, thread_limits, time_limit
from newsloom.config import OutletNames, Settings
from newsloom.pipeline import ingest
from newsloom.scale.backends import LOCAL_DASHBOARD, cluster_problem, open_backend
from newsloom.scale.parts import OWN_PARTITION_BYTES, Partition, plan_partitions
from newsloom.scale.tasks import PageKey, scan_part
from newsloom.store import Store

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "src" / "newsloom" / "sample" / "pages"
SEEDS = ROOT.parent / "shared" / "seeds"

#: Pages per batch in the comparisons: the sample corpus's 28 files become 4 partitions.
SMALL_BATCH = 8


def _snapshot(db: Path) -> dict[str, Any]:
    """What a store holds, minus when it was written."""
    with Store(db) as store:
        stories = store.stories()
        return {
            "articles": sorted(a.model_dump_json() for a in store.articles()),
            "rejections": sorted(r.model_dump_json() for r in store.rejections()),
            "members": sorted(tuple(s.articles) for s in stories),
            "stories": sorted(s.model_dump_json() for s in stories),
            "dossiers": sorted(store.dossier(s.id).model_dump_json() for s in stories),
        }


def _ingest(paths: list[str], db: Path, **how: Any) -> dict[str, Any]:
    settings = Settings(batch_size=how.pop("batch_size", SMALL_BATCH))
    with Store(db) as store:
        report = ingest(paths, store, settings, **how)
    assert report.added > 0
    return _snapshot(db)


@pytest.fixture(scope="module")
def one_worker(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    return _ingest([str(SAMPLE)], tmp_path_factory.mktemp("w1") / "s.db", workers=1)


def test_two_workers_store_what_one_does(one_worker: dict[str, Any], tmp_path: Path) -> None:
    two = _ingest([str(SAMPLE)], tmp_path / "s.db", workers=2)
    assert len(one_worker["articles"]) >= 28 and len(one_worker["members"]) >= 5
    assert two == one_worker


def test_dask_local_cluster_stores_what_one_worker_does(
    one_worker: dict[str, Any], tmp_path: Path
) -> None:
    dask = _ingest([str(SAMPLE)], tmp_path / "s.db", cluster="local:2")
    assert dask == one_worker


@pytest.mark.skipif(not SEEDS.is_dir(), reason="seed pages not present")
def test_seeds_the_same_on_every_path(tmp_path: Path) -> None:
    seeds = sorted(str(p) for p in SEEDS.glob("*.txt"))
    one = _ingest(seeds, tmp_path / "a.db", workers=1, batch_size=1)
    assert len(one["members"]) == 1  # the two seeds are one story
    assert _ingest(seeds, tmp_path / "b.db", workers=2, batch_size=1) == one
    assert _ingest(seeds, tmp_path / "c.db", cluster="local:2", batch_size=1) == one


def test_a_second_run_skips_what_the_store_holds(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    _ingest([str(SAMPLE)], db, workers=2)
    with Store(db) as store:
        again = ingest([str(SAMPLE)], store, Settings(batch_size=SMALL_BATCH), workers=2)
        assert again.added == 0 and again.updated == 0
        assert again.skipped == store.count_articles()


def test_killing_a_dask_worker_mid_run_loses_and_doubles_nothing(
    one_worker: dict[str, Any], tmp_path: Path
) -> None:
    """One of the two workers is killed (SIGKILL) right after the first batch is written:
    Dask runs its tasks again on the other (and on the worker its nanny restarts), and the
    store ends up exactly as an uninterrupted run leaves it."""
    from distributed import Client, LocalCluster

    with (
        LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=LOCAL_DASHBOARD
        ) as cluster,
        Client(cluster) as client,
    ):
        pids = client.run(os.getpid)
        victim = sorted(pids.values())[0]
        killed: list[int] = []

        def progress(event: str, n: int) -> None:
            if event == "batch" and not killed:
                os.kill(victim, signal.SIGKILL)
                killed.append(victim)

        db = tmp_path / "s.db"
        with Store(db) as store:
            report = ingest(
                [str(SAMPLE)],
                store,
                Settings(batch_size=4),
                cluster=cluster.scheduler_address,
                progress=progress,
            )
    assert killed
    assert report.added == len(one_worker["articles"]) and report.updated == 0
    got = _snapshot(db)
    assert got["members"] == one_worker["members"]
    assert [a for a in got["articles"]] == sorted(set(got["articles"]))  # none twice


# ------------------------------------------------------------------------- partitions


def _write(path: Path, text: str = "<html><body><p>Text.</p></body></html>") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_one_page_files_go_batch_size_to_a_partition(tmp_path: Path) -> None:
    for i in range(5):
        _write(tmp_path / "crawl" / f"p{i}.html")
    parts = list(plan_partitions([str(tmp_path / "crawl")], Settings(batch_size=2)))
    assert [p.files for p in parts] == [2, 2, 1]
    assert [p.index for p in parts] == [0, 1, 2]
    assert not any(p.many for p in parts)


def test_a_container_or_a_big_file_is_a_partition_of_its_own(tmp_path: Path) -> None:
    _write(tmp_path / "crawl" / "a.html")
    _write(tmp_path / "crawl" / "b.jsonl", '{"id": "x", "text": "Some text here."}\n')
    _write(tmp_path / "crawl" / "c.html")
    _write(tmp_path / "crawl" / "d.html", "<p>" + "x" * (OWN_PARTITION_BYTES + 1) + "</p>")
    parts = list(plan_partitions([str(tmp_path / "crawl")], Settings(batch_size=10)))
    assert [(p.files, p.many) for p in parts] == [(1, False), (1, True), (1, False), (1, True)]


def test_the_walks_rejections_keep_their_place(tmp_path: Path) -> None:
    _write(tmp_path / "a.html")
    parts = list(plan_partitions([str(tmp_path / "a.html"), str(tmp_path / "nope")], Settings()))
    assert len(parts) == 1 and len(parts[0].items) == 2
    entries = scan_part(parts[0], Settings())
    assert isinstance(entries[0], PageKey) and entries[0].id == "a"
    assert not isinstance(entries[1], PageKey) and entries[1].code == "NL-READ-001"


def test_standard_input_is_read_by_the_coordinator(tmp_path: Path) -> None:
    lines = "".join(f'{{"id": "p{i}", "text": "Text of page {i}."}}\n' for i in range(3))
    parts = list(plan_partitions(["-"], Settings(batch_size=2), stdin=io.BytesIO(lines.encode())))
    assert [len(p.items) for p in parts] == [2, 1]
    assert [[k.id for k in scan_part(p, Settings()) if isinstance(k, PageKey)] for p in parts] == [
        ["p0", "p1"],
        ["p2"],
    ]


def test_cluster_addresses_are_checked() -> None:
    assert cluster_problem("local:2") is None
    assert cluster_problem("tcp://10.0.0.1:8786") is None
    assert cluster_problem("local:0") is not None
    assert cluster_problem("local:two") is not None
    assert cluster_problem("scheduler:8786") is not None


def test_one_worker_runs_in_this_process() -> None:
    backend = open_backend(Settings(), workers=1)
    try:
        assert backend.workers == 1 and not backend.remote
    finally:
        backend.close()


def test_outlet_rules_travel_to_workers() -> None:
    import pickle

    rules = OutletNames.from_table({"express.co.uk": "Daily Express"})
    back = pickle.loads(pickle.dumps(rules))
    assert back.resolve("Express.co.uk") == "Daily Express"
    assert back.resolve(None, "www.express.co.uk") == "Daily Express"


# ------------------------------------------------------------------ limits off the main thread


def _busy(seconds: float) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        pass


def _in_thread(fn: Any) -> list[BaseException | None]:
    out: list[BaseException | None] = []

    def run() -> None:
        try:
            fn()
            out.append(None)
        except BaseException as exc:  # OverTime is a BaseException
            out.append(exc)

    thread = threading.Thread(target=run)
    thread.start()
    thread.join(10)
    return out


def test_a_limit_stops_a_worker_thread_that_asks_for_limits() -> None:
    def work() -> None:
        with thread_limits(), time_limit(0.2):
            _busy(3)

    (outcome,) = _in_thread(work)
    assert isinstance(outcome, OverTime) and "0.2-second" in str(outcome)


def test_a_thread_without_limits_is_not_interrupted() -> None:
    def work() -> None:
        with time_limit(0.05):
            _busy(0.3)

    assert _in_thread(work) == [None]


def test_a_block_done_in_time_is_not_interrupted_later() -> None:
    def work() -> None:
        with thread_limits():
            with time_limit(0.2):
                _busy(0.01)
            _busy(0.5)  # past the limit, outside its block

    assert _in_thread(work) == [None]


def test_partition_is_picklable(tmp_path: Path) -> None:
    import pickle

    _write(tmp_path / "a.html")
    (part,) = plan_partitions([str(tmp_path / "a.html")], Settings())
    assert pickle.loads(pickle.dumps(part)) == Partition(part.index, part.items, part.many)


def test_a_jsonl_file_split_over_tasks_stores_what_one_worker_does(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A many-page file is one partition whose batches go out a few at a time (here one per
    task): each task reads the file again and keeps its own stretch of it."""
    import json

    from newsloom.read import read_inputs
    from newsloom.scale import run as scale_run

    pages = [p for p in read_inputs([str(SAMPLE)], Settings()) if not hasattr(p, "code")]
    with (tmp_path / "crawl.jsonl").open("w", encoding="utf-8") as out:
        for page in pages[:12]:
            content = {"html": page.html} if page.html else {"text": page.text}
            line = {"id": page.id, "url": page.url, "date": str(page.crawl_date or ""), **content}
            out.write(json.dumps({k: v for k, v in line.items() if v}) + "\n")
    monkeypatch.setattr(scale_run, "WORK_BATCHES", 1)
    paths = [str(tmp_path / "crawl.jsonl")]
    one = _ingest(paths, tmp_path / "a.db", workers=1, batch_size=4)
    assert len(one["articles"]) >= 10
    assert _ingest(paths, tmp_path / "b.db", workers=2, batch_size=4) == one


def test_a_page_gone_since_the_scan_is_left_out(tmp_path: Path) -> None:
    from newsloom.scale.tasks import Pick, Work, process_work

    _write(tmp_path / "a.html")
    (part,) = plan_partitions([str(tmp_path / "a.html")], Settings())
    work = Work(part, 0, 5, ((Pick(3, "gone"),),))  # no page at position 3 any more
    assert process_work(work, Settings()) == [[]]


def test_a_file_gone_since_the_walk_shares_a_partition(tmp_path: Path) -> None:
    from newsloom.read.paths import Source
    from newsloom.scale.parts import _alone

    assert not _alone(Source("gone.html", tmp_path / "gone.html", "gone.html"))


def test_the_progress_bar_counts_pages_found_and_done() -> None:
    from rich.console import Console
    from rich.progress import Progress

    from newsloom.cli import _bar_update

    with Progress(console=Console(file=io.StringIO()), disable=True) as bar:
        task = bar.add_task("reading", total=None)
        update = _bar_update(bar, task)
        update("total", 64)
        update("total", 10)
        update("batch", 64)
        assert bar.tasks[task].total == 74 and bar.tasks[task].completed == 64
        assert bar.tasks[task].description == "ingesting"
        update("group", 0)
        assert bar.tasks[task].description == "grouping"


def test_a_bad_cluster_address_is_a_usage_error(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from newsloom.cli import app

    _write(tmp_path / "a.html")
    result = CliRunner().invoke(
        app, ["ingest", str(tmp_path / "a.html"), "--db", str(tmp_path / "s.db"), "--cluster", "x"]
    )
    assert result.exit_code == 2 and "scheduler address" in result.output
    assert not (tmp_path / "s.db").exists()


def test_pool_workers_end_when_their_coordinator_is_killed(tmp_path: Path) -> None:
    """A coordinator killed with SIGKILL cannot shut its pool down: its workers notice it is
    gone and end, instead of waiting for a next task for ever."""
    import subprocess
    import sys

    script = (
        "import os, sys, time\n"
        "from newsloom.config import Settings\n"
        "from newsloom.scale.backends import Pool\n"
        "if __name__ == '__main__':\n"
        "    pool = Pool(Settings(), 2)\n"
        "    pool._pool.submit(os.getpid).result()\n"
        "    print(*pool._pool._processes, flush=True)\n"
        "    time.sleep(600)\n"
    )
    (tmp_path / "coordinator.py").write_text(script, encoding="utf-8")
    proc = subprocess.Popen(
        [sys.executable, str(tmp_path / "coordinator.py")],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
    )
    try:
        assert proc.stdout is not None
        workers = [int(p) for p in proc.stdout.readline().split()]  # started on demand: 1 or 2
        assert workers
    finally:
        proc.kill()
        proc.wait()
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and any(_exists(p) for p in workers):
        time.sleep(0.5)
    assert not any(_exists(p) for p in workers)


def _exists(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    with open(f"/proc/{pid}/stat", encoding="ascii") as stat:  # a zombie is gone too
        return stat.read().split()[2] != "Z"


def test_dask_tasks_run_with_the_limits_on() -> None:
    from newsloom.scale.tasks import with_limits

    def work() -> None:
        with time_limit(0.2):
            _busy(3)

    (outcome,) = _in_thread(lambda: with_limits(work))
    assert isinstance(outcome, OverTime)


def test_a_local_cluster_starts_while_another_holds_the_default_dashboard_port() -> None:
    """Two ``--cluster local:N`` runs at once: the second must not need port 8787."""
    import socket

    holder = socket.socket()
    try:
        holder.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            holder.bind(("127.0.0.1", 8787))
            holder.listen()
        except OSError:
            pass  # something holds it already: the same situation
        backend = open_backend(Settings(), cluster="local:1")
        try:
            assert backend.workers == 1
        finally:
            backend.close()
    finally:
        holder.close()
