"""The rules table of section 3: (c)′ = 0, (a x + b)′ = a and (xⁿ)′ = n xⁿ⁻¹ at x beside
the central difference (f(x + h) − f(x − h)) / 2h, their gap, the predicted truncation
h² f‴(x) / 6 (+ h⁴ f⁽⁵⁾(x) / 120 for xⁿ) and the rounding scale
(core.calculus.differences.rule_check), then what this run's table shows in words."""

from __future__ import annotations

import streamlit as st

from ui.differentiation.words import P, fmt
from ui.numbers import precise

SUPERSCRIPTS = "⁰¹²³⁴⁵⁶"


def rules_table(F, rows: list, c: float, a: float, b: float, n: int) -> None:
    t = F.texts(P)
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
    t = F.texts(P)
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
    return F.join(parts)
