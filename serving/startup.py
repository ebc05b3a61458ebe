"""What a server process does once, at the first script run it serves.

``streamlit run`` has no start-up hook, so every page calls :func:`on_first_run` (through
``ui.frame.setup``); only the first call of a process does anything:

* **malloc.** glibc serves a block over its *mmap threshold* (128 KiB at first) with a
  mapping of its own, returned to the system when freed; but each time such a block is
  freed it raises the threshold towards 32 MiB, so a server that has freed a few big
  NumPy arrays serves the next ones from its heap, where they fragment it and stay
  resident. A fixed threshold (``mallopt(M_MMAP_THRESHOLD, ...)``) stops that creep,
  and ``M_ARENA_MAX`` caps the per-thread arenas (up to 8 per core otherwise). The
  environment variables ``MALLOC_MMAP_THRESHOLD_`` and ``MALLOC_ARENA_MAX``, if set, win.
* **BLAS threads.** OpenBLAS splits a product over every core; the app's matrices are
  small and many sessions compute at once, so the split only adds threads fighting for
  the same two cores. One thread each (``OPENBLAS_NUM_THREADS``, if set, wins).
* **warm-up** of every default view (:mod:`serving.warmup`), unless ``SLOPE_WARMUP=0``.

Outside a real server (AppTest, scripts) it does nothing. These are settings of the one
process, the same for every session; nothing a session chose is kept here.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os

import streamlit as st
from streamlit import config, runtime

from serving import warmup

M_MMAP_THRESHOLD, M_ARENA_MAX = -3, -8      # glibc's mallopt parameter numbers
MMAP_THRESHOLD = 128 * 1024
ARENAS = 2
BLAS_THREADS = 1
WARMUP_SWITCH = "SLOPE_WARMUP"


def on_first_run() -> None:
    """Apply the process settings and start the warm-up, once per server process. Not
    under AppTest, which runs pages against a stand-in for the runtime and serves
    nothing (its warm-up would knock on port 8501, someone else's server if any)."""
    if runtime.exists() and isinstance(runtime.get_instance(), runtime.Runtime):
        _once(local_base())


@st.cache_resource(max_entries=1, show_spinner=False)
def _once(base: str) -> dict:
    """The settings this process applied (cached: later calls return them)."""
    applied = {"mmap threshold": set_malloc(M_MMAP_THRESHOLD, MMAP_THRESHOLD,
                                            "MALLOC_MMAP_THRESHOLD_"),
               "arenas": set_malloc(M_ARENA_MAX, ARENAS, "MALLOC_ARENA_MAX"),
               "blas": limit_blas_threads(BLAS_THREADS), "warm-up": warmup_enabled()}
    if applied["warm-up"]:
        warmup.start_thread(base)
    return applied


def warmup_enabled() -> bool:
    return os.environ.get(WARMUP_SWITCH, "1").strip().lower() not in ("0", "off", "false", "no")


def set_malloc(parameter: int, value: int, variable: str) -> bool:
    """``mallopt(parameter, value)`` (glibc only; not if the environment sets ``variable``)."""
    if variable in os.environ:
        return False
    name = ctypes.util.find_library("c")
    try:
        libc = ctypes.CDLL(name) if name else None
        return bool(libc and libc.mallopt(parameter, value))
    except (OSError, AttributeError):
        return False


def limit_blas_threads(n: int) -> bool:
    """``n`` BLAS threads (through threadpoolctl; not if OPENBLAS_NUM_THREADS is set)."""
    if "OPENBLAS_NUM_THREADS" in os.environ:
        return False
    from threadpoolctl import threadpool_limits
    threadpool_limits(limits=n, user_api="blas")
    return True


def local_base() -> str:
    """This server's own address, as its warm-up thread reaches it."""
    address = config.get_option("server.address") or "127.0.0.1"
    if address in ("0.0.0.0", "::"):
        address = "127.0.0.1"
    host = f"[{address}]" if ":" in address else address
    scheme = "https" if config.get_option("server.sslCertFile") else "http"
    path = (config.get_option("server.baseUrlPath") or "").strip("/")
    port = config.get_option("server.port")
    return f"{scheme}://{host}:{port}" + (f"/{path}" if path else "")
