"""The Gradient Descent page's guided lesson (:func:`ui.lesson.lesson_box`), five steps in
the page's order, each loading one section at fixed settings:

1. overshoot  part 1: on L = ½ w² (L'' = 1, limit 2/L'' = 2) at η = 1.5 one step is
              w ↦ (1 − η) w = −0.5 w: the ball jumps across w* = 0 every step and
              still settles, since |r| < 1;
2. steep      part 2: on the bowl f = ½ (x² + κ y²) with κ = 7 at η = 0.3, x shrinks by
              1 − η = 0.7 but y grows by |1 − η κ| = 1.1: the steep direction's limit
              2/κ decides;
3. noise      part 3: at the same η and steps, mini-batches of B = 2 keep jittering
              around the least-squares fit that the full batch reaches;
4. warmup     part 5b: on the double well a fixed η above the start's limit 2/L''(w₀)
              blows up, while warm-up reaches the same peak where the curve is flatter;
5. momentum   part 6b: on the bowl with κ = 100 heavy ball at its best (η, μ) reaches
              the tolerance about √κ times sooner than gradient descent at its best η
              (rates (√κ − 1)/(√κ + 1) against (κ − 1)/(κ + 1)).

Each reveal reads the same cached calls the section draws from at those settings; the
answer comes from :mod:`core.lessons.gradient_descent`.
"""

from __future__ import annotations

import numpy as np
import streamlit as st

from core.experiments.descent import CONVERGED, contraction, stability_limit
from core.experiments.descent_defaults import SURFACE_LESSONS
from core.lessons import gradient_descent as decide
from core.problems.regression import compare_paths
from ui import controls, numbers
from ui.gradient_descent import conditioning_data as cdata
from ui.gradient_descent import data
from ui.gradient_descent import schedules_data as sdata
from ui.gradient_descent.one_weight import fmt, pct
from ui.lesson import Reveal, Step, lesson_box

P = "gradient_descent.lesson."
OVERSHOOT = {"curve": "quadratic", "c": 1.0, "w0.quadratic": 2.5, "steps": 30,
             "lr.quadratic": 1.5}
STEEP = {"surf": "bowl", "kappa": 7.0, "lr2.bowl": 0.3, "steps2.bowl": 100}
NOISE = {"noise": 1.0, "seed": 0, "batch": 2, "lr3": 0.3, "steps3": 200}
WARMUP = {"sched.share": 0.95}
MOMENTUM = {"cond.kappa": 100.0}
BOWL_START = tuple(SURFACE_LESSONS["bowl"].start)


def _said(F, key: str, answer: str, **nums) -> Reveal:
    t = F.texts(P + f"{key}.")
    return Reveal(answer, F.join([t("measured", **nums), t(f"why.{answer}")]))


def overshoot_numbers(s: dict = OVERSHOOT) -> dict:
    """The verdict of part 1's run: distance ratio, crossings of w*, the last w."""
    c, lr, steps = s["c"], s["lr.quadratic"], s["steps"]
    table, v, diverged_at, _ = data.one_weight(s["curve"], c, s["w0.quadratic"], lr, steps)
    w_end = float(table.w_new.iloc[-1])
    return dict(c=c, lr=lr, limit=stability_limit(c), r=contraction(lr, c), steps=steps,
                w0=s["w0.quadratic"], w_end=w_end, flips=v.flips, ratio=v.ratio,
                answer=decide.overshoot_answer(diverged_at >= 0, v.ratio, v.flips))


def _overshoot(F) -> Reveal:
    n = overshoot_numbers()
    return _said(F, "overshoot", n["answer"], c=fmt(n["c"]), limit=fmt(n["limit"]),
                 lr=fmt(n["lr"]), r=fmt(n["r"]), steps=n["steps"], flips=n["flips"],
                 w0=fmt(n["w0"]), w_end=fmt(n["w_end"]), ratio=fmt(n["ratio"]),
                 tol=pct(CONVERGED))


def _bowl_start() -> None:
    controls.set_point("start.bowl", BOWL_START, BOWL_START)


def _bowl_holds() -> bool:
    return tuple(st.session_state.get("start.bowl", ())) == BOWL_START


def steep_numbers(s: dict = STEEP) -> dict:
    """Part 2's run on the bowl: the two factors, where it blew up, the last sane point."""
    kappa, lr = s["kappa"], s["lr2.bowl"]
    tr = data.two_weights("bowl", kappa, BOWL_START, lr, s["steps2.bowl"])
    sane = np.flatnonzero(tr.valid)
    last = tr.points[sane[-1]]
    diverged = int(tr.diverged_at) >= 0
    return dict(kappa=kappa, lr=lr, limit_y=stability_limit(kappa), limit_x=stability_limit(1.0),
                rx=contraction(lr, 1.0), ry=contraction(lr, kappa), k=int(tr.diverged_at),
                k_last=int(sane[-1]), x=float(last[0]), y=float(last[1]),
                loss_start=float(tr.losses[0]), loss_end=float(tr.losses[sane[-1]]),
                answer=decide.steep_answer(diverged, float(tr.losses[0]),
                                           float(tr.losses[sane[-1]])))


