"""Send a batch's per-file work to a Dask distributed cluster and stream the results back.

Dask (not Ray): pure-pip and light (no object store, no raylet), a scheduler and workers start
with one command each on any machine, and it retries a dead worker's tasks on its own. The
client reads every file and sends its bytes (no shared filesystem needed); each worker runs
``worker.analyze_task`` (the same per-file work as ``--jobs``) with the model loaded once by a
worker plugin, and the parse still happens in that worker's isolated, limited child process.
Results come back to the client, which alone writes reports, summaries and the manifest: a file
finishes exactly once, whichever worker ran it and however often it was retried.
"""

from __future__ import annotations

import importlib
import logging
import multiprocessing
import os
import re
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from hitl_resume.batch import worker
from hitl_resume.batch.results import FileResult, Task

Outcome = tuple[FileResult, tuple[tuple[str, bytes], ...]]
Finish = Callable[[FileResult, tuple[tuple[str, bytes], ...]], None]

IN_FLIGHT_PER_THREAD = 4  # queued files per worker thread: keeps workers busy, bounds memory
PLUGIN_NAME = "hitl-resume-batch"
INSTALL_HINT = 'the cluster extra is not installed: pip install "hitl-resume[cluster]"'
_LOCAL = re.compile(r"^local(?::(\d+))?$")

log = logging.getLogger(__name__)


class ClusterError(RuntimeError):
    """The cluster cannot be used (extra missing, bad address, workers that cannot parse)."""


@dataclass(frozen=True, slots=True)
class ClusterSpec:
    """Where to run: a scheduler address, or a local cluster of ``workers`` processes."""

    address: str | None
    workers: int = 0


def parse_cluster(spec: str) -> ClusterSpec:
    """Read ``local``, ``local:N`` or a scheduler address such as ``tcp://10.0.0.5:8786``.

    A local cluster gets the CPU count by default and never more (docs/security.md B-09).
    """
    spec = spec.strip()
    match = _LOCAL.match(spec)
    cpus = os.cpu_count() or 1
    if match:
        wanted = int(match.group(1)) if match.group(1) else cpus
        if wanted < 1:
            raise ClusterError("a local cluster needs at least one worker")
        return ClusterSpec(address=None, workers=min(wanted, cpus))
    if not spec or any(c.isspace() for c in spec):
        raise ClusterError("give a scheduler address (tcp://HOST:8786), local or local:N")
    return ClusterSpec(address=spec if "://" in spec else f"tcp://{spec}")


def require_distributed() -> None:
    """Fail with the install hint when Dask distributed is not importable."""
    try:
        import distributed  # noqa: F401
    except ImportError:
        raise ClusterError(INSTALL_HINT) from None


@contextmanager
def connect(spec: ClusterSpec) -> Iterator[Any]:
    """Yield a ready ``distributed.Client``: model plugin registered, workers able to parse.

    A local cluster's worker processes are started non-daemonic, also when the nanny restarts
    a dead one (Dask starts them daemonic by default, and a daemonic process may not start the
    parse child); the setting is read at each start, so it holds for the cluster's lifetime.
    """
    require_distributed()
    dask: Any = importlib.import_module("dask")
    with dask.config.set({"distributed.worker.daemon": False}), _client(spec) as client:
        _check_workers(client)
        from hitl_resume.batch.cluster_plugin import ModelPlugin

        client.register_plugin(ModelPlugin(), name=PLUGIN_NAME)
        yield client


@contextmanager
def _client(spec: ClusterSpec) -> Iterator[Any]:
    dd: Any = importlib.import_module("distributed")
    cluster = None
    try:
        if spec.address is None:
            cluster = dd.LocalCluster(
                n_workers=spec.workers,
                threads_per_worker=1,
                processes=True,
                host="127.0.0.1",
                dashboard_address=None,
                silence_logs=logging.ERROR,
            )
            client = dd.Client(cluster)
        else:
            client = dd.Client(spec.address, timeout="30s")
    except OSError as exc:  # the address is unreachable or refused the connection
        if cluster is not None:
            cluster.close()
        raise ClusterError(f"cannot reach the Dask scheduler ({type(exc).__name__})") from None
    try:
        yield client
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _check_workers(client: Any) -> None:
    """Refuse workers that cannot start parse children (daemonic) or lack hitl_resume."""
    client.wait_for_workers(1, timeout=60)
    states = client.run(worker_can_parse)
    bad = [address for address, ok in states.items() if not ok]
    if bad:
        raise ClusterError(
            f"{len(bad)} Dask worker(s) run as daemonic processes and cannot start the isolated "
            "parse child: start them with `dask worker ADDRESS --no-nanny` or with "
            "DASK_DISTRIBUTED__WORKER__DAEMON=False (see README, Batches on a cluster)"
        )


def worker_can_parse() -> bool:
    """Run on each worker: a daemonic process may not have children (the parse child)."""
    return not multiprocessing.current_process().daemon


def cluster_threads(client: Any) -> int:
    """How many files the cluster works on at once."""
    threads: dict[str, int] = client.nthreads()
    return max(1, sum(threads.values()))


def run_on_cluster(client: Any, tasks: Iterator[Task], finish: Finish) -> None:
    """Submit tasks as capacity frees up and finish each file once, in completion order.

    A worker that dies mid-file has its files rerun by the scheduler on another worker; a file
    that kills workers repeatedly (Dask's ``allowed-failures``) becomes an error row.
    """
    dd: Any = importlib.import_module("distributed")
    run = uuid.uuid4().hex[:12]  # keys differ between batches sharing a cluster
    pending: dict[Any, Task] = {}
    queue = dd.as_completed()

    def submit() -> bool:
        task = next(tasks, None)
        if task is None:
            return False
        future = client.submit(
            worker.analyze_task, task, key=f"hitl-file-{run}-{task.index}", pure=False
        )
        pending[future] = task
        queue.add(future)
        return True

    while len(pending) < IN_FLIGHT_PER_THREAD * cluster_threads(client) and submit():
        pass
    try:
        for future in queue:
            task = pending.pop(future)
            finish(*_collect(future, task))
            future.release()
            while len(pending) < IN_FLIGHT_PER_THREAD * cluster_threads(client) and submit():
                pass
    finally:
        if pending:
            client.cancel(list(pending))


def _collect(future: Any, task: Task) -> Outcome:
    """A file whose workers kept dying costs its row, not the batch."""
    try:
        outcome: Outcome = future.result()
        return outcome
    except Exception as exc:
        log.warning("cluster task failed: %s", type(exc).__name__)
        return worker.lost_worker_result(task), ()
