"""Learning-rate schedules on the Gradient Descent page, measured rather than asserted.

Presets (:func:`preset`) take their parameters from the run's length T, so they describe
the same shape at any T (η₀ is the base rate each one starts from or peaks at):

    constant             η_k = η₀
    step_lr              step size s = ⌈T/4⌉, γ = 0.1: three drops, to η₀·10⁻³ at 3T/4
    exponential_lr       γ = (10⁻³)^(1/(T−1)): η_{T−1} = η₀·10⁻³
    cosine_annealing_lr  T_max = T, η_min = 0
    warmup_cosine        W = ⌈T/10⌉ warm-up steps from η₀/3 (torch's start factor), then
                         the cosine over the remaining T − W steps

a. Settling the noise floor (:func:`settle`). Mini-batch SGD on the line fit of
core.problems.regression, p_{k+1} = p_k − η_k ∇L_{B_k}(p_k). With a fixed η the batch noise
keeps it hovering above L*; a decaying η_k shrinks each step's share of that noise. Per
schedule, over the seeds s and the tail k ≥ T − ⌈T/10⌉ (the late run),

    floor  = mean_s mean_k [L(p_k) − L*]          jitter = mean_s mean_k ‖p_{k+1} − p_k‖

and every schedule of one seed sees the same mini-batches (common random numbers), so
the schedule is the only difference between the runs.

b. Warm-up (:func:`warmup_study`). On the double well L(w) = w⁴ − 3w² + w the curvature
L''(w) = 12w² − 6 is 42 at the start w₀ = 2 but about 9.35 at the bottom of its basin. One
step of descent is locally stable when η_k L''(w_k) < 2, so each step has the ratio

    r_k = η_k L''(w_k) / 2          (r_k > 1: the step overshoots by more than it corrects)

A peak η just below the bottom's limit 2/L''(w*) is several times the start's limit
2/L''(w₀). The study runs constant, cosine and warm-up + cosine at the same peak.

The control (:func:`line_control`) is the line fit, whose curvature is the same
everywhere (the Hessian does not depend on p): at a peak above 2/λ_max every step there
is unstable, wherever the run is, so warm-up can only delay the blow-up.
"""

from __future__ import annotations

import math
from typing import NamedTuple

import numpy as np

from core.experiments.descent import CurveObjective, local_limit, stability_limit
from core.optimizers import make
from core.problems.curves import get_curve
from core.problems.regression import Regression, make_data, mini_batches
from core.schedules import Schedule
from core.training.run import Trajectory, run

PRESETS = ("constant", "step_lr", "exponential_lr", "cosine_annealing_lr", "warmup_cosine")
DECAYS = ("step_lr", "exponential_lr", "cosine_annealing_lr")
DECAY = 1e-3          # step_lr and exponential_lr end at η₀ · DECAY
STEP_DROPS = 3        # step_lr: 0.1³ = DECAY
WARMUP_SHARE = 0.1    # warmup_cosine warms up over this share of the run
TAIL_SHARE = 0.1      # the late run: the last tenth of the steps

WELL = "double_well"
WARM_NAMES = ("constant", "cosine_annealing_lr", "warmup_cosine")
WARM_STEPS = 200
CONTROL_SHARE = 1.2   # the line-fit control's peak, as a multiple of 2/λ_max


def preset(name: str, steps: int) -> Schedule:
    """The preset schedule ``name`` for a run of ``steps`` steps (see the module docstring)."""
    T = int(steps)
    if name not in PRESETS:
        raise ValueError(f"unknown preset {name!r}; choose one of {', '.join(PRESETS)}")
    if T < 2:
        raise ValueError(f"the presets need at least 2 steps, got {steps!r}")
    if name == "step_lr":
        return Schedule("step_lr", {"step_size": math.ceil(T / (STEP_DROPS + 1)),
                                    "gamma": DECAY ** (1 / STEP_DROPS)})
    if name == "exponential_lr":
        return Schedule("exponential_lr", {"gamma": DECAY ** (1 / (T - 1))})
    if name == "cosine_annealing_lr":
        return Schedule("cosine_annealing_lr", {"T_max": T})
    if name == "warmup_cosine":
        return Schedule("warmup_cosine", {"warmup_steps": warmup_steps(T)})
    return Schedule("constant")


def warmup_steps(steps: int) -> int:
    """W = ⌈T · WARMUP_SHARE⌉, at least 1 and leaving the cosine one step."""
    return min(max(math.ceil(steps * WARMUP_SHARE), 1), steps - 1)


def tail_start(steps: int) -> int:
    """First step index of the late run, T − ⌈T · TAIL_SHARE⌉."""
    return steps - max(math.ceil(steps * TAIL_SHARE), 1)


# ------------------------------------------------------------------ a. the noise floor


def line_runs(seed: int, noise: float, batch: int, lr: float, steps: int,
              names=PRESETS) -> dict[str, Trajectory]:
    """name → mini-batch SGD run on the line fit of ``seed`` under ``preset(name, steps)``,
    every run on the same mini-batches."""
    obj = Regression(make_data(seed, noise))
    batches = mini_batches(obj.data, batch, steps, seed)
    return {n: run(make("sgd", lr=lr), batches, obj.start, steps, schedule=preset(n, steps))
            for n in names}


