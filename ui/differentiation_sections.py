"""Sections 1-3 of the Differentiation page: a straight line, secant to tangent and the
slope everywhere (with the rules checked live). Each ``*_section(F)`` draws its URL-bound
controls, reads cached core results (:mod:`ui.differentiation_data`) and shows charts
(:mod:`ui.charts_differentiation`, :mod:`ui.charts`). No maths happens here.
"""

from __future__ import annotations

import math

import pandas as pd
import streamlit as st

from core.problems.curves import CURVE_NAMES
from ui import charts_differentiation as cd
from ui import controls, numbers
from ui import differentiation_data as data
from ui.render import show, to_spec
from ui.style import style_for

P = "differentiation."
LINE_KINDS = ("sloped", "flat", "vertical")
SUPERSCRIPTS = "⁰¹²³⁴⁵⁶"


def draw(spec: dict, **kwargs) -> None:
    """Show a chart at its own size (equal axis scales and shared widths stay as built)."""
    show(spec, width="content", **kwargs)


def chart_columns(F, spec):
    """Columns for charts side by side; in projector mode (big charts) one above the other."""
    if F.projector:
        return [st.container() for _ in range(spec if isinstance(spec, int) else len(spec))]
    return st.columns(spec)


def fmt(v: float, digits: int = 4) -> str:
    """A value as a student reads it (ui.numbers.fmt): no inf, nan or denormals."""
    return numbers.fmt(v, digits)


def precise(v: float, digits: int = 10) -> str:
    """``digits`` significant figures, for two values that agree in most of them (no
    thousands grouping, which would round 1234.5678 to 1,235); "—" and "0" as fmt."""
    v = float(v)
    return f"{v:.{digits}g}" if math.isfinite(v) and abs(v) >= 1e-300 else fmt(v)


def sentences(F, parts: list[str]) -> str:
    """Sentences in a row: a space between them in English, none after a Chinese 。."""
    return ("" if F.lang == "zh" else " ").join(parts)


def gap_text(F, gap) -> str:
    """One core.calculus.formula.Gap in words: why f has no value, at a point or over a stretch."""
    t = tr(F)
    where = (t("gap.at", x=fmt(gap.lo)) if gap.count == 1
             else t("gap.range", lo=fmt(gap.lo), hi=fmt(gap.hi)))
    return t(f"gap.{gap.kind}", where=where)


def tr(F):
    """The page's text lookup: t("key") reads "differentiation.key"."""
    return lambda key, **kw: F.t(P + key, **kw)


# ------------------------------------------------------------------ 1. a straight line


def line_section(F) -> None:
    t = tr(F)
    st.header(t("s1"), divider="gray")
    st.markdown(t("s1_intro"))
    left, right = st.columns([2, 3])
    kind = controls.select(F, "line.kind", t("line_kind"), LINE_KINDS, "sloped",
                           lambda k: t(f"line_kind.{k}"), where=left, horizontal=True)
    a = 1.5
    if kind == "sloped":
        a = controls.slider(F, "line.a", t("line_a"), -3.0, 3.0, 1.5, 0.1, where=left)
    b = controls.slider(F, "line.b", t("line_b" if kind != "vertical" else "line_c"),
                        -2.0, 2.0, 0.5, 0.1, where=left)
    along = "y" if kind == "vertical" else "x"
    p1 = controls.slider(F, "line.p1", t("line_p1", along=along), -2.5, 2.5, -1.0, 0.1,
                         where=left)
    p2 = controls.slider(F, "line.p2", t("line_p2", along=along), -2.5, 2.5, 1.5, 0.1,
                         where=left)
    line, legs, points, result, others = data.straight_line(kind, a, b, p1, p2)
    with right:
        draw(_line_spec(kind, a, b, p1, p2, F.projector, (t("rise"), t("run"))))
    numbers = dict(rise=fmt(result.rise), run=fmt(result.run))
    if result.run == 0 and result.rise == 0:
        st.info(t("line_same_point"))
    elif result.slope is None:
        st.warning(t("line_vertical", **numbers))
    else:
        st.markdown(t("line_slope", slope=fmt(result.slope), **numbers))
        st.markdown(t("line_others", slopes=", ".join(fmt(s) for s in others)))
        if result.slope == 0:
            st.markdown(t("line_flat"))


@st.cache_data(max_entries=64, show_spinner=False)
def _line_spec(kind: str, a: float, b: float, p1: float, p2: float, projector: bool,
               names: tuple) -> dict:
    line, legs, points, result, _ = data.straight_line(kind, a, b, p1, p2)
    labels = pd.DataFrame({
        "x": [legs.x.mean() if result.run else legs.x.iloc[0], legs.x2.iloc[1]],
        "y": [legs.y.iloc[0], (legs.y.iloc[1] + legs.y2.iloc[1]) / 2],
        "text": [f"{names[1]} = {fmt(result.run)}", f"{names[0]} = {fmt(result.rise)}"]})
    return to_spec(cd.line_view(line, legs, points, labels, style_for(projector), ("x", "y")))


# ------------------------------------------------------------------ 2. secant to tangent


