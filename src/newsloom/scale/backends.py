"""Where the tasks run: this process, a pool of local processes, or a Dask cluster.

Each backend only submits a function with its arguments and hands back a future; the
scheduling is the standard library's (``concurrent.futures.ProcessPoolExecutor``) or Dask's
(``distributed.Client``). Nothing here retries or places work: when a Dask worker dies, Dask
re-runs its tasks elsewhere, and the coordinator's writes are idempotent by page id and digest.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import replace
from typing import Any, Protocol

from spacy.language import Language

from newsloom.config import OutletNames, Settings
from newsloom.scale.parts import Partition
from newsloom.scale.tasks import Entry, Work, process_work, scan_part, with_limits, worker_nlp

#: ``--cluster local:N`` starts a Dask LocalCluster of N worker processes.
LOCAL_PREFIX = "local:"
#: Where a LocalCluster's scheduler serves its HTTP endpoints: loopback, a free port. With
#: ``None`` distributed still binds its default 8787, so a second ``--cluster local:N`` run at
#: the same time failed to start ("Port 8787 is already in use"); ``":0"`` would listen on
#: every interface.
LOCAL_DASHBOARD = "127.0.0.1:0"


class Handle(Protocol):
    """A submitted task (``concurrent.futures.Future`` or ``distributed.Future``)."""

    def result(self) -> Any: ...


class Backend(Protocol):
    workers: int
    #: Do tasks run elsewhere, where relative paths may not resolve?
    remote: bool

    def scan(self, part: Partition) -> Handle: ...
    def process(self, work: Work) -> Handle: ...
    def close(self) -> None: ...


def worker_settings(settings: Settings) -> Settings:
    """The settings a worker needs (the outlet rules are the writer's, and do not pickle)."""
    return replace(settings, outlets=OutletNames())


def cores() -> int:
    """The cores this process may use."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # pragma: no cover - platforms without sched_getaffinity
        return os.cpu_count() or 1


class Inline:
    """Every task run at once, here, in this process (``--workers 1``)."""

    workers = 1
    remote = False

    def __init__(self, settings: Settings, nlp: Language | None = None) -> None:
        self._settings = settings
        self._nlp = nlp

    def _done(self, fn: Callable[[], Any]) -> Future[Any]:
        future: Future[Any] = Future()
        future.set_result(fn())
        return future

    def scan(self, part: Partition) -> Future[list[Entry]]:
        return self._done(lambda: scan_part(part, self._settings))

    def process(self, work: Work) -> Future[Any]:
        def run() -> Any:
            self._nlp = self._nlp or worker_nlp(self._settings)
            return process_work(work, self._settings, self._nlp)

        return self._done(run)

    def close(self) -> None:
        return None


#: Seconds between a pool worker's checks that its coordinator is still alive.
WATCH_SECONDS = 1.0


def _warm(settings: Settings, coordinator: int) -> None:
    """Pool initializer: a watch that ends this worker when the coordinator is gone (killed
    with SIGKILL, it cannot shut its pool down, and a worker waiting for its next task would
    wait for ever), then spaCy, loaded once per worker before its first task."""
    threading.Thread(target=_watch, args=(coordinator,), daemon=True).start()
    worker_nlp(settings)


def _watch(coordinator: int) -> None:
    while _alive(coordinator):
        time.sleep(WATCH_SECONDS)
    os._exit(1)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # pragma: no cover - a pid reused by another user's process
        return False
    return True


class Pool:
    """``N`` local worker processes (``--workers N``), each with its own spaCy."""

    remote = False

    def __init__(self, settings: Settings, workers: int) -> None:
        self.workers = workers
        self._settings = worker_settings(settings)
        # forkserver: a clean process to fork workers from (the coordinator may hold threads:
        # the progress bar's), with the pipeline's modules imported once in it.
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["newsloom.pipeline"])
        self._pool = ProcessPoolExecutor(
            workers,
            mp_context=context,
            initializer=_warm,
            initargs=(self._settings, os.getpid()),
        )

    def scan(self, part: Partition) -> Future[list[Entry]]:
        return self._pool.submit(scan_part, part, self._settings)

    def process(self, work: Work) -> Future[Any]:
        return self._pool.submit(process_work, work, self._settings)

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)


class DaskCluster:
    """A Dask cluster: ``local:N`` starts a LocalCluster of N single-threaded worker processes;
    anything else is a scheduler address (``tcp://HOST:PORT``) whose workers have newsloom and
    the spaCy model installed and see the input paths at the same place."""

    remote = True

    def __init__(self, settings: Settings, address: str) -> None:
        from distributed import Client, LocalCluster

        self._settings = worker_settings(settings)
        self._cluster: LocalCluster | None = None
        if address.startswith(LOCAL_PREFIX):
            n = int(address[len(LOCAL_PREFIX) :])
            self._cluster = LocalCluster(
                n_workers=n,
                threads_per_worker=1,
                processes=True,
                dashboard_address=LOCAL_DASHBOARD,
            )
            self._client = Client(self._cluster)
        else:
            self._client = Client(address)
        info = self._client.scheduler_info()
        self.workers = max(1, sum(w.get("nthreads", 1) for w in info["workers"].values()))

    @property
    def client(self) -> Any:
        return self._client

    def scan(self, part: Partition) -> Handle:
        handle: Handle = self._client.submit(
            with_limits, scan_part, part, self._settings, pure=False
        )
        return handle

    def process(self, work: Work) -> Handle:
        handle: Handle = self._client.submit(
            with_limits, process_work, work, self._settings, pure=False
        )
        return handle

    def close(self) -> None:
        self._client.close()
        if self._cluster is not None:
            # A worker still freeing spaCy when the nanny stops it is killed after a few
            # seconds, with a warning that says nothing to a user whose run is complete.
            logging.getLogger("distributed.nanny").setLevel(logging.ERROR)
            self._cluster.close()


def cluster_problem(address: str) -> str | None:
    """Why ``--cluster`` cannot be used as given, else None."""
    if address.startswith(LOCAL_PREFIX):
        n = address[len(LOCAL_PREFIX) :]
        return None if n.isdigit() and int(n) > 0 else "local:N needs a number of workers ≥ 1"
    if "://" not in address:
        return "give local:N or a scheduler address such as tcp://HOST:8786"
    return None


def open_backend(
    settings: Settings, workers: int = 1, cluster: str | None = None, nlp: Language | None = None
) -> Backend:
    """The backend for ``--workers`` / ``--cluster`` (``cluster`` wins; 0 workers: every core)."""
    if cluster:
        return DaskCluster(settings, cluster)
    n = workers or cores()
    return Inline(settings, nlp) if n == 1 else Pool(settings, n)
