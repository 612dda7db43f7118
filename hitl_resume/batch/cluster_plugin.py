"""The Dask worker plugin of cluster batches (imports ``distributed``: the cluster extra)."""

from __future__ import annotations

import asyncio
from typing import Any

from distributed.diagnostics.plugin import WorkerPlugin

from hitl_resume.api import default_analyzer
from hitl_resume.batch.cluster import PLUGIN_NAME


class ModelPlugin(WorkerPlugin):
    """Load the model once per worker process (off its event loop) before files arrive."""

    name = PLUGIN_NAME

    async def setup(self, worker: Any) -> None:
        await asyncio.get_running_loop().run_in_executor(None, _load_model)


def _load_model() -> None:
    default_analyzer()