def _steep(F) -> Reveal:
    n = steep_numbers()
    t = F.texts(P + "steep.")
    end = t("end.diverged", k=n["k"]) if n["k"] >= 0 else t("end.settled")
    return _said(F, "steep", n["answer"], kappa=fmt(n["kappa"]), lr=fmt(n["lr"]),
                 limit_y=fmt(n["limit_y"]), limit_x=fmt(n["limit_x"]), rx=fmt(n["rx"]),
                 ry=fmt(n["ry"]), end=end, k_last=n["k_last"], x=fmt(n["x"]), y=fmt(n["y"]))


def noise_numbers(s: dict = NOISE) -> dict:
    """Part 3's two runs: final loss gaps and late distances to the least-squares fit."""
    args = (s["seed"], s["noise"], s["batch"], s["lr3"], s["steps3"])
    full, mini, _ = data.regression_runs(*args)
    m = compare_paths(data.regression_of(s["seed"], s["noise"]), full, mini)
    return dict(batch=s["batch"], lr=s["lr3"], steps=s["steps3"], gap_full=m.gap_full,
                gap_mini=m.gap_mini, spread_full=m.spread_full, spread_mini=m.spread_mini,
                times=m.spread_mini / m.spread_full if m.spread_full > 0 else float("inf"),
                answer=decide.noise_answer(int(mini.diverged_at) >= 0, m.spread_full,
                                           m.spread_mini))


def _noise(F) -> Reveal:
    n = noise_numbers()
    return _said(F, "noise", n["answer"], batch=n["batch"], lr=fmt(n["lr"]), steps=n["steps"],
                 gap_full=numbers.gap_text(F.t, n["gap_full"], 4),
                 gap_mini=numbers.gap_text(F.t, n["gap_mini"], 4),
                 spread_full=fmt(n["spread_full"]), spread_mini=fmt(n["spread_mini"]),
                 times=numbers.ratio(n["times"]))


def warmup_numbers(s: dict = WARMUP) -> dict:
    """Part 5b's study: the limits, the peak, and where each run ended."""
    w = sdata.warmup(s["sched.share"])
    const, cos, warm = (w.run(n) for n in ("constant", "cosine_annealing_lr", "warmup_cosine"))
    return dict(w0=w.w0, start_limit=w.start_limit, bottom=w.bottom, bottom_limit=w.bottom_limit,
                peak=w.peak, warmup=w.warmup, steps=w.steps, k_const=const.diverged_at,
                k_cos=cos.diverged_at, k_warm=warm.diverged_at, ends=(const.end, cos.end, warm.end),
                answer=decide.warmup_answer(const.diverged_at >= 0, warm.diverged_at >= 0))


def _warmup(F) -> Reveal:
    n = warmup_numbers()
    t = F.texts(P + "warmup.")
    ended = [t("end.diverged", k=n[k]) if n[k] >= 0 else t("end.ok", w=fmt(end))
             for k, end in zip(("k_const", "k_cos", "k_warm"), n["ends"], strict=True)]
    return _said(F, "warmup", n["answer"], w0=fmt(n["w0"]), start_limit=fmt(n["start_limit"]),
                 bottom=fmt(n["bottom"]), bottom_limit=fmt(n["bottom_limit"]),
                 peak=fmt(n["peak"]), warmup=n["warmup"], steps=n["steps"], const=ended[0],
                 cos=ended[1], warm=ended[2])


def momentum_numbers(s: dict = MOMENTUM) -> dict:
    """Part 6's rate study: both methods' settings and steps to the tolerance."""
    r = cdata.rates(s["cond.kappa"])
    return dict(kappa=r.kappa, tol=r.tol, gd_lr=r.gd_lr, hb_lr=r.hb_lr, mu=r.hb_mu,
                k_gd=r.gd_reached, k_hb=r.hb_reached, ratio=r.gd_reached / r.hb_reached,
                sqrtk=float(np.sqrt(r.kappa)),
                answer=decide.momentum_answer(r.gd_reached, r.hb_reached, r.kappa))


def _momentum(F) -> Reveal:
    n = momentum_numbers()
    return _said(F, "momentum", n["answer"], kappa=fmt(n["kappa"]), tol=fmt(n["tol"]),
                 gd_lr=numbers.precise(n["gd_lr"], 6), hb_lr=numbers.precise(n["hb_lr"], 6),
                 mu=numbers.precise(n["mu"], 6), k_gd=numbers.count(n["k_gd"]),
                 k_hb=numbers.count(n["k_hb"]), ratio=numbers.fmt(n["ratio"], 3),
                 sqrtk=numbers.fmt(n["sqrtk"], 3))


STEPS = (
    Step("overshoot", ("slide", "zigzag", "diverge"), OVERSHOOT, _overshoot),
    Step("steep", ("settle", "diverge"), STEEP, _steep, load=_bowl_start, holds=_bowl_holds),
    Step("noise", ("same", "jitter", "diverge"), NOISE, _noise),
    Step("warmup", ("all", "warm", "none"), WARMUP, _warmup),
    Step("momentum", ("same", "sqrt", "kappa"), MOMENTUM, _momentum),
)


def lesson(F) -> Step | None:
    """Draw the lesson box (right under the page's intro); the revealed step or None."""
    return lesson_box(F, STEPS)
