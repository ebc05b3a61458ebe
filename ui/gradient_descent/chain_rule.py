"""Part 4 of the Gradient Descent page: the chain rule behind the gradient of the line
fit, at step k of the full-batch path of part 3, checked against central differences.

    ∂L/∂w = Σ_i ∂L/∂r_i · ∂r_i/∂w = (1/n) Σ_i r_i x_i
    ∂L/∂b = Σ_i ∂L/∂r_i · ∂r_i/∂b = (1/n) Σ_i r_i       (∂L/∂r_i = r_i / n)
"""

from __future__ import annotations

from functools import partial

import pandas as pd
import streamlit as st

from core.problems.regression import N_POINTS
from ui import controls, numbers
from ui.downloads import csv
from ui.gradient_descent import data

P = "gradient_descent."
fmt = partial(numbers.fmt, digits=4)    # 4 significant digits, never inf, nan or a denormal
FIRST_ROWS = 5                        # data points listed in the chain-rule table


def chain_rule_section(F, settings) -> None:
    t = F.texts(P)
    seed, noise, batch, lr, steps = settings
    st.header(t("s4"), divider="gray")
    st.markdown(t("s4_intro"))
    st.latex(r"r_i = w\,x_i + b - y_i,\qquad L = \frac{1}{n}\sum_i \tfrac12 r_i^2")
    st.latex(r"\frac{\partial L}{\partial w} = \sum_i \frac{\partial L}{\partial r_i}"
             r"\,\frac{\partial r_i}{\partial w} = \frac{1}{n}\sum_i r_i\,x_i,\qquad"
             r"\frac{\partial L}{\partial b} = \sum_i \frac{\partial L}{\partial r_i}"
             r"\,\frac{\partial r_i}{\partial b} = \frac{1}{n}\sum_i r_i")
    k_asked = controls.slider(F, "k4", t("k4"), 0, 1000, 0, 1, help=t("k4_help"))
    k, p, check, d, batch_grad = data.chain_check(seed, noise, batch, lr, steps, k_asked)
    if k != k_asked:
        st.info(t("k4_clamped", asked=k_asked, k=k))
    st.markdown(t("at_point", k=k, w=fmt(p[0]), b=fmt(p[1])))
    m = FIRST_ROWS
    safe = numbers.finite_or_nan                # no denormal or non-finite cell
    first = pd.DataFrame({"i": range(1, m + 1), "x_i": d.x[:m], "y_i": d.y[:m],
                          "r_i": safe(check.r[:m]), "∂L/∂r_i": safe(check.dl_dr[:m]),
                          "∂L/∂r_i · x_i": safe(check.terms[:m, 0])})
    st.caption(t("first_rows", m=m, n=N_POINTS))
    st.dataframe(first, hide_index=True, column_config={
        c: st.column_config.NumberColumn(format="%.5g") for c in first.columns[1:]})
    rows = pd.DataFrame({
        "": ["∂L/∂w", "∂L/∂b"], t("col_chain"): safe(check.grad),
        t("col_numeric"): safe(check.numeric), t("col_diff"): safe(check.gap)})
    st.dataframe(rows, hide_index=True, column_config={
        c: st.column_config.NumberColumn(format="%.10g") for c in rows.columns[1:]})
    csv(F, "chain-rule-terms", first)
    st.markdown(t("numeric_note", h=numbers.precise(check.h, 6),
                  diff=numbers.fmt(float(check.gap.max()), 2)))
    if batch_grad is not None and batch < N_POINTS:
        st.markdown(t("batch_note", k=k, batch=batch, gw=fmt(batch_grad[0]),
                      gb=fmt(batch_grad[1]), fw=fmt(check.grad[0]), fb=fmt(check.grad[1])))
