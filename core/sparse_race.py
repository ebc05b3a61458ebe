"""The sparse-gradient experiments: a fair race on :mod:`core.sparse`, its dense
control, and the Adam ladder.

1. :func:`race` — SGD, Momentum, AdaGrad, RMSProp and Adam on the same mini-batches,
   each at its own best learning rate from one batched sweep (``lr_mode="tuned"``) or
   all at one shared rate. It records the excess loss L(w_k) − L(ŵ), the weight error of
   frequent and rare features, and every feature's effective learning rate.
2. :func:`control` — the same race, tuned, on several data seeds of the sparse data
   AND of the dense control with the same per-feature curvature (``kind="dense"`` of
   :func:`core.sparse.make_data`): a gain the control shares comes from curvature.
3. :func:`ladder` — RMSProp → Adam without bias correction → Adam over a range of
   sparsity exponents, each tuned. With RMSProp's α equal to Adam's β₂ (matched memory)
   the rungs differ by one piece each: the first adds momentum (β₁), the second bias
   correction. It runs past 1/(1 − β₂) steps (:func:`ladder_steps`), so bias correction
   is judged after the start-up period too, not only inside it.

Every best rate is chosen by the tuning rule of :mod:`core.sweep` (stable runs only,
lowest mean log10 gap), with the gap measured from the best fit: g = L(w) − L(ŵ).
Runs go through :func:`core.run.run`; several data seeds are stacked on one leading
axis (:class:`Stack`) so one run serves them all.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from .optimizers import make
from .optimizers.ablation import make_ablation
from .race import RULE, build, hparams, run_racer
from .race_inside import inside
from .run import run
from .sparse import (
    KINDS,
    SparseLogistic,
    best_fit,
    groups,
    loss_grad,
    make_data,
    make_objective,
    sigmoid,
    weight_error,
)
from .sweep import CHECKPOINTS, best_index, lr_grid, tuning_score

CONTENDERS: tuple[str, ...] = ("sgd", "momentum", "adagrad", "rmsprop", "adam")
LADDER: tuple[str, ...] = ("rmsprop", "adam_nobc", "adam")
LR_GRID = lr_grid(1e-4, 1e2, 19)
LADDER_LRS = lr_grid(1e-4, 10.0, 16)     # same spacing; the Adam family never wants more
CURVE_POINTS = 101
# The page's budget: sizes that keep a sweep of five optimizers near 0.1 s.
F_FEATURES, N_SAMPLES, STEPS = 100, 3000, 300
LEVELS = (0.0, 1.0, 2.0)                 # the ladder's sparsity exponents, dense to sparse
LADDER_SEEDS = (0, 1, 2)
CONTROL_SEEDS = 3                        # data seeds of the control: seed, seed+1, seed+2
MEMORIES = 2.0                           # the ladder runs 2/(1 − β₂) steps (at least STEPS)


class Problem(NamedTuple):
    """An objective with its best fit ŵ and best loss L(ŵ)."""

    objective: SparseLogistic
    w_hat: np.ndarray
    L_hat: float


def problem(a: float, batch_size: int, seed: int, steps: int = STEPS, F: int = F_FEATURES,
            N: int = N_SAMPLES, kind: str = "sparse") -> Problem:
    obj = make_objective(make_data(a, F, N, seed, kind=kind), batch_size, steps)
    w_hat = best_fit(obj.data)
    return Problem(obj, w_hat, float(obj.f(w_hat)))


class RaceResult(NamedTuple):
    """One race. R racers, S curve points (steps 0 … T, thinned), F features.

    lr            (R,)   the rate each racer ran at
    lr_found      (R,)   False where a tuned sweep had no stable rate (lr = grid's lowest)
    at_edge       (R,)   True where the tuned rate is the grid's lowest or highest
    diverged_at   (R,)   step of divergence, -1 if sane
    curve_steps   (S,)
    excess        (R, S) L(w_k) − L(ŵ), floored at 1e-12 (log axes)
    err_frequent  (R, S) relative weight error of the frequent features
    err_rare      (R, S) … of the rare features
    eff_lr        (R, T, F) effective learning rate of each feature at each step
    """

    racers: tuple[str, ...]
    lr: np.ndarray
    lr_found: np.ndarray
    at_edge: np.ndarray
    diverged_at: np.ndarray
    curve_steps: np.ndarray
    excess: np.ndarray
    err_frequent: np.ndarray
    err_rare: np.ndarray
    eff_lr: np.ndarray

    def final_excess(self) -> np.ndarray:
        return self.excess[:, -1]


class Tuned(NamedTuple):
    """Rates chosen by the tuning rule for the racers of one problem: ``lr`` (R,) (NaN:
    no stable rate) and ``at_edge`` (R,)."""

    lr: np.ndarray
    at_edge: np.ndarray


def tuned_rates(pb: Problem, steps: int, racers: tuple[str, ...] = CONTENDERS,
                lrs=LR_GRID) -> Tuned:
    """Each racer's best rate on ``pb`` by the tuning rule (gap from L(ŵ))."""
    st = stack([pb], pb.objective.batch_size)
    sweeps = [_sweep_racer(r, st, steps, lrs) for r in racers]
    return Tuned(np.array([sw.best_lr[0] for sw in sweeps]),
                 np.array([bool(sw.at_edge[0]) for sw in sweeps]))


def race(pb: Problem, steps: int, lr_mode: str = "tuned", shared_lr: float = 0.01,
         racers: tuple[str, ...] = CONTENDERS, lrs=LR_GRID, tuned: Tuned | None = None
         ) -> RaceResult:
    """Every racer on the same mini-batches, from w = 0, at its tuned or a shared rate.

    ``tuned`` passes rates already chosen for ``pb`` (by :func:`tuned_rates` or
    :func:`control`); without it, tuned mode sweeps ``lrs`` here.
    """
    if lr_mode not in ("tuned", "shared"):
        raise ValueError(f"lr_mode must be 'tuned' or 'shared', got {lr_mode!r}")
    R = len(racers)
    if lr_mode == "shared":
        tuned = Tuned(np.full(R, float(shared_lr)), np.zeros(R, dtype=bool))
    elif tuned is None:
        tuned = tuned_rates(pb, steps, racers, lrs)
    found = np.isfinite(tuned.lr)
    rates = np.where(found, tuned.lr, float(np.min(lrs)))
    obj, F = pb.objective, len(pb.w_hat)
    g = groups(obj.data, obj.batch_size)
    ks = np.unique(np.linspace(0, steps, CURVE_POINTS).round().astype(int))
    rows = []
    for racer, lr in zip(racers, rates, strict=True):
        opt = build(racer, "torch", lr=float(lr))
        tr = run_racer(racer, "torch", {"lr": float(lr)}, obj, np.zeros(F), steps,
                       record_states=True, track_loss=False)
        pts = tr.points[ks]
        rows.append((int(tr.diverged_at), np.maximum(obj.f(pts) - pb.L_hat, 1e-12),
                     weight_error(pts, pb.w_hat, g.frequent),
                     weight_error(pts, pb.w_hat, g.rare), inside(opt, tr)["eff_lr"]))
    cols = list(zip(*rows, strict=True))
    return RaceResult(tuple(racers), rates, found, np.asarray(tuned.at_edge, dtype=bool),
                      np.array(cols[0]), ks, *(np.stack(c) for c in cols[1:]))


# ------------------------------------------------------------------ stacked data seeds


class Stack(NamedTuple):
    """P problems of equal size on one leading axis, as one objective for :func:`run`.

    Points have shape (P, n, F) (problem, learning rate, feature). ``X`` (P, N, F),
    ``y`` (P, N); ``Xb`` (P, steps, B, F), ``yb`` (P, steps, B) the mini-batches;
    ``L_hat`` (P,) and ``w_hat`` (P, F) the best fits; ``rare`` (P, F) the rare masks.
    ``batch_grad(w, k)`` = Xbᵀ(σ(Xb w) − yb)/B per problem, as in :mod:`core.sparse`.
    """

    X: np.ndarray
    y: np.ndarray
    Xb: np.ndarray
    yb: np.ndarray
    L_hat: np.ndarray
    w_hat: np.ndarray
    rare: np.ndarray
    bound: float = 1e4

    def f(self, w) -> np.ndarray:
        """Full-data loss of points (..., P, n, F) → (..., P, n), by one batched matmul."""
        w = np.asarray(w, dtype=float)
        P, F = self.X.shape[0], self.X.shape[2]
        flat = np.moveaxis(w, -3, 0).reshape(P, -1, F)              # (P, M, F)
        z = flat @ self.X.transpose(0, 2, 1)                        # (P, M, N)
        yz = flat @ (np.einsum("pnf,pn->pf", self.X, self.y) / self.X.shape[1])[..., None]
        out = np.logaddexp(0.0, z, out=z).mean(axis=-1) - yz[..., 0]   # mean(y z) = w·Xᵀy/N
        return np.moveaxis(out.reshape((P,) + w.shape[:-3] + w.shape[-2:-1]), 0, -2)

    def grad(self, w) -> np.ndarray:
        return np.stack([loss_grad(w[p], self.X[p], self.y[p]) for p in range(len(self.X))])

    def batch_grad(self, w, k: int) -> np.ndarray:
        Xb = self.Xb[:, k]                                          # (P, B, F)
        r = sigmoid(w @ Xb.transpose(0, 2, 1)) - self.yb[:, k, None, :]
        return r @ Xb / Xb.shape[1]


def stack(problems: list[Problem], batch_size: int) -> Stack:
    objs = [pb.objective for pb in problems]
    return Stack(np.stack([o.data.X for o in objs]), np.stack([o.data.y for o in objs]),
                 np.stack([o.Xb for o in objs]), np.stack([o.yb for o in objs]),
                 np.array([pb.L_hat for pb in problems]),
                 np.stack([pb.w_hat for pb in problems]),
                 np.stack([groups(o.data, batch_size).rare for o in objs]))


class StackSweep(NamedTuple):
    """One optimizer swept over ``lrs`` on every problem of a :class:`Stack`.

    best (P,) the rule's choice per problem (-1: no stable rate); excess (P,) the final
    L − L(ŵ) there (floored at 1e-12); err_rare (P,) the rare features' weight error
    there; best_lr (P,) (NaN without a stable rate); at_edge (P,)."""

    best: np.ndarray
    excess: np.ndarray
    err_rare: np.ndarray
    best_lr: np.ndarray
    at_edge: np.ndarray


def sweep_stack(maker, name: str, hp: dict, st: Stack, steps: int, lrs) -> StackSweep:
    """The tuning rule of :mod:`core.sweep` per problem, all problems in one run."""
    lrs = np.asarray(lrs, dtype=float)
    P, F = st.w_hat.shape
    tr = run(maker(name, lr=lrs.reshape(1, -1, 1), **hp), st, np.zeros((P, 1, F)), steps,
             track_loss=False)
    idx = np.unique(np.linspace(0, steps, CHECKPOINTS).round().astype(int))
    curve = st.f(tr.points[idx])                                     # (k, P, n)
    score, stable = tuning_score(curve, tr.diverged_at, st.L_hat[:, None])
    best = np.array([best_index(score[p], stable[p]) for p in range(P)])
    k = np.maximum(best, 0)
    last = tr.points[-1, np.arange(P), k]                            # (P, F)
    excess = np.maximum(curve[-1, np.arange(P), k] - st.L_hat, 1e-12)
    err = np.array([weight_error(last[p], st.w_hat[p], st.rare[p]) for p in range(P)])
    found = best >= 0
    return StackSweep(best, excess, err, np.where(found, lrs[k], np.nan),
                      found & ((best == 0) | (best == len(lrs) - 1)))


def _sweep_racer(racer: str, st: Stack, steps: int, lrs, **knobs) -> StackSweep:
    return sweep_stack(make, RULE[racer], hparams(racer, **knobs), st, steps, lrs)


# ------------------------------------------------------------------ the dense control


class ControlResult(NamedTuple):
    """The tuned race on sparse data and on its dense control, several data seeds.

    excess, err_rare, best_lr, at_edge: (kinds, racers, seeds), kinds = ("sparse",
    "dense"); each at the racer's own best rate for that kind and seed."""

    a: float
    batch: int
    kinds: tuple[str, ...]
    racers: tuple[str, ...]
    seeds: tuple[int, ...]
    excess: np.ndarray
    err_rare: np.ndarray
    best_lr: np.ndarray
    at_edge: np.ndarray

    def tuned(self, s: int = 0, kind: str = "sparse") -> Tuned:
        i = self.kinds.index(kind)
        return Tuned(self.best_lr[i, :, s], self.at_edge[i, :, s])


def control(a: float, batch_size: int, seeds, steps: int = STEPS,
            racers: tuple[str, ...] = CONTENDERS, lrs=LR_GRID, F: int = F_FEATURES,
            N: int = N_SAMPLES) -> ControlResult:
    """Tune every racer on ``seeds`` of the sparse data and of its dense control.

    ``tuned(0)`` gives the rates of the first seed's sparse race (for :func:`race`).
    """
    seeds = tuple(int(s) for s in seeds)
    pbs = [problem(a, batch_size, s, steps, F, N, kind) for kind in KINDS for s in seeds]
    sweeps = [lambda st, r=r: _sweep_racer(r, st, steps, lrs) for r in racers]
    out = _tune_all(pbs, batch_size, steps, len(lrs), sweeps)       # (4, R, K·S)
    out = out.reshape(4, len(racers), len(KINDS), len(seeds)).transpose(0, 2, 1, 3)
    return ControlResult(float(a), int(batch_size), KINDS, tuple(racers), seeds, out[0],
                         out[1], out[2], out[3].astype(bool))


RUN_BYTES = 50e6      # cap on one stacked run's points (its gradients and updates as much)


def _tune_all(problems: list[Problem], batch_size: int, steps: int, n_rates: int,
              sweeps) -> np.ndarray:
    """(4, len(sweeps), P): excess, err_rare, best_lr, at_edge of every sweep (a function
    of a :class:`Stack`) on every problem, in as few stacked runs as RUN_BYTES allows."""
    F = len(problems[0].w_hat)
    per = max(1, int(RUN_BYTES // ((steps + 1) * n_rates * F * 8)))
    out = np.zeros((4, len(sweeps), len(problems)))
    for lo in range(0, len(problems), per):
        st = stack(problems[lo:lo + per], batch_size)
        for r, sweep in enumerate(sweeps):
            sw = sweep(st)
            out[:, r, lo:lo + per] = sw.excess, sw.err_rare, sw.best_lr, sw.at_edge
    return out


# ------------------------------------------------------------------ the Adam ladder


def ladder_steps(b2: float) -> int:
    """Steps of the ladder: MEMORIES × 1/(1 − β₂), at least STEPS, so the run outlasts
    the start-up period that bias correction is about."""
    return max(STEPS, int(np.ceil(MEMORIES / (1.0 - b2))))


def rung_sweep(rung: str, b2: float, st: Stack, steps: int, lrs) -> StackSweep:
    """One rung of the ladder on every problem of ``st``; RMSProp's α is set to β₂."""
    if rung == "rmsprop":
        return _sweep_racer("rmsprop", st, steps, lrs, alpha=b2)
    if rung == "adam":
        return _sweep_racer("adam", st, steps, lrs, b2=b2)
    if rung == "adam_nobc":
        return sweep_stack(make_ablation, "adam_nobc", {"betas": (0.9, b2)}, st, steps, lrs)
    raise ValueError(f"unknown rung {rung!r}; choose one of {', '.join(LADDER)}")


class LadderResult(NamedTuple):
    """The ladder over K sparsity levels, R rungs and the given seeds, ``steps`` long.

    excess    (K, R, seeds)  final excess loss at the rung's tuned rate
    err_rare  (K, R, seeds)  relative weight error of the rare features there
    best_lr   (K, R, seeds)  the tuned rate (NaN if no rate was stable)
    at_edge   (K, R, seeds)  the tuned rate is the grid's lowest or highest
    """

    levels: np.ndarray
    rungs: tuple[str, ...]
    seeds: tuple[int, ...]
    excess: np.ndarray
    err_rare: np.ndarray
    best_lr: np.ndarray
    at_edge: np.ndarray
    steps: int = STEPS
    b2: float = 0.99


def ladder(levels=LEVELS, b2: float = 0.99, seeds=LADDER_SEEDS, batch_size: int = 32,
           steps: int | None = None, F: int = F_FEATURES, N: int = N_SAMPLES,
           rungs: tuple[str, ...] = LADDER, lrs=LADDER_LRS) -> LadderResult:
    """Tune every rung at every sparsity level a in ``levels`` for every seed (the
    problems stacked into as few runs as memory allows)."""
    levels, seeds = np.asarray(levels, dtype=float), tuple(int(s) for s in seeds)
    steps = ladder_steps(b2) if steps is None else int(steps)
    pbs = [problem(float(a), batch_size, s, steps, F, N) for a in levels for s in seeds]
    sweeps = [lambda st, r=r: rung_sweep(r, b2, st, steps, lrs) for r in rungs]
    out = _tune_all(pbs, batch_size, steps, len(lrs), sweeps)       # (4, R, K·S)
    out = out.reshape(4, len(rungs), len(levels), len(seeds)).transpose(0, 2, 1, 3)
    return LadderResult(levels, tuple(rungs), seeds, out[0], out[1], out[2],
                        out[3].astype(bool), steps, float(b2))
