"""One colour per optimizer, the same on every page and in every legend.

The article's nine racers take Okabe & Ito's colour-blind-safe palette (its yellow
darkened so it shows on a white background, grey the ninth colour); the rules beyond
them take the darker colours of Paul Tol's palettes, so that no two racers share a
hue family that a projector washes together. Variants of a rule that the pages show
beside it (AMSGrad, Adam without bias correction) share its colour and differ by dash
pattern.
"""

from __future__ import annotations

from types import MappingProxyType

OPTIMIZER_COLORS = MappingProxyType({
    "sgd": "#000000",        # black
    "momentum": "#E69F00",   # orange
    "nesterov": "#D55E00",   # vermillion
    "adagrad": "#009E73",    # bluish green
    "rmsprop": "#56B4E9",    # sky blue
    "adadelta": "#999999",   # grey
    "adam": "#0072B2",       # blue
    "adamw": "#CC79A7",      # reddish purple
    "nadam": "#B8A100",      # yellow, darkened for contrast
    "adamax": "#882255",     # wine
    "radam": "#117733",      # dark green
    "rprop": "#332288",      # indigo
    "asgd": "#8C6D31",       # olive brown
    "adafactor": "#44AA99",  # teal
    "lion": "#E7298A",       # magenta
    "schedule_free_adamw": "#661100",   # dark brown
    "muon_adamw": "#999933",            # olive (Muon on W₁, AdamW on the rest)
})
DASHED = MappingProxyType({"adam_nobc": "adam", "amsgrad": "adam",
                           "full_batch": "sgd"})   # full-batch gradient descent
NEUTRAL = "#555555"


def color(key: str) -> str:
    """Colour of an optimizer key (or of a dashed variant's parent)."""
    return OPTIMIZER_COLORS.get(DASHED.get(key, key), NEUTRAL)


def dash(key: str) -> list[int]:
    """Stroke dash of a line: solid for the rules themselves, dashed for variants."""
    return [6, 3] if key in DASHED else [1, 0]


def scale(keys, labels) -> dict:
    """Altair colour-scale arguments mapping each label to its optimizer's colour."""
    return {"domain": list(labels), "range": [color(k) for k in keys]}
