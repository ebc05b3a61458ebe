"""Inside one optimizer: its update rule's LaTeX, the state it keeps (g, m, v, ... per
parameter, bars at the scrubbed step beside their history) and a compass of −g against
the step u it actually takes; the effective rate's story in words.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from core.experiments.racers import RULE
from core.optimizers import latex
from core.optimizers.keras import keras_latex
from ui import palette
from ui.downloads import chart_files
from ui.numbers import fmt
from ui.optimizer_race import charts as rc
from ui.optimizer_race import data
from ui.optimizer_race.context import Ctx
from ui.play import play_text
from ui.render import compact, show, to_spec
from ui.style import style_for

QUANTITIES = ("g", "buf", "m", "m_hat", "s", "v", "v_hat", "vmax", "vmax_hat", "w", "eff_lr",
              "u")
POSITIVE = frozenset({"s", "v", "v_hat", "vmax", "vmax_hat", "w", "eff_lr"})


@st.cache_data(max_entries=32, show_spinner=False)
def _inside_spec(look: str, convention: str, knobs: tuple, where: tuple, colour: str,
                 projector: bool, titles: tuple) -> tuple[dict, int, pd.DataFrame, int]:
    quantities, arrows, diverged = data.inside_frames(look, convention, knobs, *where)
    style = style_for(projector)
    names, play, compass_title, down, taken = titles
    present = [q for q in QUANTITIES if (quantities.name == q).any()]
    axes = {}
    for name in present:
        mask = quantities.name == name
        axes[name] = data.axis_domain(quantities.value[mask].to_numpy(), name in POSITIVE)
        if name in POSITIVE:       # a log axis cannot show 0: lift it to the axis floor
            quantities.loc[mask, "value"] = quantities.value[mask].clip(lower=axes[name][0])
    anchor = pd.DataFrame({"zero": [0.0]})
    rows = [rc.state_row(quantities, name, anchor, style, title=names[name], color=colour,
                         log=name in POSITIVE, domain=axes[name][:2], core=axes[name][2],
                         step_title=play.step) for name in present]
    arrows = arrows.assign(which=arrows.which.map({"neg_g": down, "u": taken}).astype(str),
                           color=arrows.which.map({"neg_g": "#777777", "u": colour}).astype(str))
    n = int(quantities.step.max()) if len(quantities) else 0
    chart = rc.inside_view(rows, rc.compass(compact(arrows), style, title=compass_title),
                           style, n_steps=n, step_title=play.step, play=play)
    eff = quantities[quantities.name == "eff_lr"]
    return to_spec(chart), n, eff, diverged


def inside_section(c: Ctx, look: str) -> None:
    t = c.t
    st.subheader(t("inside", name=c.labels[look]))
    if c.race.convention == "keras" and c.race.schedule is not None:
        st.info(t("inside_keras_schedule"))
        return
    rule = RULE[look]
    st.latex(latex(rule) if c.race.convention == "torch" else keras_latex(rule))
    st.markdown(t(f"watch.{rule}"))
    names = {q: t(f"q.{q}") for q in QUANTITIES}
    titles = (names, play_text(c.F), t("compass"), t("q.neg_g"), t("q.u"))
    spec, n, eff, diverged = _inside_spec(look, c.race.convention, c.run_knobs[look], c.where,
                                          palette.color(c.colour[look]), c.F.projector, titles)
    if diverged >= 0:
        st.warning(t("inside_diverged", k=diverged))
    show(spec, key="inside_chart", files=chart_files(c.F, "race-inside"))
    st.caption(t("inside_help"))
    for param in ("x", "y"):
        e = eff[eff.param == param]
        if len(e):
            low = e.loc[e.value.idxmin()]
            st.markdown(t("eff_story", param=param, first=fmt(e.value.iloc[0]),
                          low=fmt(low.value), k=int(low.step), last=fmt(e.value.iloc[-1])))
