r"""Conditioning: why one step size cannot suit a bowl whose curvatures differ.

The quadratic bowl f(x) = ½ xᵀAx has its minimum at x* = 0 and eigenvalues
λ_min ≤ λ_max; κ = λ_max/λ_min is its condition number. The app's bowl
(:func:`core.problems.surfaces.get_surface`) is f = ½(u² + κ v²) in valley coordinates
u = x cos θ + y sin θ, v = y cos θ − x sin θ, so λ_min = 1 (along the valley u),
λ_max = κ (across it, v) and θ turns the valley away from the axes.

**Gradient descent** x_{k+1} = x_k − η A x_k multiplies the error along each
eigendirection by 1 − ηλ. The best fixed step balances the two ends,

.. math::

    \eta^* = \frac{2}{\lambda_{\min} + \lambda_{\max}},\qquad
    |1 - \eta^*\lambda_{\min}| = |1 - \eta^*\lambda_{\max}| = \frac{\kappa - 1}{\kappa + 1},

so ‖x_k − x*‖ ≤ ((κ−1)/(κ+1))^k ‖x_0 − x*‖ from every start; on the 2-D bowl, whose
only eigenvalues are the two ends, the ratio is exactly (κ−1)/(κ+1) at every step.

**Heavy ball** x_{k+1} = x_k − η ∇f(x_k) + μ (x_k − x_{k−1}), x_{−1} = x_0, is torch's
SGD with momentum (b = μ b + g, x ← x − η b, b starting at g). Its best parameters

.. math::

    \eta = \frac{4}{(\sqrt{\lambda_{\max}} + \sqrt{\lambda_{\min}})^2},\qquad
    \mu = \rho^2,\qquad \rho = \frac{\sqrt\kappa - 1}{\sqrt\kappa + 1}

give asymptotic rate ρ. Along eigenvalue λ the error obeys e_{k+1} = (1 + μ − ηλ) e_k
− μ e_{k−1}; at λ_min and λ_max both roots of z² − (1 + μ − ηλ) z + μ coincide (z = ρ and
z = −ρ), so each error is a line times a power, exactly (:func:`hb_distance`)

.. math::

    u_k = u_0 \left(1 + \tfrac{2k}{\sqrt\kappa + 1}\right)\rho^k,\qquad
    v_k = v_0 \left(1 + \tfrac{2\sqrt\kappa\,k}{\sqrt\kappa + 1}\right)(-\rho)^k .

The linear factors lift a rate measured over steps k…K a little above ρ, less and less
as the window moves later. Steps to a tolerance scale like 1/ln(1/rate): about κ/2 for
descent, √κ/2 for heavy ball, so the speed-up grows like √κ.

**Per-coordinate methods** (RMSprop, Adam) rescale each coordinate of the step: that can
undo κ when each axis is an eigendirection, not when the valley is turned. Gradient
descent and heavy ball do not notice a turn (a rotation commutes with their updates).
"""

from __future__ import annotations

import math
from typing import NamedTuple

import numpy as np

from core.optimizers import make
from core.problems.surfaces import get_surface
from core.training.run import Trajectory, run
from core.training.sweep import lr_grid, sweep_lr

START = (-4.5, 0.4)      # valley coordinates (u, v): far along, a little across, so that
                         # heavy ball's first swings across (about 0.37·√κ·v₀) stay on the map
TOL = 1e-6               # rates and speed-ups: steps until ‖x_k − x*‖ ≤ TOL·‖x_0 − x*‖
MARGIN = 10              # steps the rate runs go on past gradient descent's predicted count
SPEEDUP_KAPPAS = (10.0, 30.0, 100.0, 300.0, 1000.0)
ELEMENTWISE = ("sgd", "rmsprop", "adam")   # gradient descent and two per-coordinate methods
TURN_STEPS = 300         # steps of each run of the aligned-vs-turned comparison
TURN_TOL = 1e-3          # its tolerance on ‖x_k − x*‖/‖x_0 − x*‖
TURN_LRS = lr_grid(1e-4, 10.0, 41)         # the grid each method's rate is tuned on
TURN_KAPPAS = (10.0, 100.0, 1000.0)        # the κ of the aligned-vs-turned table


# ------------------------------------------------------------------ theory


def eigenvalues(kappa: float) -> tuple[float, float]:
    """(λ_min, λ_max) of the app's bowl: 1 along the valley, κ across it."""
    return 1.0, float(kappa)


def hessian(kappa: float, angle: float = 0.0) -> np.ndarray:
    """A with f = ½ xᵀAx for the bowl turned by ``angle`` degrees:
    A = [[c² + κs², (1 − κ)cs], [(1 − κ)cs, s² + κc²]], c = cos θ, s = sin θ."""
    c, s = math.cos(math.radians(angle)), math.sin(math.radians(angle))
    off = (1.0 - kappa) * c * s
    return np.array([[c * c + kappa * s * s, off], [off, s * s + kappa * c * c]])


def gd_lr(lam_min: float, lam_max: float) -> float:
    """The best fixed step of gradient descent, η* = 2/(λ_min + λ_max)."""
    return 2.0 / (lam_min + lam_max)


