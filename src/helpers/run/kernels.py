"""Warm kernels: each worker process starts the kernel for its next notebook while the current one runs.

A kernel takes about a second to start and import pandas and matplotlib, much of it spent waiting. A worker keeps
one spare kernel, started (with those imports done at start-up, binding no names in the notebook's namespace) as
soon as it takes a job and only while more jobs wait than there are spares, so no kernel is started for nothing
when the run ends. Set MGI_WARM_KERNELS=0 to start each kernel when its notebook starts (as papermill does).
"""

from __future__ import annotations

import multiprocessing.util
import os
from pathlib import Path

WARM_IMPORTS = ("pandas", "matplotlib.pyplot", "IPython.display", "helpers.data.loader",
                "helpers.reports.common.style", "helpers.reports.common.display")
_EXEC_LINE = ("import importlib as _mgi_i; [_mgi_i.import_module(_m) for _m in %r]; del _mgi_i" % (WARM_IMPORTS,))

_state: dict = {"spare": None, "cwd": None, "remaining": None, "spares": None}


def enabled() -> bool:
    return os.environ.get("MGI_WARM_KERNELS", "1") != "0"


def init_worker(cwd: str, remaining, spares) -> None:
    """ProcessPoolExecutor initializer: remember the shared counters, start a first spare if there is work."""
    _state.update(cwd=cwd, remaining=remaining, spares=spares)
    Path(cwd).mkdir(parents=True, exist_ok=True)
    fd = os.open(Path(cwd) / f"worker-{os.getpid()}.log", os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
    os.dup2(fd, 2)  # kernel chatter goes to a log, not to the cron mail
    os.close(fd)
    multiprocessing.util.Finalize(None, _shutdown_spare, exitpriority=10)
    _maybe_start_spare()


def take() -> object | None:
    """The spare kernel manager (or None) for the job this worker starts now; a new spare is started if needed."""
    remaining, spares = _state["remaining"], _state["spares"]
    if remaining is None:
        return None
    km = _state["spare"]
    with remaining.get_lock():
        remaining.value -= 1
        if km is not None:
            spares.value -= 1
    _state["spare"] = None
    _maybe_start_spare()
    return km


def _maybe_start_spare() -> None:
    remaining, spares = _state["remaining"], _state["spares"]
    if not enabled() or _state["spare"] is not None:
        return
    with remaining.get_lock():
        if remaining.value <= spares.value:
            return
        spares.value += 1
    try:
        _state["spare"] = start(_state["cwd"])
    except Exception:  # no spare: the next notebook starts its own kernel
        with remaining.get_lock():
            spares.value -= 1


def start(cwd: str):
    from jupyter_client.manager import AsyncKernelManager
    from jupyter_core.utils import run_sync

    km = AsyncKernelManager(kernel_name="python3")
    run_sync(km.start_kernel)(cwd=cwd, extra_arguments=[f"--IPKernelApp.exec_lines={_EXEC_LINE}"])
    return km


def shutdown(km) -> None:
    if km is None:
        return
    from jupyter_core.utils import run_sync

    try:
        run_sync(km.shutdown_kernel)(now=True)
    except Exception:  # already gone
        pass


def _shutdown_spare() -> None:
    shutdown(_state.pop("spare", None))
