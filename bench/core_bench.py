"""Learning-rate sweep benchmark: every elementwise rule, batched, looped and in torch.optim.

    python bench/core_bench.py [--repeats 7] [--rules adam,lion,...]

Every rule that takes a point of shape (..., d) runs 500 steps on Rosenbrock from
(-1.2, 1) at 32 log-spaced learning rates (1e-5 ... 1), three ways, in this one process:

- batched: ONE call of core.training.run with ``lr`` of shape (32, 1);
- loop:    32 calls of core.training.run, one per rate;
- torch:   the same 32 x 500 steps in the reference implementation (torch.optim, or
           lion-pytorch / schedulefree for Lion and Schedule-Free AdamW): one optimizer
           with 32 parameter groups, one per rate, fed the same NumPy gradient each step.

Prints medians over the repeats, the loop's and torch's time as multiples of the batched
time, checks that batched and looped runs give the same points, and compares the mean
time per rule of the seven first rules with that of the newer ones. (Muon needs matrix
parameters and is benchmarked on the network instead.)
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import core.optimizers as optimizers  # noqa: E402
from core.optimizers import ALL_NAMES, OPTIMIZER_NAMES, make  # noqa: E402
from core.problems.surfaces import get_surface  # noqa: E402
from core.training.run import run  # noqa: E402

STEPS, N_LR = 500, 32
LRS = np.logspace(-5, 0, N_LR)
X0 = np.array([-1.2, 1.0])
MATRIX_NAMES = getattr(optimizers, "MATRIX_NAMES", ())
ELEMENTWISE = tuple(n for n in ALL_NAMES if n not in MATRIX_NAMES)


def median_ms(fn, repeats: int) -> float:
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return 1e3 * statistics.median(times)


def reference_class(name: str):
    """The reference optimizer class of a rule, or None when its package is missing."""
    try:
        if name == "lion":
            from lion_pytorch import Lion
            return Lion
        if name == "schedule_free_adamw":
            from schedulefree import AdamWScheduleFree
            return AdamWScheduleFree
        import torch
        return {"sgd": torch.optim.SGD, "adagrad": torch.optim.Adagrad,
                "rmsprop": torch.optim.RMSprop, "adadelta": torch.optim.Adadelta,
                "adam": torch.optim.Adam, "adamw": torch.optim.AdamW,
                "nadam": torch.optim.NAdam, "adamax": torch.optim.Adamax,
                "radam": torch.optim.RAdam, "rprop": torch.optim.Rprop,
                "asgd": torch.optim.ASGD, "adafactor": torch.optim.Adafactor}[name]
    except (ImportError, KeyError, AttributeError):
        return None


def torch_sweep(cls, surface) -> None:
    """32 parameter groups (one per rate) of one reference optimizer, 500 steps, each step
    fed the NumPy gradient of every group's point (float64 throughout)."""
    import torch
    params = [torch.tensor(X0, dtype=torch.float64) for _ in LRS]
    opt = cls([{"params": [p], "lr": float(lr)} for p, lr in zip(params, LRS, strict=True)])
    if hasattr(opt, "train"):
        opt.train()                                   # Schedule-Free's training mode
    with torch.no_grad(), np.errstate(all="ignore"):
        for _ in range(STEPS):
            points = torch.stack(params).numpy()
            grads = surface.grad(points)
            for p, g in zip(params, grads, strict=True):
                p.grad = torch.from_numpy(g)
            opt.step()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=7)
    parser.add_argument("--rules", default=",".join(ELEMENTWISE),
                        help="comma-separated rule names (default: every elementwise rule)")
    args = parser.parse_args()
    names = [n for n in args.rules.split(",") if n]
    surface = get_surface("rosenbrock")

    def batched(name):
        return run(make(name, lr=LRS[:, None]), surface, X0, STEPS)

    def looped(name):
        return [run(make(name, lr=float(lr)), surface, X0, STEPS) for lr in LRS]

    print(f"{N_LR} learning rates x {STEPS} steps on Rosenbrock, medians of "
          f"{args.repeats} runs (loop and torch: of {max(1, args.repeats // 2)})\n")
    print(f"{'rule':<21}{'batched ms':>11}{'loop ms':>10}{'loop/b':>8}{'torch ms':>10}"
          f"{'torch/b':>9}")
    per_rule: dict[str, float] = {}
    for name in names:
        same = np.array_equal(batched(name).points,
                              np.stack([t.points for t in looped(name)], axis=1))
        b = median_ms(lambda n=name: batched(n), args.repeats)
        ell = median_ms(lambda n=name: looped(n), max(1, args.repeats // 2))
        cls = reference_class(name)
        if cls is None:
            ref = "    (n/a)"
        else:
            torch_sweep(cls, surface)                 # warm-up: torch imports on first use
            tt = median_ms(lambda c=cls: torch_sweep(c, surface), max(1, args.repeats // 2))
            ref = f"{tt:>10.1f}{tt / b:>8.1f}x"
        per_rule[name] = b
        flag = "" if same else "   (batched and looped paths differ!)"
        print(f"{name:<21}{b:>11.1f}{ell:>10.1f}{ell / b:>7.1f}x{ref}{flag}")
    first = [per_rule[n] for n in OPTIMIZER_NAMES if n in per_rule]
    newer = [per_rule[n] for n in per_rule if n not in OPTIMIZER_NAMES]
    if first and newer:
        m1, m2 = statistics.mean(first), statistics.mean(newer)
        print(f"\nbatched ms per rule: first seven {m1:.1f}, newer {m2:.1f} "
              f"({m2 / m1:.2f}x the first seven's)")


if __name__ == "__main__":
    main()