def gd_rate(kappa: float) -> float:
    """(κ − 1)/(κ + 1): the per-step contraction of the distance at η*."""
    return (kappa - 1.0) / (kappa + 1.0)


def heavy_ball(lam_min: float, lam_max: float) -> tuple[float, float]:
    """(η, μ) of the best heavy ball: η = 4/(√λ_max + √λ_min)², μ = ((√κ−1)/(√κ+1))²."""
    a, b = math.sqrt(lam_max), math.sqrt(lam_min)
    return 4.0 / (a + b) ** 2, ((a - b) / (a + b)) ** 2


def hb_rate(kappa: float) -> float:
    """ρ = (√κ − 1)/(√κ + 1): heavy ball's asymptotic rate at its best (η, μ)."""
    return (math.sqrt(kappa) - 1.0) / (math.sqrt(kappa) + 1.0)


def gd_steps(kappa: float, tol: float = TOL) -> int:
    """Steps until ((κ−1)/(κ+1))^k ≤ tol: k = ⌈ln tol / ln((κ−1)/(κ+1))⌉."""
    return math.ceil(math.log(tol) / math.log(gd_rate(kappa)))


def hb_distance(kappa: float, start, k) -> np.ndarray:
    """‖x_k − x*‖ of the best heavy ball from ``start`` (valley coordinates (u_0, v_0)),
    in closed form: ρ^k √(u_0²(1 + 2k/(√κ+1))² + v_0²(1 + 2√κ k/(√κ+1))²)."""
    k = np.asarray(k, dtype=float)
    r = math.sqrt(kappa)
    u0, v0 = start
    return hb_rate(kappa) ** k * np.hypot(u0 * (1 + 2 * k / (r + 1)),
                                          v0 * (1 + 2 * r * k / (r + 1)))


def diagonal_kappa(kappa: float, angle: float) -> float:
    """κ of D^{-1/2} A D^{-1/2} with D = diag(A): the bowl after rescaling each coordinate
    by its own curvature. For 2×2 matrices this is the best any diagonal rescaling can
    do (Forsythe & Straus, 1955): 1 when the valley is aligned, κ itself at 45°."""
    a = hessian(kappa, angle)
    d = 1.0 / np.sqrt(np.diag(a))
    lam = np.linalg.eigvalsh(a * np.outer(d, d))
    return float(lam[-1] / lam[0])


# ------------------------------------------------------------------ measuring


def valley_start(angle: float, start=START) -> tuple[float, float]:
    """(x, y) = (u c − v s, u s + v c): the point with valley coordinates ``start``."""
    c, s = math.cos(math.radians(angle)), math.sin(math.radians(angle))
    u, v = start
    return (u * c - v * s, u * s + v * c)


def distances(points: np.ndarray) -> np.ndarray:
    """‖x_k − x*‖ along a path (x* = 0), over the last axis."""
    return np.linalg.norm(points, axis=-1)


def steps_to(dist: np.ndarray, tol: float) -> int:
    """The first step k from which ‖x_j − x*‖ ≤ tol·‖x_0 − x*‖ for every later j of the
    run (heavy ball's distance is not monotone), or -1 when the run ends above it."""
    below = np.asarray(dist) <= tol * dist[0]
    if not below[-1]:
        return -1
    above = np.flatnonzero(~below)
    return int(above[-1] + 1) if len(above) else 0


def window_rate(dist: np.ndarray, k: int, end: int) -> float:
    """The mean per-step rate over steps k … end: (‖e_end‖/‖e_k‖)^(1/(end − k))."""
    return float((dist[end] / dist[k]) ** (1.0 / (end - k)))


# ------------------------------------------------------------------ the runs


class RateStudy(NamedTuple):
    """Gradient descent at η* and heavy ball at its best (η, μ), both from
    ``valley_start(0)`` on the aligned bowl, both run ``steps`` = GD's predicted steps to
    ``tol`` plus ``MARGIN``.

    gd_measured        (‖e_K‖/‖e_0‖)^(1/K) over GD's run to the tolerance (K = gd_reached)
    gd_along           mean per-step ratios (u_{k+1}/u_k, v_{k+1}/v_k) over those K steps:
                       the factors 1 − η*λ_min and 1 − η*λ_max, measured
    gd_reached         steps to ``tol`` measured (:func:`steps_to`); gd_predicted: :func:`gd_steps`
    hb_reached         the same for heavy ball; hb_predicted: from :func:`hb_distance`
    window             (k, K) = (hb_reached // 2, hb_reached): late steps, above rounding
    hb_measured        :func:`window_rate` over the window; hb_window: the same from the
                       closed form (the linear factors included)
    """

    kappa: float
    tol: float
    steps: int
    gd: Trajectory
    hb: Trajectory
    gd_lr: float
    hb_lr: float
    hb_mu: float
    gd_measured: float
    gd_along: tuple[float, float]
    gd_reached: int
    gd_predicted: int
    hb_reached: int
    hb_predicted: int
    window: tuple[int, int]
    hb_measured: float
    hb_window: float