class Settling(NamedTuple):
    """Per schedule (in the order of ``names``), over ``seeds`` and the late run (points
    k = tail … T, steps k = tail … T−1):

    floors    mean L(p_k) − L* (NaN where a run diverged)
    jitters   mean step length ‖p_{k+1} − p_k‖ (NaN where a run diverged)
    diverged  True where the run of any seed left the bounds
    """

    names: tuple[str, ...]
    floors: tuple[float, ...]
    jitters: tuple[float, ...]
    diverged: tuple[bool, ...]
    seeds: int
    tail: int
    steps: int

    def floor(self, name: str) -> float:
        return self.floors[self.names.index(name)]

    def jitter(self, name: str) -> float:
        return self.jitters[self.names.index(name)]


def settle(seeds, noise: float, batch: int, lr: float, steps: int,
           names=PRESETS) -> Settling:
    """Measure :class:`Settling` (see the module docstring, part a)."""
    seeds, names = list(seeds), tuple(names)
    tail = tail_start(steps)
    gaps = {n: [] for n in names}
    moves = {n: [] for n in names}
    bad = dict.fromkeys(names, False)
    for seed in seeds:
        f_best = float(Regression(make_data(seed, noise)).minima[0].value)
        for n, tr in line_runs(seed, noise, batch, lr, steps, names).items():
            bad[n] |= bool(tr.diverged_at >= 0)
            gaps[n].append(float(np.mean(tr.losses[tail:] - f_best)))
            moves[n].append(float(np.mean(np.linalg.norm(tr.updates[tail:], axis=-1))))
    nan = float("nan")
    return Settling(names, tuple(nan if bad[n] else float(np.mean(gaps[n])) for n in names),
                    tuple(nan if bad[n] else float(np.mean(moves[n])) for n in names),
                    tuple(bad[n] for n in names), len(seeds), tail, int(steps))


# ------------------------------------------------------------------ b. warm-up


class WarmupRun(NamedTuple):
    """One schedule on the double well.

    rates        (steps,) η_k;  ratios (sane steps,) r_k = η_k L''(w_k)/2
    diverged_at  first bad step, −1 if none;  end  the last sane w
    """

    name: str
    trajectory: Trajectory
    rates: np.ndarray
    ratios: np.ndarray
    diverged_at: int
    end: float


class WarmupStudy(NamedTuple):
    """The three :class:`WarmupRun` at peak = share · 2/L''(w*) from w₀ (module docstring)."""

    w0: float
    share: float
    peak: float
    start_limit: float
    bottom: float              # w*, the minimum of w₀'s basin
    bottom_limit: float
    steps: int
    warmup: int
    runs: tuple[WarmupRun, ...]

    def run(self, name: str) -> WarmupRun:
        return next(r for r in self.runs if r.name == name)

    @property
    def start_curvature(self) -> float:
        """L''(w₀) = 2 / start_limit."""
        return 2.0 / self.start_limit

    @property
    def bottom_curvature(self) -> float:
        """L''(w*) = 2 / bottom_limit."""
        return 2.0 / self.bottom_limit

    def at_peak(self) -> tuple[float, float]:
        """(w_W, L''(w_W)): where the warm-up run is when its rate first reaches the peak
        (NaN, NaN if it diverged before)."""
        tr = self.run("warmup_cosine").trajectory
        if 0 <= tr.diverged_at <= self.warmup:
            return float("nan"), float("nan")
        w = float(tr.points[self.warmup, 0])
        return w, float(get_curve(WELL).d2f(w))


def warmup_study(share: float, steps: int = WARM_STEPS) -> WarmupStudy:
    """Constant, cosine and warm-up + cosine on the double well at the same peak rate."""
    curve = get_curve(WELL)
    w0 = float(curve.start)
    basin = local_limit(curve, w0)
    peak = float(share) * basin.limit
    runs = []
    for name in WARM_NAMES:
        tr = run(make("sgd", lr=peak), CurveObjective(curve), [w0], steps,
                 schedule=preset(name, steps))
        rates = preset(name, steps).rates(peak, steps)
        moved = steps if tr.diverged_at < 0 else max(int(tr.diverged_at) - 1, 0)
        ratios = rates[:moved] * curve.d2f(tr.points[:moved, 0]) / 2
        runs.append(WarmupRun(name, tr, rates, ratios, int(tr.diverged_at),
                              float(tr.points[-1, 0])))
    return WarmupStudy(w0, float(share), peak, stability_limit(float(curve.d2f(w0))),
                       float(basin.minimum.x), float(basin.limit), int(steps),
                       warmup_steps(steps), tuple(runs))


def well_minima() -> tuple:
    """The double well's minima (x, value, is_global), for naming where a run ended."""
    return get_curve(WELL).minima


class LineControl(NamedTuple):
    """Constant and warm-up + cosine on the line fit at peak = share · 2/λ_max.

    above  steps whose rate exceeds 2/λ_max, per schedule (same order as ``names``)
    """

    share: float
    peak: float
    limit: float
    names: tuple[str, ...]
    diverged_at: tuple[int, ...]
    above: tuple[int, ...]


def line_control(seed: int, noise: float, batch: int, steps: int,
                 share: float = CONTROL_SHARE) -> LineControl:
    """The control of part b on the mini-batch line fit (constant curvature)."""
    limit = stability_limit(float(Regression(make_data(seed, noise)).curvatures()[-1]))
    peak = float(share) * limit
    names = ("constant", "warmup_cosine")
    runs = line_runs(seed, noise, batch, peak, steps, names)
    above = tuple(int(np.sum(preset(n, steps).rates(peak, steps) > limit)) for n in names)
    return LineControl(float(share), peak, limit, names,
                       tuple(int(runs[n].diverged_at) for n in names), above)
