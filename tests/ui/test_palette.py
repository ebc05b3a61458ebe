"""The palette: a colour, dash and marker per optimizer, text colours that meet WCAG 2 AA
on white, colours far enough apart (CIEDE2000, also on a washed-out projector), and end
labels on the loss and path charts in projector mode only.

Contrast and colour difference are computed here from their published formulas, not
with the palette's own helpers, so the test checks the palette rather than itself.
"""

from __future__ import annotations

import itertools
import math

import numpy as np
import pandas as pd
import pytest

from ui import charts, palette, series
from ui.style import NORMAL, PROJECTOR

KEYS = [*palette.OPTIMIZER_COLORS, *palette.REFERENCE_COLORS, *palette.DASHED]
RULES = [*palette.OPTIMIZER_COLORS, *palette.REFERENCE_COLORS]        # own colours
BLUES = ["adam", "adafactor", "rprop", "adagrad"]   # the blue and blue-green family
MIN_DE, MIN_DE_BLUES = 13.0, 15.0
WASH = 0.15          # projector model: 15 % white light added to every channel


def _srgb(hex_color: str) -> list[float]:
    return [int(hex_color[i:i + 2], 16) / 255 for i in (1, 3, 5)]


def _linear(c: float) -> float:      # WCAG 2 / sRGB transfer function
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def wcag_contrast(fg: str, bg: str = "#FFFFFF") -> float:
    """(L1 + 0.05) / (L2 + 0.05), L = 0.2126 R + 0.7152 G + 0.0722 B in linear light."""
    def lum(h):
        r, g, b = (_linear(c) for c in _srgb(h))
        return 0.2126 * r + 0.7152 * g + 0.0722 * b
    hi, lo = sorted((lum(fg), lum(bg)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def lab(hex_color: str, wash: float = 0.0) -> tuple[float, float, float]:
    """CIELAB (D65) of an sRGB colour, optionally washed out: (1 − w)·c + w in linear light."""
    r, g, b = ((1 - wash) * _linear(c) + wash for c in _srgb(hex_color))
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883
    f = [t ** (1 / 3) if t > (6 / 29) ** 3 else t / (3 * (6 / 29) ** 2) + 4 / 29
         for t in (x, y, z)]
    return 116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])


def ciede2000(lab1, lab2) -> float:
    """CIEDE2000 colour difference (Sharma, Wu & Dalal 2005), k_L = k_C = k_H = 1."""
    (L1, a1, b1), (L2, a2, b2) = lab1, lab2
    c_bar = (math.hypot(a1, b1) + math.hypot(a2, b2)) / 2
    G = 0.5 * (1 - math.sqrt(c_bar ** 7 / (c_bar ** 7 + 25 ** 7)))
    a1, a2 = (1 + G) * a1, (1 + G) * a2
    C1, C2 = math.hypot(a1, b1), math.hypot(a2, b2)
    h1, h2 = (math.degrees(math.atan2(b, a)) % 360 if (a or b) else 0.0
              for a, b in ((a1, b1), (a2, b2)))
    dh = 0.0 if C1 * C2 == 0 else (h2 - h1 + 180) % 360 - 180
    dL, dC = L2 - L1, C2 - C1
    dH = 2 * math.sqrt(C1 * C2) * math.sin(math.radians(dh / 2))
    L_, C_ = (L1 + L2) / 2, (C1 + C2) / 2
    if C1 * C2 == 0:
        h_ = h1 + h2
    elif abs(h1 - h2) <= 180:
        h_ = (h1 + h2) / 2
    else:
        h_ = (h1 + h2 + 360) / 2 if h1 + h2 < 360 else (h1 + h2 - 360) / 2
    T = (1 - 0.17 * math.cos(math.radians(h_ - 30)) + 0.24 * math.cos(math.radians(2 * h_))
         + 0.32 * math.cos(math.radians(3 * h_ + 6)) - 0.20 * math.cos(math.radians(4 * h_ - 63)))
    S_L = 1 + 0.015 * (L_ - 50) ** 2 / math.sqrt(20 + (L_ - 50) ** 2)
    S_C, S_H = 1 + 0.045 * C_, 1 + 0.015 * C_ * T
    R_T = (-2 * math.sqrt(C_ ** 7 / (C_ ** 7 + 25 ** 7))
           * math.sin(math.radians(60 * math.exp(-(((h_ - 275) / 25) ** 2)))))
    return math.sqrt((dL / S_L) ** 2 + (dC / S_C) ** 2 + (dH / S_H) ** 2
                     + R_T * (dC / S_C) * (dH / S_H))


@pytest.mark.parametrize("pair, expected", [
    (((50, 2.6772, -79.7751), (50, 0, -82.7485)), 2.0425),
    (((50, 0, 0), (50, -1, 2)), 2.3669),
    (((50, 2.5, 0), (73, 25, -18)), 27.1492),
    (((60.2574, -34.0099, 36.2677), (60.4626, -34.1751, 39.4387)), 1.2644),
])
def test_ciede2000_matches_sharmas_published_pairs(pair, expected):
    assert ciede2000(*pair) == pytest.approx(expected, abs=1e-4)


