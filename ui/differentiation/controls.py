"""The Differentiation page's own widgets: which catalogue curve, and a URL-bound x inside
its domain (one per curve). Both read and write the URL through :mod:`ui.controls`."""

from __future__ import annotations

import streamlit as st

from core.problems.curves import CURVE_NAMES
from ui import controls
from ui.differentiation.words import P


def function_choice(F, key: str, *, default: str = "square", where=st) -> str:
    t = F.texts(P)
    return controls.select(F, key, t("function"), CURVE_NAMES, default,
                           lambda k: t(f"curve.{k}"), where=where)


def position(F, key: str, name: str, curve, label: str, *, where=st) -> float:
    """A URL-bound x inside the curve's domain, one per curve (``key.<curve>``)."""
    lo, hi = curve.domain
    start = round(float(curve.start), 2)
    return controls.slider(F, f"{key}.{name}", label, round(float(lo), 2), round(float(hi), 2),
                           start, 0.01, fmt="%.2f", where=where)
