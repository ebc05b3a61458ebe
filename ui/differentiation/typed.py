"""Section 4, a typed function: f(x) read by core.calculus.formula (never executed), its
derivative f′(x) in LaTeX, the linked f / f′ chart of section 3, where on the grid f has
no value and why, and f′(x₀) from the formula beside (f(x₀ + h) − f(x₀ − h)) / 2h."""

from __future__ import annotations

import streamlit as st

from core.calculus.formula import FUNCTIONS, MAX_DEPTH, MAX_EXPONENT, MAX_LENGTH
from ui import controls
from ui.differentiation import data, tables
from ui.differentiation.everywhere import linked_names, linked_spec, slope_notes
from ui.differentiation.words import P, fmt, gap_text
from ui.downloads import chart_files
from ui.numbers import precise
from ui.render import show

DEFAULT_TEXT = "x**3 - 2*x + sin(x)"


def typed_section(F) -> None:
    t = F.texts(P)
    st.header(t("s4"), divider="gray")
    st.markdown(t("s4_intro"))
    left, right = st.columns([3, 2])
    text = controls.text(F, "typed.f", t("typed_label"), DEFAULT_TEXT,
                         help=t("typed_help", functions=", ".join(f"`{f}`" for f in FUNCTIONS)),
                         where=left)
    x0 = controls.slider(F, "typed.x0", t("x_point"), *data.TYPED_RANGE, 1.0, 0.01, fmt="%.2f",
                         where=right)
    left.caption(t("typed_examples"))
    out = data.typed(text, x0)
    if "error" in out:
        code, params = out["error"]
        st.error(t(f"err.{code}", **_error_fields(F, params)), icon=":material/error:")
        st.caption(t("typed_rules", length=MAX_LENGTH, depth=MAX_DEPTH, power=MAX_EXPONENT))
        return
    st.latex(rf"f(x) = {out['latex']}")
    st.latex(rf"f'(x) = {out['derivative_latex']}")
    show(linked_spec(("typed", text), x0, F.projector, linked_names(F)), width="content",
         files=chart_files(F, "diff-typed", lambda: tables.typed_slopes(text)))
    if out["gaps"]:
        st.info(_gaps_note(F, out["gaps"], out["n_grid"]))
    gap = abs(out["formula"] - out["numeric"])
    if out["limits"].kind == "smooth":
        st.markdown(t("typed_check", x=fmt(x0), formula=precise(out["formula"]),
                      numeric=precise(out["numeric"]), gap=fmt(gap, 2)))
    slope_notes(F, out)


def _gaps_note(F, gaps: list, total: int, shown: int = 4) -> str:
    """Where on the plotted grid f has no value and why (core.calculus.formula.gaps), in words."""
    t = F.texts(P)
    reasons = [gap_text(F, g) for g in gaps[:shown]]
    if len(gaps) > shown:
        reasons.append(t("gap.more", n=len(gaps) - shown))
    return t("typed_gaps", n=sum(g.count for g in gaps), total=total,
             reasons=t("list_sep").join(reasons))


def _error_fields(F, params: dict) -> dict:
    """Error details ready for the message; a construct's kind is translated."""
    fields = dict(params)
    if "kind" in fields:
        fields["kind"] = F.t(P + f"construct.{fields['kind']}")
    return fields