@pytest.mark.parametrize("key", KEYS)
def test_text_colour_meets_wcag_aa_on_white_and_keeps_the_hue(key):
    line, text = palette.color(key), palette.text_color(key)
    ratio = wcag_contrast(text)
    assert ratio >= 4.5, f"{key}: text {text} has {ratio:.2f}:1 on white"
    if wcag_contrast(line) >= 4.5:
        assert text == line, f"{key}: {line} already passes, yet text is {text}"
    elif line.upper() not in ("#999999",):       # greys have no hue to keep
        hue = [math.degrees(math.atan2(b, a)) for _, a, b in (lab(line), lab(text))]
        turn = abs((hue[0] - hue[1] + 180) % 360 - 180)
        assert turn < 8, f"{key}: {line} → {text} turns the hue by {turn:.1f}°"


def test_every_key_has_its_own_dash_and_marker():
    looks = {k: (tuple(palette.dash(k)), palette.shape(k), palette.color(k)) for k in KEYS}
    assert len(set(looks.values())) == len(looks)
    assert len({v[:2] for v in looks.values()}) == len(looks), "dash + marker alone tell apart"
    for variant, rule in palette.DASHED.items():
        assert palette.color(variant) == palette.color(rule)
        assert palette.dash(variant) != palette.dash(rule), variant
        assert palette.shape(variant) != palette.shape(rule), variant
    assert palette.color("full_batch") != palette.color("sgd")
    assert palette.dash("full_batch") != palette.dash("sgd")
    wide = palette.dash("momentum", PROJECTOR.line_width)
    assert sum(wide) > sum(palette.dash("momentum")), "dashes grow with the line"


def test_line_colours_are_far_apart_and_the_blues_survive_a_projector():
    """CIEDE2000 between every pair of optimizers' line colours ≥ MIN_DE; between the
    blue family ≥ MIN_DE_BLUES both as drawn and washed out by projector light."""
    close = [(round(ciede2000(lab(palette.color(a)), lab(palette.color(b))), 1), a, b)
             for a, b in itertools.combinations(RULES, 2)]
    assert min(close)[0] >= MIN_DE, sorted(close)[:3]
    blues = [(round(min(ciede2000(lab(palette.color(a), w), lab(palette.color(b), w))
                        for w in (0.0, WASH)), 1), a, b)
             for a, b in itertools.combinations(BLUES, 2)]
    assert min(blues)[0] >= MIN_DE_BLUES, sorted(blues)


def _paths(names=(("SGD", "sgd"), ("Full batch", "full_batch"), ("AMSGrad", "amsgrad"))):
    steps = np.arange(40)
    return pd.DataFrame([{"series": s, "key": k, "step": int(t), "x": 0.5 + t * 0.05 * (i - 1),
                          "y": 1.0 - 0.01 * t, "gap": 1.0 / (1 + t) ** (i + 1),
                          "loss": 1.0 / (1 + t)}
                         for i, (s, k) in enumerate(names) for t in steps])


def _texts(spec) -> list[dict]:
    found = []
    def walk(node):
        if isinstance(node, dict):
            mark = node.get("mark")
            if (mark == "text" or isinstance(mark, dict) and mark.get("type") == "text"):
                found.append(node)
            for v in node.values():
                walk(v)
        elif isinstance(node, list):
            for v in node:
                walk(v)
    walk(spec)
    return found


def test_loss_chart_has_end_labels_in_projector_mode_only():
    paths = _paths()
    normal = charts.finish(charts.loss_layers(paths, NORMAL, y_title="loss", step_title="step"),
                           NORMAL).to_dict()
    big = charts.finish(charts.loss_layers(paths, PROJECTOR, y_title="loss",
                                           step_title="step"), PROJECTOR).to_dict()
    assert not _texts(normal)
    (label,) = _texts(big)
    assert label["encoding"]["text"]["field"] == "series"
    assert label["mark"]["align"] == "left"
    colours = label["transform"][-1]["calculate"]
    for name, key in paths[["series", "key"]].drop_duplicates().itertuples(index=False):
        assert f'"{name}": "{palette.text_color(key)}"' in colours
    domain = big["layer"][0]["encoding"]["x"]["scale"]["domain"]
    room = 1 - 39 / domain[1]
    assert room >= series.label_room(paths, PROJECTOR) - 0.01, "x axis padded for the labels"
    dash = big["layer"][0]["encoding"]["strokeDash"]["scale"]
    assert dash["range"] == [palette.dash(k, PROJECTOR.line_width)
                             for k in ("sgd", "full_batch", "amsgrad")]


def test_map_labels_turn_inwards_near_the_right_edge():
    paths = _paths()
    spec = charts.finish(charts.path_layers(paths, PROJECTOR, x_mid=0.5), PROJECTOR).to_dict()
    aligns = {t["mark"]["align"]: t["transform"][-1]["filter"] for t in _texts(spec)}
    assert aligns == {"left": "datum.x <= 0.5", "right": "datum.x > 0.5"}
    assert not _texts(charts.finish(charts.path_layers(paths, NORMAL), NORMAL).to_dict())
    shapes = spec["layer"][2]["encoding"]["shape"]["scale"]["range"]
    assert shapes == [palette.shape(k) for k in ("sgd", "full_batch", "amsgrad")]


def test_no_optimizer_marker_is_the_minima_diamond():
    """Maps mark the known minima with diamonds (ui.charts.map_layers), so no
    optimizer's point shape may be one."""
    assert all(palette.shape(k) != "diamond" for k in KEYS)


def test_the_article_racers_each_have_their_own_marker():
    """Within the article's nine (every classic race, the default one included), no two
    racers share a point shape."""
    from core.experiments.racers import CLASSIC_RACERS

    shapes = [palette.shape(k) for k in CLASSIC_RACERS]
    assert len(set(shapes)) == len(shapes), shapes
