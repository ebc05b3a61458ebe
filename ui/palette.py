"""One colour, one dash pattern and one marker per optimizer, the same on every page.

The article's nine racers take Okabe & Ito's colour-blind-safe palette (its yellow
darkened so it shows on a white background, grey the ninth colour), except RMSProp,
which is red rather than sky blue so that the default race (SGD, momentum, AdaGrad,
RMSProp, Adam) holds one blue and one bluish green, not three blues a projector washes
together; the rules beyond them take darker colours of Paul Tol's palettes. Full-batch
gradient descent has its own colour beside SGD's. Variants a page shows beside their
rule (AMSGrad, Adam without bias correction) share its colour and differ by dash and
marker.

Text drawn in an optimizer's colour uses :func:`text_color`: the line colour, scaled
towards black in linear light (same chromaticity, so the same hue) until its WCAG 2
contrast on white reaches 4.5 : 1, with relative luminance

    L = 0.2126 R + 0.7152 G + 0.0722 B   (R, G, B linearised sRGB)
    contrast = (L_light + 0.05) / (L_dark + 0.05).

Scaling every linear channel by k scales L by k, so k = L_target / L in one step.
"""

from __future__ import annotations

import math
from types import MappingProxyType

OPTIMIZER_COLORS = MappingProxyType({
    "sgd": "#000000",        # black
    "momentum": "#E69F00",   # orange
    "nesterov": "#D55E00",   # vermillion
    "adagrad": "#009E73",    # bluish green
    "rmsprop": "#D62728",    # red (not sky blue: see above)
    "adadelta": "#999999",   # grey
    "adam": "#0072B2",       # blue
    "adamw": "#CC79A7",      # reddish purple
    "nadam": "#B8A100",      # yellow, darkened for contrast
    "adamax": "#882255",     # wine
    "radam": "#117733",      # dark green
    "rprop": "#332288",      # indigo
    "asgd": "#8C6D31",       # olive brown
    "adafactor": "#17BECF",  # cyan (teal sat too close to AdaGrad's green)
    "lion": "#E7298A",       # magenta
    "schedule_free_adamw": "#661100",   # dark brown
    "muon_adamw": "#9ACD32",            # yellow green (Muon on W₁, AdamW on the rest)
})
REFERENCE_COLORS = MappingProxyType({"full_batch": "#9467BD"})   # full-batch GD: purple
DASHED = MappingProxyType({"adam_nobc": "adam", "amsgrad": "adam"})   # variant -> rule
NEUTRAL = "#555555"
# Dash patterns (pixels at a 2-px line; scaled with the line, see dash()) and point
# shapes: fixed per key, so a line reads the same on every page and in black and white.
DASHES = MappingProxyType({
    "sgd": (), "full_batch": (16, 4), "momentum": (8, 3), "nesterov": (8, 3, 2, 3),
    "adagrad": (2, 2), "rmsprop": (12, 3, 3, 3), "adadelta": (4, 4), "adam": (),
    "amsgrad": (10, 3, 2, 3, 2, 3), "adam_nobc": (3, 3), "adamw": (6, 2),
    "nadam": (14, 3, 3, 3, 3, 3), "adamax": (10, 2, 2, 2), "radam": (5, 2, 1, 2),
    "rprop": (1, 3), "asgd": (12, 6), "adafactor": (6, 6), "lion": (3, 2, 8, 2),
    "schedule_free_adamw": (16, 2, 2, 2), "muon_adamw": (9, 2, 2, 2, 2, 2),
})
# Diamonds are the known minima on every map, so no optimizer's marker is a diamond.
def _polygon(points) -> str:
    return "M" + "L".join(f"{x:.2f},{y:.2f}" for x, y in points) + "Z"


# Five-pointed star, hexagon and pentagon as SVG paths (Vega takes a path as a shape; the star's
# points reach 1.25 so its area is near a circle's).
STAR = _polygon((r * math.cos(a), r * math.sin(a)) for r, a in
                ((1.25 if k % 2 == 0 else 0.52, -math.pi / 2 + k * math.pi / 5) for k in range(10)))
HEXAGON = _polygon((math.cos(a), math.sin(a)) for a in
                   (-math.pi / 2 + k * math.pi / 3 for k in range(6)))
PENTAGON = _polygon((1.1 * math.cos(a), 1.1 * math.sin(a)) for a in
                    (-math.pi / 2 + k * 2 * math.pi / 5 for k in range(5)))
SHAPES = MappingProxyType({
    "sgd": "circle", "full_batch": "square", "momentum": "triangle-up",
    "nesterov": "triangle-down", "adagrad": STAR, "rmsprop": "square",
    "adadelta": "cross", "adam": HEXAGON, "amsgrad": "triangle-right",
    "adam_nobc": "triangle-left", "adamw": PENTAGON, "nadam": "triangle-right",
    "adamax": "triangle-down", "radam": "triangle-right", "rprop": "cross",
    "asgd": "triangle-left", "adafactor": "circle", "lion": "triangle-up",
    "schedule_free_adamw": STAR, "muon_adamw": "cross",
})
AA = 4.5   # WCAG 2 AA contrast for normal-size text


def color(key: str) -> str:
    """Line colour of an optimizer key (a variant takes its rule's colour)."""
    key = DASHED.get(key, key)
    return OPTIMIZER_COLORS.get(key) or REFERENCE_COLORS.get(key, NEUTRAL)


def dash(key: str, width: float = 2.0) -> list[float]:
    """Stroke dash of a key's line ([1, 0]: solid), scaled for a line ``width`` px wide."""
    pattern = DASHES.get(key) or ()
    return [max(1, round(d * max(width, 2.0) / 2)) for d in pattern] if pattern else [1, 0]


def shape(key: str) -> str:
    """Point shape of a key (Vega symbol name)."""
    return SHAPES.get(key, "circle")


def _linear(c: float) -> float:
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def _encode(v: float) -> int:
    v = 12.92 * v if v <= 0.0031308 else 1.055 * v ** (1 / 2.4) - 0.055
    return min(255, max(0, round(v * 255)))


def luminance(hex_color: str) -> float:
    """WCAG 2 relative luminance L of ``#RRGGBB``."""
    r, g, b = (_linear(int(hex_color[i:i + 2], 16) / 255) for i in (1, 3, 5))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str = "#FFFFFF") -> float:
    """WCAG 2 contrast ratio (L_light + 0.05) / (L_dark + 0.05) of two colours."""
    low, high = sorted((luminance(a), luminance(b)))
    return (high + 0.05) / (low + 0.05)


def darkened(hex_color: str, ratio: float = AA) -> str:
    """``hex_color`` itself if it has ``ratio`` : 1 contrast on white, else the same
    chromaticity scaled down in linear light to reach it."""
    k = min(1.0, (1.05 / ratio - 0.05) / max(luminance(hex_color), 1e-9))
    rgb = [_linear(int(hex_color[i:i + 2], 16) / 255) for i in (1, 3, 5)]
    while True:
        out = "#" + "".join(f"{_encode(k * c):02X}" for c in rgb)
        if contrast(out) >= ratio:
            return out
        k *= 0.99   # rounding to 8 bits can land a hair short


def text_color(key: str) -> str:
    """Colour for text drawn in an optimizer's colour (labels, tables): AA on white."""
    return darkened(color(key))


def scale(keys, labels) -> dict:
    """Altair colour-scale arguments mapping each label to its optimizer's colour."""
    return {"domain": list(labels), "range": [color(k) for k in keys]}
