"""The Differentiation page's guided lesson (:func:`ui.lesson.lesson_box`), four steps in
the page's order, each loading one section at fixed settings:

1. line      section 1: a far pair of points on y = a x + b gives the same slope
             m = rise / run as a near pair;
2. secant    section 2: on y = x² the secant slope s(h) = (f(x₀ + h) − f(x₀)) / h = 2x₀ + h
             closes in on the tangent's f′(x₀) as h shrinks;
3. point     section 3: f′(0) = 0 on y = x³, yet 0 is neither a minimum nor a maximum;
4. best_h    section 5: the forward difference on eˣ is most accurate at an h between
             the largest and the smallest, where truncation (~h) meets rounding (~ε/h).

Each reveal reads the same cached calls (:mod:`ui.differentiation.data`) the section
draws from at those settings; the answer comes from :mod:`core.lessons.differentiation`.
"""

from __future__ import annotations

from core.lessons import differentiation as decide
from ui.differentiation import data
from ui.differentiation.words import P, fmt
from ui.lesson import Reveal, Step, lesson_box, said

LINE = {"line.kind": "sloped", "line.a": 0.8, "line.b": 0.5, "line.p1": -2.5, "line.p2": 2.5}
SECANT = {"sec.f": "square", "sec.x0.square": 1.0, "sec.h": 0.001, "sec.left": False}
POINT = {"rule.f": "cube", "rule.x.cube": 0.0}
BEST_H = {"acc.f": "exp", "acc.x0.exp": 1.0}
SIDE = 0.5             # the point step quotes f at x − SIDE and x + SIDE


def line_numbers(s: dict = LINE) -> dict:
    """Slopes of the step's far pair and of the section's nearest other pair (chosen in
    :func:`core.lessons.differentiation.line_step`)."""
    _, _, points, result, others = data.straight_line(s["line.kind"], s["line.a"],
                                                      s["line.b"], s["line.p1"], s["line.p2"])
    n = decide.line_step(result.slope, data.OTHER_PAIRS, others)
    return dict(far=result.slope, rise=result.rise, run=result.run, near=n.near, u=n.u,
                v=n.v, others=others, answer=n.answer)


def _line(F) -> Reveal:
    n = line_numbers()
    return said(F, "line", n["answer"], x1=fmt(LINE["line.p1"]), x2=fmt(LINE["line.p2"]),
                 run=fmt(n["run"]), rise=fmt(n["rise"]), far=fmt(n["far"]), u=fmt(n["u"]),
                 v=fmt(n["v"]), near=fmt(n["near"]),
                 others=", ".join(fmt(m) for m in n["others"]))


def secant_numbers(s: dict = SECANT) -> dict:
    """s(h) at the step's h and at the largest h of the section's approach chart."""
    x0, h = s["sec.x0.square"], s["sec.h"]
    out = data.secant(s["sec.f"], x0, h)
    right = out["approach"][out["approach"].side == "right"]
    big = right.loc[right.h.idxmax()]
    s_large, s_small, exact = float(big.slope), out["slope"], out["exact"]
    return dict(x0=x0, h=h, h_large=float(big.h), s_large=s_large, s_small=s_small,
                exact=exact, gap_large=abs(s_large - exact), gap_small=abs(s_small - exact),
                answer=decide.secant_answer(s_large, s_small, exact))


def _secant(F) -> Reveal:
    n = secant_numbers()
    return said(F, "secant", n["answer"], x0=fmt(n["x0"]), h_large=fmt(n["h_large"]),
                 s_large=fmt(n["s_large"]), h=fmt(n["h"]), s=fmt(n["s_small"], 6),
                 d=fmt(n["exact"]), gap_large=fmt(n["gap_large"], 2),
                 gap=fmt(n["gap_small"], 2))


def point_numbers(s: dict = POINT) -> dict:
    """f′(x), f at x and on both sides, and the kind the section gives the point."""
    key, x = s["rule.f"], s["rule.x.cube"]
    out = data.everywhere(key, (), x)
    f = data.curve_of(key).f
    found = out["stationary"]
    answer = decide.point_answer(found.x.to_numpy(), found.kind.tolist(), x)
    return dict(x=x, d=out["slope"], fx=out["fx"], left=x - SIDE, right=x + SIDE,
                f_left=float(f(x - SIDE)), f_right=float(f(x + SIDE)), answer=answer)


def _point(F) -> Reveal:
    n = point_numbers()
    t = F.texts(P)
    return said(F, "point", n["answer"], x=fmt(n["x"]), d=fmt(n["d"]), fx=fmt(n["fx"]),
                 left=fmt(n["left"]), right=fmt(n["right"]), f_left=fmt(n["f_left"]),
                 f_right=fmt(n["f_right"]), kind=t(f"kind.{n['answer']}"))


def best_h_numbers(s: dict = BEST_H) -> dict:
    """The forward and central errors of the section's accuracy run."""
    x0 = s["acc.x0.exp"]
    e = data.accuracy(s["acc.f"], x0)["errors"]
    return dict(x0=x0, h_best=e.best_forward, e_best=float(e.forward.min()),
                h_tiny=float(e.h[0]), e_tiny=float(e.forward[0]), h_large=float(e.h[-1]),
                e_large=float(e.forward[-1]), hc_best=e.best_central,
                ec_best=float(e.central.min()), answer=decide.best_h_answer(e.h, e.forward))


def _best_h(F) -> Reveal:
    n = best_h_numbers()
    return said(F, "best_h", n["answer"], x0=fmt(n["x0"]), h_best=fmt(n["h_best"], 2),
                 e_best=fmt(n["e_best"], 2), h_tiny=fmt(n["h_tiny"], 1),
                 e_tiny=fmt(n["e_tiny"], 2), h_large=fmt(n["h_large"]),
                 e_large=fmt(n["e_large"], 2), hc_best=fmt(n["hc_best"], 2),
                 ec_best=fmt(n["ec_best"], 2))


STEPS = (
    Step("line", ("steeper", "same", "shallower"), LINE, _line),
    Step("secant", ("zero", "tangent", "grows"), SECANT, _secant),
    Step("point", ("min", "max", "flat"), POINT, _point),
    Step("best_h", ("tiny", "between", "large"), BEST_H, _best_h),
)


def lesson(F) -> Step | None:
    """Draw the lesson box (right under the page's intro); the revealed step or None."""
    return lesson_box(F, STEPS)
