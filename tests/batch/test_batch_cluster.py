"""Batches on a Dask cluster: address parsing, the optional extra, and real local clusters."""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from batch_fixtures import BROKEN_PDF, docx_resume, pdf_resume, read_csv, txt_resume
from click.testing import CliRunner

from hitl_resume.batch import run_batch
from hitl_resume.batch.cluster import (
    INSTALL_HINT,
    ClusterError,
    ClusterSpec,
    connect,
    parse_cluster,
    worker_can_parse,
)
from hitl_resume.cli import main

CPUS = os.cpu_count() or 1


@pytest.mark.parametrize(
    ("spec", "expected"),
    [
        ("local", ClusterSpec(None, CPUS)),
        ("local:1", ClusterSpec(None, 1)),
        (f"local:{CPUS + 5}", ClusterSpec(None, CPUS)),
        ("tcp://10.0.0.5:8786", ClusterSpec("tcp://10.0.0.5:8786")),
        ("10.0.0.5:8786", ClusterSpec("tcp://10.0.0.5:8786")),
        ("tls://sched.example:8786", ClusterSpec("tls://sched.example:8786")),
    ],
)
def test_when_cluster_spec_given_then_parsed_and_capped(spec: str, expected: ClusterSpec) -> None:
    """local:N never exceeds the CPU count (B-09); bare host:port means TCP."""
    assert parse_cluster(spec) == expected


@pytest.mark.parametrize("spec", ["", "local:0", "tcp://a b:1"])
def test_when_cluster_spec_is_bad_then_cluster_error(spec: str) -> None:
    """Nonsense addresses are refused before anything starts."""
    with pytest.raises(ClusterError):
        parse_cluster(spec)


def test_when_extra_missing_then_clear_error_and_nothing_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without the cluster extra, --cluster says how to install it; plain batches still run."""
    monkeypatch.setitem(sys.modules, "distributed", None)  # import now raises ImportError
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "cv.txt").write_bytes(txt_resume())
    with pytest.raises(ClusterError, match="hitl-resume\\[cluster\\]"):
        run_batch([tmp_path / "in"], tmp_path / "out", cluster="local:1", progress=False)
    assert not (tmp_path / "out" / "summary.csv").exists()
    result = CliRunner().invoke(
        main, ["batch", str(tmp_path / "in"), "-o", str(tmp_path / "cli"), "--cluster", "local"]
    )
    assert result.exit_code == 2
    assert INSTALL_HINT in result.output
    plain = run_batch([tmp_path / "in"], tmp_path / "plain", jobs=1, progress=False)
    assert plain.ok_count == 1


def test_when_worker_is_daemonic_then_it_is_reported_unable_to_parse() -> None:
    """Dask's default nanny workers are daemonic and may not start the parse child."""
    with multiprocessing.get_context("spawn").Pool(1) as pool:  # pool workers are daemonic
        assert pool.apply(worker_can_parse) is False
    assert worker_can_parse() is True


def _mixed_inputs(root: Path, copies: int) -> Path:
    """Text, DOCX and PDF resumes (some identical content) plus a broken PDF."""
    root.mkdir()
    for k in range(copies):
        (root / f"t{k:02d}.txt").write_bytes(txt_resume(str(k % 3)))
        (root / f"p{k:02d}.pdf").write_bytes(pdf_resume())
    (root / "cv.docx").write_bytes(docx_resume())
    (root / "broken.pdf").write_bytes(BROKEN_PDF)
    return root


@pytest.fixture(scope="module")
def local_cluster() -> Iterator[str]:
    """One local two-worker cluster for the module (starting one costs seconds)."""
    with connect(parse_cluster("local:2")) as client:
        yield str(client.scheduler.address)


@pytest.mark.slow
def test_when_batch_runs_on_a_local_cluster_then_same_summary_as_local(
    tmp_path: Path, local_cluster: str
) -> None:
    """The cluster changes where files run, never what the summary and reports say."""
    inputs = _mixed_inputs(tmp_path / "in", 3)
    local = run_batch([inputs], tmp_path / "local", jobs=1, progress=False)
    remote = run_batch([inputs], tmp_path / "cluster", cluster=local_cluster, progress=False)
    for name in ("summary.csv", "errors.csv", "cohort.md"):
        assert (tmp_path / "cluster" / name).read_bytes() == (
            tmp_path / "local" / name
        ).read_bytes()
    assert remote.total == local.total == 8
    assert sorted(os.listdir(tmp_path / "cluster" / "reports")) == sorted(
        os.listdir(tmp_path / "local" / "reports")
    )
    assert {f.worker_pid for f in remote.files if f.status == "ok"} - {os.getpid()}
    again = run_batch([inputs], tmp_path / "cluster", cluster=local_cluster, progress=False)
    assert again.cached_count == again.ok_count  # the manifest resumes cluster runs too


@pytest.mark.slow
def test_when_a_worker_dies_mid_batch_then_no_row_is_lost_or_doubled(
    tmp_path: Path, local_cluster: str
) -> None:
    """SIGKILL one worker while files are in flight: its files rerun elsewhere, each row once."""
    import distributed

    inputs = _mixed_inputs(tmp_path / "in", 8)
    expected = len(os.listdir(inputs))
    reports = tmp_path / "out" / "reports"
    killed: list[tuple[int, int]] = []

    def kill_one_worker() -> None:
        with distributed.Client(local_cluster) as client:
            deadline = time.monotonic() + 120
            while time.monotonic() < deadline:
                done = len(os.listdir(reports)) if reports.is_dir() else 0
                busy = {w for w, keys in client.processing().items() if keys}
                if done >= 2 and busy:
                    pids = client.run(os.getpid, workers=[sorted(busy)[0]])
                    pid = next(iter(pids.values()))
                    os.kill(pid, signal.SIGKILL)
                    killed.append((pid, done))
                    return
                time.sleep(0.05)

    killer = threading.Thread(target=kill_one_worker)
    killer.start()
    result = run_batch([inputs], tmp_path / "out", cluster=local_cluster, progress=False)
    killer.join()
    assert killed, "the batch ended before a worker could be killed"
    pid, done_at_kill = killed[0]
    assert done_at_kill < expected
    rows = read_csv(tmp_path / "out" / "summary.csv")[1:]
    assert sorted(row[0] for row in rows) == sorted(os.listdir(inputs))  # each file once
    assert [r for r in rows if r[1] != "ok"] == [r for r in rows if r[0] == "broken.pdf"]
    assert result.total == len(result.files) == expected
    assert any(f.worker_pid not in (0, pid) for f in result.files)
    with distributed.Client(local_cluster) as client:  # the nanny's replacement can parse too
        client.wait_for_workers(2, timeout=60)
        assert all(client.run(worker_can_parse).values())
