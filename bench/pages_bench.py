"""Page benchmark: AppTest rerun time of every page at default settings.

    python bench/pages_bench.py [--reruns 15]

For each page (found in ui.frame.PAGES), opens it the way a visitor does (app.py, then
switch_page), times the first run (cold: imports, caches empty) and the median of
``--reruns`` reruns (caches warm), and counts the bytes of chart data it sends. An
empty page measured in the same run is the baseline: what Streamlit itself costs.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from streamlit.testing.v1 import AppTest  # noqa: E402

from tests.apputil import chart_bytes  # noqa: E402
from ui.frame import existing_pages  # noqa: E402


def timed_runs(at: AppTest, reruns: int) -> tuple[float, float]:
    t0 = time.perf_counter()
    at.run()
    cold = time.perf_counter() - t0
    times = []
    for _ in range(reruns):
        t0 = time.perf_counter()
        at.run()
        times.append(time.perf_counter() - t0)
    if at.exception:
        raise RuntimeError(f"page raised: {at.exception[0].value}")
    return 1e3 * cold, 1e3 * statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reruns", type=int, default=15)
    reruns = parser.parse_args().reruns
    print(f"median of {reruns} AppTest reruns at default settings (ms); chart data in KB\n")
    print(f"{'page':<22}{'first run':>11}{'rerun':>9}{'chart KB':>10}")
    empty = AppTest.from_string("import streamlit as st\nst.write('')", default_timeout=60)
    cold, warm = timed_runs(empty, reruns)
    print(f"{'(empty page)':<22}{cold:>11.1f}{warm:>9.1f}{0:>10.1f}")
    for page_id, path, _ in existing_pages():
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
        if path != "app.py":
            at.switch_page(path)
        try:
            cold, warm = timed_runs(at, reruns)
        except RuntimeError as err:
            print(f"{page_id:<22}  {err}")
            continue
        print(f"{page_id:<22}{cold:>11.1f}{warm:>9.1f}{chart_bytes(at) / 1e3:>10.1f}")


if __name__ == "__main__":
    main()