def function_choice(F, key: str, *, default: str = "square", where=st) -> str:
    t = tr(F)
    return controls.select(F, key, t("function"), CURVE_NAMES, default,
                           lambda k: t(f"curve.{k}"), where=where)


def position(F, key: str, name: str, curve, label: str, *, where=st) -> float:
    """A URL-bound x inside the curve's domain, one per curve (``key.<curve>``)."""
    lo, hi = curve.domain
    start = round(float(curve.start), 2)
    return controls.slider(F, f"{key}.{name}", label, round(float(lo), 2), round(float(hi), 2),
                           start, 0.01, fmt="%.2f", where=where)


def secant_section(F) -> None:
    t = tr(F)
    st.header(t("s2"), divider="gray")
    st.markdown(t("s2_intro"))
    left, mid, right = st.columns(3)
    key = function_choice(F, "sec.f", where=left)
    x0 = position(F, "sec.x0", key, data.curve_of(key), t("x0"), where=left)
    h_abs = controls.log_slider(F, "sec.h", t("h"), 1e-6, 1.0, 0.5, stops=data.H_STOPS,
                                where=mid, help=t("h_help"))
    left_side = controls.toggle(F, "sec.left", t("h_left"), where=mid, help=t("h_left_help"))
    h = -h_abs if left_side else h_abs
    out = data.secant(key, x0, h)
    right.latex(r"s(h) = \frac{f(x_0 + h) - f(x_0)}{h}")
    right.markdown(t("secant_now", h=f"{h:g}", s=fmt(out["slope"])))
    a, b = chart_columns(F, 2)
    names = (t("series.f"), t("series.secant"), t("series.tangent"), t("h_axis"),
             t("slope_axis"), t("series.exact"), t("side.right"), t("side.left"))
    with a:
        draw(_secant_spec(key, x0, h, F.projector, names))
    with b:
        draw(_approach_spec(key, x0, h, F.projector, names))
    _limits_note(F, out, x0)


def _limits_note(F, out: dict, x0: float) -> None:
    t = tr(F)
    lim = out["limits"]
    if lim.kind == "smooth":
        gap = abs(out["slope"] - out["exact"])
        st.markdown(t("tangent_exists", x0=fmt(x0), d=fmt(out["exact"]), gap=fmt(gap, 2)))
    elif lim.kind == "kink":
        st.warning(t("kink", x0=fmt(x0), left=fmt(lim.left), right=fmt(lim.right)))
    else:
        st.warning(t(f"limit_{lim.kind}", x0=fmt(x0)))


@st.cache_data(max_entries=64, show_spinner=False)
def _secant_spec(key: str, x0: float, h: float, projector: bool, names: tuple) -> dict:
    out = data.secant(key, x0, h)
    f_name, secant, tangent = names[:3]
    colors = {f_name: cd.F_COLOR, secant: cd.SECANT, tangent: cd.TANGENT}
    curves = cd.relabel(out["curves"], {"f": f_name, "secant": secant, "tangent": tangent})
    return to_spec(cd.secant_view(curves, out["points"], style_for(projector), colors=colors,
                                  x_window=out["x_window"], y_window=out["y_window"],
                                  titles=("x", "f(x)")))


@st.cache_data(max_entries=64, show_spinner=False)
def _approach_spec(key: str, x0: float, h: float, projector: bool, names: tuple) -> dict:
    out = data.secant(key, x0, h)
    exact = out["exact"] if out["limits"].kind == "smooth" else None
    sides = {"right": names[6], "left": names[7]}
    rows = cd.relabel(out["approach"], sides, column="side")
    return to_spec(cd.approach_view(rows, exact, abs(h), out["slope"], style_for(projector),
                                    side_labels=sides, titles=(names[3], names[4], names[5])))


# ------------------------------------------------------------------ 3. slope everywhere


def everywhere_section(F) -> None:
    t = tr(F)
    st.header(t("s3"), divider="gray")
    st.markdown(t("s3_intro"))
    left, mid, right = st.columns(3)
    key = function_choice(F, "rule.f", where=left)
    c = controls.slider(F, "rule.c", t("rule_c"), -3.0, 3.0, 2.0, 0.1, where=mid)
    n = controls.slider(F, "rule.n", t("rule_n"), 0, 6, 3, 1, where=mid)
    a = controls.slider(F, "rule.a", t("rule_a"), -3.0, 3.0, 1.5, 0.1, where=right)
    b = controls.slider(F, "rule.b", t("rule_b"), -3.0, 3.0, -1.0, 0.1, where=right)
    params = data.params_for(key, c, a, b, n)
    curve = data.curve_of(key, params)
    x = position(F, "rule.x", key, curve, t("x_point"), where=left)
    if params:
        left.caption(t("uses_sliders"))
    out = data.everywhere(key, params, x)
    draw(linked_spec(("catalogue", key, params), x, F.projector, linked_names(F)))
    st.caption(t("linked_help"))
    slope_notes(F, out)
    st.markdown(t("rules_intro", x=fmt(x)))
    _rules_table(F, data.rule_checks(x, c, a, b, n), c, a, b, n)


