"""The links a class opens in the load benchmark, and the control each visitor moves.

``CLASS_LINKS`` is a fixed list of 30 share links a teacher could hand out: every page
(home included), both languages (``lang=zh``), projector mode (``projector=1``) and the
URL parameters the pages read (see ``ui/controls.py``, ``ui/frame.py`` and each lesson's
``controls``): surfaces, curves, seeds, noise, learning rates, views. ``varied_links``
makes many more, all different (new seeds and rates), to fill the caches as a day of
visitors does. ``CHANGED`` names, per page, the control a visitor moves after the page
has finished drawing (the ``change`` scenario), and ``nudge`` moves it the way a single
click or arrow key does: a slider one step, a choice to the next option, a switch over.
"""

from __future__ import annotations

import random
from urllib.parse import urlencode, urlsplit

HOME, DIFF, GD, RACE, CHOOSE = ("/", "/Differentiation", "/Gradient_Descent",
                                "/Optimizer_Race", "/Choosing_an_Optimizer")

CLASS_LINKS = (
    HOME, HOME + "?lang=zh", HOME + "?projector=1",
    DIFF, DIFF + "?lang=zh", DIFF + "?sec.f=sin&sec.h=0.01", DIFF + "?line.kind=flat&line.b=-1",
    DIFF + "?dir.s=rosenbrock&dir.a=90", DIFF + "?typed.f=x**2*sin(x)&typed.x0=0.5",
    GD, GD + "?lang=zh", GD + "?projector=1&lang=zh", GD + "?curve=double_well&steps=60",
    GD + "?lr.quadratic=1.5", GD + "?surf=rosenbrock&lr2.rosenbrock=0.002&steps2.rosenbrock=500",
    GD + "?seed=7&noise=2&batch=4&lr3=0.1", GD + "?seed=42&lr3=0.03&steps3=500",
    RACE, RACE + "?lang=zh", RACE + "?surface=bowl&kappa=30&angle=-45",
    RACE + "?opts=sgd,adam&lrmode=shared&lr=0.05", RACE + "?surface=saddle&noise=1&seed=3",
    RACE + "?closer=network&data=spirals", RACE + "?closer=inside&look=adam&conv=keras",
    CHOOSE, CHOOSE + "?lang=zh", CHOOSE + "?view=ladder&b2=0.99", CHOOSE + "?view=guide&q_sparse=1",
    CHOOSE + "?view=matrix&mseed=5", CHOOSE + "?a=2&batch=8&seed=11",
)

# Page path -> key of the control a visitor moves in the ``change`` scenario.
CHANGED = {HOME: "projector", DIFF: "chain.w", GD: "steps", RACE: "noise", CHOOSE: "view"}

# Page path -> makers of query parameters that differ from visitor to visitor.
_VARIED = {
    HOME: lambda r: {"lang": r.choice(["en", "zh"])},
    DIFF: lambda r: {"dir.a": 5 * r.randrange(73), "sec.h": r.choice(["0.1", "0.001", "1e-05"])},
    GD: lambda r: {"seed": r.randrange(10_000), "lr3": r.choice(["0.01", "0.05", "0.1", "0.5"]),
                   "noise": r.choice(["0.5", "1", "2"])},
    RACE: lambda r: {"seed": r.randrange(10_000), "noise": r.choice(["0.5", "1", "3"]),
                     "surface": r.choice(["rosenbrock", "bowl", "saddle", "himmelblau"])},
    CHOOSE: lambda r: {"seed": r.randrange(10_000), "a": r.choice(["0.5", "1", "2"])},
}


def page_of(link: str) -> str:
    """The page path of a link: ``/Optimizer_Race?seed=3`` -> ``/Optimizer_Race``."""
    return urlsplit(link).path or "/"


def changed_key(link: str) -> str:
    """The key of the control a visitor of ``link`` moves."""
    return CHANGED[page_of(link)]


def varied_links(count: int, seed: int = 0) -> list[str]:
    """``count`` links over all pages, most of them never seen before: new seeds, rates,
    angles (the first ones are the class links)."""
    rng = random.Random(seed)
    pages = list(_VARIED)
    links = list(CLASS_LINKS[:count])
    while len(links) < count:
        page = rng.choice(pages)
        links.append(page + "?" + urlencode(_VARIED[page](rng)))
    return links


def nudge(kind: str, proto, state) -> None:
    """Move the widget one notch, as one click or arrow key does, in its reported
    ``state``: a slider one step (down at the top end), a choice to the next option, a
    switch over, a number box up by one. A select slider also steps down at its top."""
    if kind == "slider" and proto.options:
        now = list(proto.options).index(state.string_array_value.data[0])
        state.string_array_value.data[0] = proto.options[now + 1 if now + 1 < len(proto.options)
                                                         else now - 1]
    elif kind == "slider":
        v = state.double_array_value.data[0]
        state.double_array_value.data[0] = v + proto.step if v + proto.step <= proto.max \
            else v - proto.step
    elif kind in ("selectbox", "radio"):
        now = list(proto.options).index(state.string_value)
        state.string_value = proto.options[(now + 1) % len(proto.options)]
    elif kind == "checkbox":
        state.bool_value = not state.bool_value
    elif kind == "number_input":
        state.double_value = state.double_value + 1
    else:
        raise ValueError(f"no nudge for a {kind} widget")
