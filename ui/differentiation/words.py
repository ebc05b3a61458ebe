"""How the Differentiation page words things: its text keys (``differentiation.``), numbers
to four significant figures (ui.numbers.fmt) and a gap in f's domain in words."""

from __future__ import annotations

from ui import numbers

P = "differentiation."


def fmt(v: float, digits: int = 4) -> str:
    """A value as a student reads it (ui.numbers.fmt): no inf, nan or denormals."""
    return numbers.fmt(v, digits)


def gap_text(F, gap) -> str:
    """One core.calculus.formula.Gap in words: why f has no value, at a point or over a stretch."""
    t = F.texts(P)
    where = (t("gap.at", x=fmt(gap.lo)) if gap.count == 1
             else t("gap.range", lo=fmt(gap.lo), hi=fmt(gap.hi)))
    return t(f"gap.{gap.kind}", where=where)