def linked_names(F) -> tuple:
    t = tr(F)
    return (t("series.f"), t("series.tangent"), t("series.df"), t("kind.min"), t("kind.max"),
            t("kind.flat"), t("kind.min_kink"), t("kind.max_kink"), t("slope_label"))


@st.cache_data(max_entries=64, show_spinner=False)
def linked_spec(source: tuple, x: float, projector: bool, names: tuple) -> dict:
    out = (data.everywhere(source[1], source[2], x) if source[0] == "catalogue"
           else data.typed(source[1], x))
    f_name, tangent, df_name = names[:3]
    kinds = dict(zip(("min", "max", "flat", "min_kink", "max_kink"), names[3:8], strict=True))
    colors = {f_name: cd.F_COLOR, tangent: cd.TANGENT, df_name: cd.SLOPE}
    top = cd.relabel(out["top"], {"f": f_name, "tangent": tangent})
    df = cd.relabel(out["df"], {"f′": df_name})
    point = out["point"].assign(text=f"x = {fmt(x)}")
    slope_point = out["slope_point"].assign(text=f"{names[8]} {fmt(out['slope'])}")
    return to_spec(cd.linked_view(
        top, df, out["stationary"], point, slope_point, style_for(projector),
        colors=colors, kind_labels=kinds, domain=out["domain"], f_window=out["f_window"],
        df_window=out["df_window"], titles=("x", "f(x)", "f′(x)")))


def slope_notes(F, out: dict) -> None:
    t = tr(F)
    lim = out["limits"]
    if lim.kind == "smooth" and out["tangent_drawn"]:
        st.markdown(t("slope_at", x=fmt(out["x"]), d=fmt(out["slope"])))
    elif lim.kind == "smooth":
        st.markdown(t("slope_off_chart", x=fmt(out["x"]), d=fmt(out["slope"]), f=fmt(out["fx"])))
    elif lim.kind == "kink":
        st.warning(t("kink", x0=fmt(out["x"]), left=fmt(lim.left), right=fmt(lim.right)))
    else:
        why = out.get("why_undefined") if lim.kind == "undefined" else None
        note = t(f"limit_{lim.kind}", x0=fmt(out["x"]))
        if why is not None:
            note = sentences(F, [note, t("limit_why", reason=gap_text(F, why))])
        st.warning(note)
    if out["flat_everywhere"]:
        st.markdown(t("flat_everywhere"))
        return
    found = out["stationary"]
    if not len(found):
        st.markdown(t("no_stationary"))
        return
    items = [t("stationary_item", kind=t(f"kind.{k}"), x=fmt(x), f=fmt(y))
             for x, y, k in zip(found.x, found.y, found.kind, strict=True)]
    st.markdown(t("stationary_found", items="; ".join(items)))
    if found.kind.str.endswith("_kink").any():
        st.caption(t("kink_note"))


def _rules_table(F, rows: list, c: float, a: float, b: float, n: int) -> None:
    t = tr(F)
    shown = {"constant": (f"f = {fmt(c)}", "f′ = 0"),
             "line": (f"f = {fmt(a)}·x {'+' if b >= 0 else '−'} {fmt(abs(b))}", f"f′ = {fmt(a)}"),
             "power": (f"f = x{SUPERSCRIPTS[n]}",
                       f"f′ = {n}·x{SUPERSCRIPTS[n - 1]}" if n else "f′ = 0")}
    heads = [t(k) for k in ("col_rule", "col_f", "col_formula", "col_numeric", "col_gap",
                            "col_truncation", "col_rounding")]
    lines = ["| " + " | ".join(heads) + " |", "|---" * len(heads) + "|"]
    for rule, r in rows:
        f_text, rule_text = shown[rule]
        lines.append(f"| {t('rule.' + rule)} | {f_text} | {rule_text} → {precise(r.formula, 8)}"
                     f" | {precise(r.numeric, 10)} | {fmt(r.gap, 2)} | {fmt(r.truncation, 2)}"
                     f" | {fmt(r.rounding, 2)} |")
    st.markdown("\n".join(lines))
    st.caption(t("rules_note"))
    st.markdown(_rules_verdict(F, dict(rows), n))


def _rules_verdict(F, checks: dict, n: int) -> str:
    """What this run's table shows: the xⁿ row's truncation, and whether every rest is
    within its rounding scale."""
    t = tr(F)
    power = checks["power"]
    parts = [t("rules_h", h=fmt(power.h, 2))]
    if power.truncation != 0:
        parts.append(t("rules_power_truncation", n=n, pred=fmt(power.truncation, 3),
                       gap=fmt(power.gap, 3), rest=fmt(abs(power.rounding), 2)))
    else:
        parts.append(t("rules_power_exact", n=n))
    loose = [t("rule." + k) for k, r in checks.items() if not r.within_rounding]
    scale = max(r.scale for r in checks.values())
    parts.append(t("rules_rounding_big", rows=", ".join(loose)) if loose
                 else t("rules_rounding_ok", scale=fmt(scale, 2)))
    return sentences(F, parts)
