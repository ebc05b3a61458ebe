"""Optimizer Race benchmark: the issue's performance targets, core and page.

    python bench/race_bench.py [--repeats 7]

Core (NumPy only):
  race       all 9 racers x 500 steps on Rosenbrock, one core.training.run each (target 150 ms
             for a whole page rerun, so the core share must be well below)
  sweep      all 9 racers x 25 learning rates (1e-5 ... 10, as the page) x 500 steps,
             one batched call each
             (target: 300 ms)
  mlp        the network section cold: 9 learning-rate sweeps (9 rates) + 9 training
             runs of 300 steps on 200 moons points, 16 hidden units (target: 1.5 s)

Page (AppTest, as a visitor opens it, with all 9 optimizers and 500 steps):
  rerun, nothing changed     (caches warm)
  rerun, one optimizer's learning rate changed (own rates, inside view) -> 1 new run
  rerun, new seed, own rates (inside view) -> 9 new runs
  rerun, new seed, tuned rates -> 9 new sweeps + 9 new runs
  network section, new size    -> the MLP race cold (tuned rates)
and the chart bytes the page sends in each section. Medians over the repeats.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from core.experiments.racers import RACERS, default_knobs, run_racer, tune  # noqa: E402
from core.problems.mlp import make_mlp_problem  # noqa: E402
from core.problems.surfaces import get_surface  # noqa: E402
from core.training.sweep import lr_grid  # noqa: E402

ALL = ",".join(RACERS)


def median_ms(fn, repeats: int) -> float:
    times = []
    for i in range(repeats):
        t0 = time.perf_counter()
        fn(i)
        times.append(time.perf_counter() - t0)
    return 1e3 * statistics.median(times)


def core_rows(repeats: int) -> list[tuple[str, float, float]]:
    rb = get_surface("rosenbrock")
    knobs = {r: {**default_knobs(r), "lr": 1e-3} for r in RACERS}
    grid = lr_grid(1e-5, 10.0, 25)
    problem = make_mlp_problem("moons", n=200, hidden=16, seed=0, noise=0.15)
    mlp_grid = lr_grid(1e-3, 10.0, 9)

    def race(_):
        for r in RACERS:
            run_racer(r, "torch", knobs[r], rb, rb.start, 500)

    def sweep(_):
        for r in RACERS:
            tune(r, "torch", knobs[r], rb, rb.start, 500, grid)

    def mlp(_):
        for r in RACERS:
            sw = tune(r, "torch", knobs[r], problem, problem.theta0, 300, mlp_grid,
                      final_loss=problem.f)
            run_racer(r, "torch", {**knobs[r], "lr": sw.best_lr or 1e-3}, problem,
                      problem.theta0, 300)
    return [("core: 9 racers x 500 steps", median_ms(race, repeats), 150.0),
            ("core: 9 lr sweeps (25 rates x 500 steps)", median_ms(sweep, repeats), 300.0),
            ("core: network race cold (9 sweeps + 9 runs)", median_ms(mlp, max(3, repeats // 2)),
             1500.0)]


def page_rows(repeats: int) -> list[tuple[str, float, float]]:
    from tests.apputil import chart_bytes, open_page

    def opened(query):
        at = open_page("pages/3_Optimizer_Race.py", {"opts": ALL, "steps": "500", **query})
        assert not at.exception, at.exception[0].value
        return at

    rows = []
    at = opened({})
    rows.append(("page: rerun, nothing changed", median_ms(lambda i: at.run(), repeats), 150.0))
    own = opened({"lrmode": "own", "closer": "inside"})
    lrs = ("0.0015", "0.002", "0.003", "0.005", "0.007", "0.01", "0.015")
    rows.append(("page: rerun, one optimizer's lr changed (1 run)", median_ms(
        lambda i: own.select_slider(key="adam.lr").set_value(float(lrs[i % 7])).run(),
        repeats), 150.0))
    rows.append(("page: rerun, new seed, own rates (9 runs)", median_ms(
        lambda i: own.number_input(key="seed").set_value(100 + i).run(), repeats), 150.0))
    rows.append(("page: rerun, new seed, tuned rates (9 sweeps + runs)", median_ms(
        lambda i: at.number_input(key="seed").set_value(200 + i).run(), repeats), 300.0))
    net = opened({"closer": "network"})
    rows.append(("page: network section cold (new hidden size)", median_ms(
        lambda i: net.slider(key="hidden").set_value(2 + i).run(), max(3, repeats // 2)),
        1500.0))
    for section in ("fair", "inside", "network"):
        kb = chart_bytes(opened({"closer": section})) / 1e3
        rows.append((f"page: chart data, {section} section (KB)", kb, 300.0))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=7)
    repeats = parser.parse_args().repeats
    print(f"Optimizer Race, medians of {repeats} runs (ms unless stated)\n")
    print(f"{'measure':<56}{'value':>10}{'target':>10}")
    for name, value, target in core_rows(repeats) + page_rows(repeats):
        flag = "" if value <= target else "  over"
        print(f"{name:<56}{value:>10.1f}{target:>10.0f}{flag}")


if __name__ == "__main__":
    main()
