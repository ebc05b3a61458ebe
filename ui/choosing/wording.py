"""How the Choosing an Optimizer sections word what they show: optimizer names, numbers
to three significant figures, shares as percentages (100·v %), and the sentence of a
:func:`core.findings.guide.verdict` (used by the guide and the matrix alike)."""

from __future__ import annotations

from ui.choosing.controls import P
from ui.numbers import fmt


def g3(v: float) -> str:
    return fmt(v, 3)


def pct(v: float) -> str:
    return f"{100 * v:.0f}%"


def label(F, key: str) -> str:
    """The display name of an optimizer key (sgd, momentum, …, adam_nobc, adadelta)."""
    return F.t(P + f"opt.{key}")


def labels(F, keys) -> dict:
    """Optimizer key → its display name."""
    return {k: label(F, k) for k in keys}


def verdict_text(F, reason: str, verdict, names: dict) -> str:
    n = {k: (names.get(v, v) if isinstance(v, str) else g3(v) if isinstance(v, float) else v)
         for k, v in verdict.numbers.items()}
    return F.texts(P)(f"guide.verdict.{reason}.{verdict.key}", **n)
