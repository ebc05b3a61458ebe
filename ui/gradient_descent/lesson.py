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
              and a cosine from the same peak blow up, while warm-up climbs to that peak
              only after it has come down to where the curve is flatter;
5. momentum   part 6b: on the bowl with κ = 100 heavy ball at its best (η, μ) reaches
              the tolerance about √κ times sooner than gradient descent at its best η
              (rates (√κ − 1)/(√κ + 1) against (κ − 1)/(κ + 1)).

Each reveal reads the same cached calls the section draws from at those settings; the
numbers it quotes and the answer come from :mod:`core.lessons.gradient_descent` (its
``*_step`` records); this module only formats them.
"""

from __future__ import annotations

import streamlit as st

from core.experiments.descent import CONVERGED
from core.experiments.descent_defaults import SURFACE_LESSONS
from core.lessons import gradient_descent as decide
from core.problems.regression import compare_paths
from ui import controls, numbers
from ui.gradient_descent import conditioning_data as cdata
from ui.gradient_descent import data
from ui.gradient_descent import schedules_data as sdata
from ui.gradient_descent.one_weight import fmt, pct
from ui.lesson import Reveal, Step, lesson_box, said

P = "gradient_descent.lesson."
OVERSHOOT = {"curve": "quadratic", "c": 1.0, "w0.quadratic": 2.5, "steps": 30,
             "lr.quadratic": 1.5}
STEEP = {"surf": "bowl", "kappa": 7.0, "lr2.bowl": 0.3, "steps2.bowl": 100}
NOISE = {"noise": 1.0, "seed": 0, "batch": 2, "lr3": 0.3, "steps3": 200}
WARMUP = {"sched.share": 0.95}
MOMENTUM = {"cond.kappa": 100.0}
BOWL_START = tuple(SURFACE_LESSONS["bowl"].start)


def _overshoot(F) -> Reveal:
    s = OVERSHOOT
    c, lr, steps = s["c"], s["lr.quadratic"], s["steps"]
    table, v, diverged_at, _ = data.one_weight(s["curve"], c, s["w0.quadratic"], lr, steps)
    n = decide.overshoot_step(c, lr, diverged_at >= 0, v.ratio, v.flips)
    return said(F, "overshoot", n.answer, c=fmt(c), limit=fmt(n.limit), lr=fmt(lr),
                 r=fmt(n.r), steps=steps, flips=n.flips, w0=fmt(s["w0.quadratic"]),
                 w_end=fmt(float(table.w_new.iloc[-1])), ratio=fmt(n.ratio),
                 tol=pct(CONVERGED))


def _bowl_start() -> None:
    controls.set_point("start.bowl", BOWL_START, BOWL_START)


def _bowl_holds() -> bool:
    return tuple(st.session_state.get("start.bowl", ())) == BOWL_START


def _steep(F) -> Reveal:
    s = STEEP
    kappa, lr = s["kappa"], s["lr2.bowl"]
    tr = data.two_weights("bowl", kappa, BOWL_START, lr, s["steps2.bowl"])
    n = decide.steep_step(kappa, lr, tr.points, tr.losses, tr.valid, int(tr.diverged_at))
    t = F.texts(P + "steep.")
    end = t("end.diverged", k=n.k) if n.k >= 0 else t("end.settled")
    return said(F, "steep", n.answer, kappa=fmt(kappa), lr=fmt(lr), limit_y=fmt(n.limit_y),
                 limit_x=fmt(n.limit_x), rx=fmt(n.rx), ry=fmt(n.ry), end=end,
                 k_last=n.k_last, x=fmt(n.x), y=fmt(n.y))


def _noise(F) -> Reveal:
    s = NOISE
    full, mini, _ = data.regression_runs(s["seed"], s["noise"], s["batch"], s["lr3"],
                                         s["steps3"])
    m = compare_paths(data.regression_of(s["seed"], s["noise"]), full, mini)
    n = decide.noise_step(int(mini.diverged_at) >= 0, m.spread_full, m.spread_mini)
    return said(F, "noise", n.answer, batch=s["batch"], lr=fmt(s["lr3"]), steps=s["steps3"],
                 gap_full=numbers.gap_text(F.t, m.gap_full, 4),
                 gap_mini=numbers.gap_text(F.t, m.gap_mini, 4),
                 spread_full=fmt(n.spread_full), spread_mini=fmt(n.spread_mini),
                 times=numbers.ratio(n.times))


def _warmup(F) -> Reveal:
    w = sdata.warmup(WARMUP["sched.share"])
    runs = [w.run(n) for n in ("constant", "cosine_annealing_lr", "warmup_cosine")]
    answer = decide.warmup_answer(*(r.diverged_at >= 0 for r in runs))
    t = F.texts(P + "warmup.")
    const, cos, warm = (t("end.diverged", k=r.diverged_at) if r.diverged_at >= 0
                        else t("end.ok", w=fmt(r.end)) for r in runs)
    return said(F, "warmup", answer, w0=fmt(w.w0), start_limit=fmt(w.start_limit),
                 bottom=fmt(w.bottom), bottom_limit=fmt(w.bottom_limit), peak=fmt(w.peak),
                 warmup=w.warmup, steps=w.steps, const=const, cos=cos, warm=warm)


def _momentum(F) -> Reveal:
    r = cdata.rates(MOMENTUM["cond.kappa"])
    n = decide.momentum_step(r.gd_reached, r.hb_reached, r.kappa)
    return said(F, "momentum", n.answer, kappa=fmt(r.kappa), tol=fmt(r.tol),
                 gd_lr=numbers.precise(r.gd_lr, 6), hb_lr=numbers.precise(r.hb_lr, 6),
                 mu=numbers.precise(r.hb_mu, 6), k_gd=numbers.count(n.k_gd),
                 k_hb=numbers.count(n.k_hb), ratio=numbers.fmt(n.ratio, 3),
                 sqrtk=numbers.fmt(n.sqrtk, 3))


STEPS = (
    Step("overshoot", ("slide", "zigzag", "diverge"), OVERSHOOT, _overshoot),
    Step("steep", ("settle", "diverge"), STEEP, _steep, load=_bowl_start, holds=_bowl_holds),
    Step("noise", ("same", "jitter", "diverge"), NOISE, _noise),
    Step("warmup", ("all", "warm", "none", "mixed"), WARMUP, _warmup),
    Step("momentum", ("same", "sqrt", "kappa"), MOMENTUM, _momentum),
)


def lesson(F) -> Step | None:
    """Draw the lesson box (right under the page's intro); the revealed step or None."""
    return lesson_box(F, STEPS)