def rate_study(kappa: float, tol: float = TOL, start=START) -> RateStudy:
    lam, steps = eigenvalues(kappa), gd_steps(kappa, tol) + MARGIN
    bowl, eta, (lr, mu) = get_surface("bowl", kappa=kappa), gd_lr(*lam), heavy_ball(*lam)
    gd = run(make("sgd", lr=eta), bowl, start, steps)
    hb = run(make("sgd", lr=lr, momentum=mu), bowl, start, steps)
    d_gd, d_hb = distances(gd.points), distances(hb.points)
    k_gd, k_hb = steps_to(d_gd, tol), steps_to(d_hb, tol)
    along = gd.points[1:k_gd + 1] / gd.points[:k_gd]
    exact = hb_distance(kappa, start, np.arange(steps + 1))
    k, end = k_hb // 2, k_hb
    return RateStudy(kappa, tol, steps, gd, hb, eta, lr, mu, window_rate(d_gd, 0, k_gd),
                     (float(along[:, 0].mean()), float(along[:, 1].mean())), k_gd,
                     gd_steps(kappa, tol), k_hb, steps_to(exact, tol), (k, end),
                     window_rate(d_hb, k, end), window_rate(exact, k, end))


class SpeedUp(NamedTuple):
    """Steps to the tolerance of both methods at one κ, and their ratio."""

    kappa: float
    gd_steps: int
    hb_steps: int

    @property
    def ratio(self) -> float:
        return self.gd_steps / self.hb_steps


def speedups(kappas=SPEEDUP_KAPPAS, tol: float = TOL) -> tuple[SpeedUp, ...]:
    """Measured steps to ``tol`` of gradient descent and heavy ball at each κ."""
    studies = [rate_study(kappa, tol) for kappa in kappas]
    return tuple(SpeedUp(float(s.kappa), s.gd_reached, s.hb_reached) for s in studies)


def growth_exponent(rows) -> float:
    """p of the least-squares fit speed-up ≈ c·κ^p (on log–log axes); √κ means p = ½."""
    x = np.log([r.kappa for r in rows])
    y = np.log([r.ratio for r in rows])
    return float(np.polyfit(x, y, 1)[0])


class TurnedRun(NamedTuple):
    """One method at its tuned rate on the bowl turned by ``angle``.

    lr        the best rate of :func:`core.training.sweep.sweep_lr` (NaN when none was stable)
    at_edge   that rate is the grid's lowest or highest
    reached   steps until ‖x_k − x*‖ ≤ tol·‖x_0 − x*‖ for good (-1: not in the run)
    rel       ‖x_k − x*‖/‖x_0 − x*‖ for k = 0 … steps
    first     the first step with rel ≤ tol (-1: never); before ``reached`` when the run
              climbed back above the tolerance in between
    """

    name: str
    angle: float
    lr: float
    at_edge: bool
    reached: int
    rel: np.ndarray
    first: int = -1

    @property
    def final(self) -> float:
        return float(self.rel[-1])


def turned_run(name: str, kappa: float, angle: float, steps: int = TURN_STEPS,
               tol: float = TURN_TOL, lrs=TURN_LRS, start=START) -> TurnedRun:
    """``name`` tuned and run from the same valley point (``valley_start``) on the bowl
    turned by ``angle``: the same problem, only the axes differ."""
    bowl = get_surface("bowl", kappa=kappa, angle=angle)
    sweep = sweep_lr(name, {}, bowl, valley_start(angle, start), steps, lrs)
    if sweep.best < 0:
        return TurnedRun(name, float(angle), math.nan, False, -1, np.ones(steps + 1))
    rel = distances(sweep.trajectory.points[:, sweep.best])
    rel = rel / rel[0]
    below = np.flatnonzero(rel <= tol)
    return TurnedRun(name, float(angle), float(sweep.best_lr), sweep.at_edge,
                     steps_to(rel, tol), rel, int(below[0]) if len(below) else -1)


def turned_race(kappa: float, angle: float, names=ELEMENTWISE, steps: int = TURN_STEPS,
                tol: float = TURN_TOL) -> tuple[tuple[TurnedRun, TurnedRun], ...]:
    """For each method: (its run on the aligned bowl, its run on the bowl turned by ``angle``)."""
    return tuple((turned_run(n, kappa, 0.0, steps, tol), turned_run(n, kappa, angle, steps, tol))
                 for n in names)


def slowdown(aligned: TurnedRun, turned: TurnedRun, margin: float = 0.05) -> int:
    """+1 when the turned run did worse (reached ``tol`` later by more than ``margin``, or
    not at all, or ended farther when neither reached it), -1 when it did better, else 0."""
    a, b = aligned, turned
    if (a.reached < 0) != (b.reached < 0):
        return 1 if b.reached < 0 else -1
    x, y = (a.reached, b.reached) if a.reached >= 0 else (a.final, b.final)
    if y > x * (1 + margin) and y - x > 1e-300:
        return 1
    return -1 if x > y * (1 + margin) else 0


def path_gap(a: TurnedRun, b: TurnedRun) -> float:
    """max_k |a.rel_k − b.rel_k|: how far two runs' relative distances ever differ."""
    return float(np.max(np.abs(a.rel - b.rel)))
