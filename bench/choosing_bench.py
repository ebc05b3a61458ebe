"""Benchmark of the Choosing an Optimizer page: each view cold and cached, chart bytes,
and the core experiments behind them.

    python bench/choosing_bench.py [--reruns 15]

"cold" is the first AppTest run of a view with every st.cache_data cache cleared
(imports already warm); "rerun" is the median of ``--reruns`` reruns hitting the
caches. Targets from the issue: cold ≤ 2 s, rerun ≤ 150 ms, chart data ≤ 300 KB.
The first table is the CPU seconds (process_time, every thread) of each view's core
computation with nothing cached, default settings and a new seed or setting (target
< 1 s). Multi-threaded OpenBLAS inflates CPU time on small VMs: compare with
OPENBLAS_NUM_THREADS=1.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import streamlit as st  # noqa: E402
from streamlit.testing.v1 import AppTest  # noqa: E402

from core.experiments.ladder import LADDER_SEEDS, LEVELS, ladder  # noqa: E402
from core.experiments.matrix import benchmark, noise_floor  # noqa: E402
from core.experiments.sparse_race import (  # noqa: E402
    CONTROL_SEEDS,
    STEPS,
    control,
    fitted,
    problem,
    race,
)
from tests.apputil import chart_bytes  # noqa: E402

PAGE = "pages/4_Choosing_an_Optimizer.py"
STATES = {
    "sparse (defaults)": {},
    "sparse a=0.5 batch 8": {"a": "0.5", "batch": "8"},
    "sparse shared lr": {"lrmode": "shared", "lr": "0.5"},
    "ladder": {"view": "ladder"},
    "guide (all ticked)": {"view": "guide", "q_sparse": "1", "q_safe": "1", "q_noisy": "1",
                           "q_tune": "1"},
    "matrix": {"view": "matrix"},
}


def page_times(query: dict, reruns: int) -> tuple[float, float, float]:
    st.cache_data.clear()
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    for k, v in query.items():
        at.query_params[k] = v
    at.switch_page(PAGE)
    t0 = time.perf_counter()
    at.run()
    cold = time.perf_counter() - t0
    if at.exception:
        raise RuntimeError(at.exception[0].value)
    times = []
    for _ in range(reruns):
        t0 = time.perf_counter()
        at.run()
        times.append(time.perf_counter() - t0)
    return 1e3 * cold, 1e3 * statistics.median(times), chart_bytes(at) / 1e3


def timed(fn, repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return 1e3 * best


def sparse_cold(a: float, batch: int, seed: int, mode: str = "tuned", lr: float = 0.05):
    """What the sparse view computes (ui.choosing.data.sparse_view): control, then race."""
    c = control(a, batch, range(seed, seed + CONTROL_SEEDS))
    return race(problem(a, batch, seed, STEPS), STEPS, mode, lr, tuned=c.tuned(0))


COLD = {
    "sparse (defaults)": lambda: sparse_cold(1.5, 32, 0),
    "sparse seed 5, a=0.5, batch 8": lambda: sparse_cold(0.5, 8, 5),
    "ladder b2=0.99 (default)": lambda: ladder(b2=0.99),
    "ladder b2=0.9": lambda: ladder(b2=0.9),
    "ladder b2=0.999 (2000 steps)": lambda: ladder(b2=0.999),
    "matrix seed 0 (= guide default)": lambda: (benchmark(0), noise_floor(0)),
    "matrix seed 7": lambda: (benchmark(7), noise_floor(7)),
}


def cold_cpu() -> None:
    """CPU seconds of each view's computation, the shared data cache cleared first."""
    print("cold views: CPU s (process_time), nothing cached")
    for name, fn in COLD.items():
        fitted.cache_clear()
        t0 = time.process_time()
        fn()
        print(f"  {name:<40}{time.process_time() - t0:>8.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reruns", type=int, default=15)
    reruns = parser.parse_args().reruns
    warm = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    warm.switch_page(PAGE)
    warm.run()                                               # imports, once
    cold_cpu()
    print("core experiments (best of 3, ms)")
    pb = problem(1.5, 32, 0, STEPS)
    print(f"  {'problem (data + Newton best fit)':<40}{timed(lambda: problem(1.5, 32, 0)):>8.0f}")
    print(f"  {'race: 5 sweeps × 19 rates + 5 runs':<40}{timed(lambda: race(pb, STEPS)):>8.0f}")
    fitted.cache_clear()
    label = f"ladder: {len(LEVELS)} levels × {len(LADDER_SEEDS)} seeds × 3 rungs"
    print(f"  {label:<40}{timed(ladder, 1):>8.0f}")
    print(f"  {'matrix: 6 optimizers × 5 scenarios':<40}{timed(lambda: benchmark(0), 1):>8.0f}")
    print(f"\npage views (ms; chart data in KB; median of {reruns} reruns)")
    print(f"  {'view':<26}{'cold':>8}{'rerun':>8}{'chart KB':>10}")
    for name, query in STATES.items():
        cold, rerun, kb = page_times(query, reruns)
        print(f"  {name:<26}{cold:>8.0f}{rerun:>8.0f}{kb:>10.1f}")


if __name__ == "__main__":
    main()
