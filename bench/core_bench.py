"""Learning-rate sweep benchmark: one batched run per optimizer vs one run per setting.

    python bench/core_bench.py [--repeats 7]

Every optimizer runs 500 steps on Rosenbrock from (-1.2, 1) at 32 log-spaced learning
rates (1e-5 ... 1), first as ONE call of core.training.run with ``lr`` of shape (32, 1), then
as 32 calls in a Python loop. Prints medians over the repeats and the speed-up, and
checks that both ways give the same points.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from core.optimizers import OPTIMIZER_NAMES, make  # noqa: E402
from core.problems.surfaces import get_surface  # noqa: E402
from core.training.run import run  # noqa: E402

STEPS, N_LR = 500, 32
LRS = np.logspace(-5, 0, N_LR)


def median_ms(fn, repeats: int) -> float:
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return 1e3 * statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=7)
    repeats = parser.parse_args().repeats
    surface = get_surface("rosenbrock")
    x0 = np.array([-1.2, 1.0])

    def batched(name):
        return run(make(name, lr=LRS[:, None]), surface, x0, STEPS)

    def looped(name):
        return [run(make(name, lr=float(lr)), surface, x0, STEPS) for lr in LRS]

    print(f"{N_LR} learning rates x {STEPS} steps on Rosenbrock, medians of {repeats} runs\n")
    print(f"{'optimizer':<10}{'batched ms':>12}{'loop ms':>12}{'speed-up':>10}")
    total_b = total_l = 0.0
    for name in OPTIMIZER_NAMES:
        same = np.array_equal(batched(name).points,
                              np.stack([t.points for t in looped(name)], axis=1))
        b = median_ms(lambda n=name: batched(n), repeats)
        ell = median_ms(lambda n=name: looped(n), max(1, repeats // 2))
        total_b, total_l = total_b + b, total_l + ell
        flag = "" if same else "   (paths differ!)"
        print(f"{name:<10}{b:>12.1f}{ell:>12.1f}{ell / b:>9.1f}x{flag}")
    print(f"{'all 7':<10}{total_b:>12.1f}{total_l:>12.1f}{total_l / total_b:>9.1f}x")


if __name__ == "__main__":
    main()
