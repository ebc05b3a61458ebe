"""The decision guide: yes/no questions give a pick and its reasons
(:func:`core.findings.guide.advise`); each reason is checked against the cached result
of a live experiment (:func:`core.findings.guide.verdict`) and links to it.
"""

from __future__ import annotations

from urllib.parse import urlencode

import streamlit as st

from core.findings import guide
from ui.choosing import controls as ui
from ui.choosing import data
from ui.choosing.controls import P
from ui.choosing.wording import labels, verdict_text
from ui.frame import carried


def guide_section(F) -> None:
    t = F.texts(P)
    st.header(t("guide.head"), divider="gray")
    st.markdown(t("guide.intro"))
    answers = ui.questions_ui(F)
    rules = guide.advise(answers)
    with F.busy():
        results = {ex: experiment_result(ex) for ex in guide.needed(rules)}
    verdicts = {r.reason: guide.verdict(r.reason, results) for r in rules.reasons}
    advice = guide.advise(answers, {k: v.supported for k, v in verdicts.items()})
    names = labels(F, guide.CANDIDATES)
    pick = t("guide.pick", name=names[advice.pick])
    if advice.runner_up:
        pick += " " + t("guide.runner_up", name=names[advice.runner_up])
    st.success(pick, icon=":material/recommend:")
    st.markdown(t("guide.how", order=", ".join(names[c] for c in guide.CANDIDATES)))
    for rule in advice.reasons:
        verdict = verdicts[rule.reason]
        with st.container(border=True):
            st.markdown(f"**{t(f'guide.rule.{rule.reason}')}**")
            st.markdown(verdict_text(F, rule.reason, verdict, names))
            if rule.reason in advice.dropped:
                st.markdown(t("guide.dropped"))
            st.markdown(t("guide.open", name=t(f"guide.exp.{rule.experiment}"),
                          url=experiment_url(rule.experiment)))
    st.caption(t("guide.caveat"))


def experiment_result(experiment: str):
    """The cached result of one of :data:`core.findings.guide.EXPERIMENTS`."""
    ex = guide.EXPERIMENTS[experiment]
    s = ex.settings
    if experiment == "sparse_race":
        return data.control_result(float(s["a"]), int(s["batch"]), int(s["seed"]))
    if experiment == "ladder":
        return data.ladder_result(float(s["b2"]))
    if ex.view == "beyond":
        return data.beyond_part(str(s["part"]))
    if experiment == "noise_floor":
        return data.noise_result(int(s["matrix_seed"]))
    return data.matrix_result(int(s["matrix_seed"]))


def experiment_url(experiment: str) -> str:
    """A relative link that opens ``experiment``, keeping projector/language."""
    return "?" + urlencode({**guide.link(experiment), **carried()})
