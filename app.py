"""Home page: what the app teaches, the path through it, and how to use it in class."""

import pandas as pd
import streamlit as st

from core.optimizers import NEWER_NAMES, OPTIMIZER_NAMES, latex, make
from core.problems.surfaces import get_surface
from core.training.run import run
from ui import charts
from ui.cache import surface_picture
from ui.downloads import chart_files
from ui.frame import carried, existing_pages, setup
from ui.geometry import path_frame
from ui.lesson import URL_STEP, step_titles
from ui.render import show

F = setup("home")


@st.cache_data(max_entries=4, show_spinner=False)
def preview_paths(sgd_label: str, momentum_label: str) -> pd.DataFrame:
    """Plain gradient descent and heavy-ball momentum from the two-wells start."""
    wells = get_surface("two_wells")
    f_min = min(m.value for m in wells.minima)
    runs = [("sgd", sgd_label, make("sgd", lr=0.05)),
            ("momentum", momentum_label, make("sgd", lr=0.05, momentum=0.9))]
    return pd.concat([path_frame(label, key, run(opt, wells, wells.start, 150), f_min=f_min)
                      for key, label, opt in runs], ignore_index=True)


st.title(F.t("home.title"))
st.markdown(F.t("home.lead"))
st.markdown(F.t("home.preview"))
cells, lines, minima, log_color = surface_picture("two_wells")
paths = preview_paths(F.t("home.preview_sgd"), F.t("home.preview_momentum"))
show(charts.surface_view(
    cells, lines, minima, paths, F.style, log_color=log_color, pick=False,
    loss_title=F.t("home.preview_gap"), step_title=F.t("frame.step"), n_steps=150,
    tips=charts.tip_titles(F.t)), files=chart_files(F, "home-preview", paths))

st.header(F.t("home.path"), divider="gray")
st.markdown(F.t("home.path_intro"))
lessons = [p for p in existing_pages() if p[0] != "home"]
for number, (page_id, path, icon) in enumerate(lessons, start=1):
    with st.container(border=True):
        st.page_link(path, label=f"{number}. {F.t(f'nav.{page_id}')}", icon=icon,
                     query_params=carried())
        st.markdown(F.t(f"home.step.{page_id}"))
        steps = step_titles(F.lang, page_id)
        if steps:
            st.caption(F.t("home.lesson_steps", n=len(steps)))
        for k, (_, title) in enumerate(steps, start=1):   # each step opens at its question
            query = {**carried(), **({URL_STEP: str(k)} if k > 1 else {})}
            st.page_link(path, label=f"{k} · {title}", icon=":material/school:",
                         query_params=query)

st.header(F.t("home.class"), divider="gray")
for key in ("home.class_share", "home.class_projector", "home.class_language"):
    st.markdown(F.t(key))

st.header(F.t("home.exact"), divider="gray")
st.markdown(F.t("home.exact_body"))
for title, names in (("home.exact_first", OPTIMIZER_NAMES), ("home.exact_newer", NEWER_NAMES)):
    st.subheader(F.t(title))
    for name in names:                      # full width: the longer equations need it
        with st.expander(F.t(f"home.rule.{name}")):
            st.latex(latex(name))
