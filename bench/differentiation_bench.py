"""Differentiation page benchmark: reruns at defaults, with hostile and with new formulas.

    python bench/differentiation_bench.py [--reruns 15]

Prints AppTest rerun times (median and max, ms) for: the page at its defaults (caches
warm); the text box holding each hostile input of tests/test_expr.py (each is a fresh
text, so nothing is cached); and a new valid formula per rerun (parse, differentiate,
compile and sample: a cache miss every time). Also the core cost of refusing each
hostile input and the chart bytes at defaults. Compare with the "(empty page)" line of
bench/pages_bench.py for what Streamlit itself costs.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from core.calculus.formula import ExprError, parse  # noqa: E402
from tests.apputil import chart_bytes, open_page  # noqa: E402
from tests.core.calculus.test_formula import HOSTILE  # noqa: E402


def timed(at) -> float:
    t0 = time.perf_counter()
    at.run()
    if at.exception:
        raise RuntimeError(at.exception[0].value)
    return 1e3 * (time.perf_counter() - t0)


def row(name: str, times: list[float]) -> None:
    print(f"{name:<34}{statistics.median(times):>9.1f}{max(times):>9.1f}{len(times):>6}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reruns", type=int, default=15)
    reruns = parser.parse_args().reruns
    at = open_page("pages/1_Differentiation.py")
    print(f"chart data at defaults: {chart_bytes(at) / 1e3:.1f} KB\n")
    print(f"{'AppTest rerun (ms)':<34}{'median':>9}{'max':>9}{'runs':>6}")
    row("defaults, caches warm", [timed(at) for _ in range(reruns)])
    box = at.text_input(key="typed.f")
    hostile = []
    for text, _ in HOSTILE:
        box.set_value(text)
        hostile.append(timed(at))
    row(f"{len(HOSTILE)} hostile formulas", hostile)
    fresh = []
    for k in range(reruns):
        box.set_value(f"x**3 - {k + 2}*x + sin({k + 1}*x)")
        fresh.append(timed(at))
    row("new valid formula (cache miss)", fresh)
    refuse = []
    for text, _ in HOSTILE:
        t0 = time.perf_counter()
        try:
            parse(text)
        except ExprError:
            pass
        refuse.append(1e3 * (time.perf_counter() - t0))
    row("core refusing one hostile formula", refuse)


if __name__ == "__main__":
    main()
