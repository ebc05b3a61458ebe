"""The Choosing an Optimizer page under AppTest: every view at defaults and at the
controls' extremes, bad links, the decision guide's links, and the chart-data budget."""

import re
from urllib.parse import parse_qsl, urlsplit

import pytest

from core.findings.guide import EXPERIMENTS, KEYS, QUESTIONS, VIEWS, link
from tests.apputil import assert_clean, chart_bytes, chart_frames, open_page
from ui.text.choosing import EN
from ui.text.choosing_beyond import EN as BEYOND_EN

PAGE = "pages/4_Choosing_an_Optimizer.py"
ALL_QUESTIONS = {f"q_{q}": "1" for q in QUESTIONS}
BUDGET = 300_000


def opened(query: dict | None = None):
    at = open_page(PAGE, query)
    assert_clean(at)
    return at


def warnings(at) -> list[str]:
    return [w.value for w in at.warning]


@pytest.mark.parametrize("view", VIEWS)
def test_every_view_opens_cleanly_at_defaults(view):
    at = opened({KEYS["view"]: view})
    assert not warnings(at), warnings(at)
    assert at.radio(key=KEYS["view"]).value == view
    if view != "guide":
        assert chart_frames(at), "each experiment draws at least one chart"
    assert chart_bytes(at) < BUDGET, f"{view}: {chart_bytes(at)} bytes of chart data"


EXTREMES = [
    {"a": "0"}, {"a": "2.5"}, {"a": "0.5", "batch": "8"}, {"a": "2.5", "batch": "128"},
    {"lrmode": "shared", "lr": "0.001"}, {"lrmode": "shared", "lr": "10"},
    {"seed": "9999", "step": "1"}, {"step": "300", "a": "1"},
]


@pytest.mark.parametrize("query", EXTREMES, ids=lambda q: "&".join(f"{k}={v}" for k, v in
                                                                    q.items()))
def test_sparse_view_at_the_extremes(query):
    at = opened(query)
    assert not warnings(at), warnings(at)
    assert chart_bytes(at) < BUDGET, f"{chart_bytes(at)} bytes of chart data"
    text = " ".join(m.value for m in at.markdown)
    assert "Measured" in text, "the race's result is put into words"


@pytest.mark.parametrize("query", [{"view": "ladder", "b2": "0.99"},
                                   {"view": "ladder", "b2": "0.9"},
                                   {"view": "matrix", "mseed": "9999"},
                                   {"view": "guide", **ALL_QUESTIONS},
                                   {"view": "guide", "q_tune": "1"},
                                   {"lang": "zh", "view": "guide", **ALL_QUESTIONS},
                                   {"lang": "zh"}, {"projector": "1", "view": "matrix"}])
def test_other_views_at_their_settings(query):
    at = opened(query)
    assert not warnings(at), warnings(at)


@pytest.mark.parametrize("query", [{"a": "banana"}, {"a": "7"}, {"batch": "33"},
                                   {"lrmode": "fastest"}, {"lrmode": "shared", "lr": "-1"},
                                   {"lrmode": "shared", "lr": "nan"},
                                   {"seed": "1.5"}, {"step": "0"}, {"view": "everything"},
                                   {"view": "ladder", "b2": "1"},
                                   {"view": "ladder", "b2": "0.9999"},
                                   {"view": "matrix", "mseed": "inf"},
                                   {"view": "guide", "q_sparse": "perhaps"},
                                   {"a": "<script>alert(1)</script>"}])
def test_bad_links_fall_back_with_a_notice(query):
    at = opened(query)
    assert warnings(at), f"{query} should be explained on the page"


@pytest.mark.parametrize("experiment", list(EXPERIMENTS))
def test_each_guide_experiment_link_reopens_that_experiment(experiment):
    ex = EXPERIMENTS[experiment]
    at = opened(link(experiment))
    assert not warnings(at), warnings(at)
    assert at.radio(key=KEYS["view"]).value == ex.view
    for name, value in ex.settings.items():
        got = at.session_state[KEYS[name]]
        assert str(got) == str(value) or float(got) == float(value), (name, got, value)


def guide_links(at) -> list[tuple[str, str]]:
    """(experiment name, url) of every link the guide draws."""
    found = []
    for md in at.markdown:
        found += re.findall(r"\[[^\]]*: ([^\]]+?) ↗\]\(([^)]+)\)", md.value)
    return found


def test_every_link_the_guide_draws_reopens_the_experiment_it_names():
    at = opened({"view": "guide", **ALL_QUESTIONS})
    links = guide_links(at)
    names = {EXPERIMENTS_NAME[k]: k for k in EXPERIMENTS_NAME}
    assert len(links) >= 5, links
    for name, url in links:
        query = dict(parse_qsl(urlsplit(url).query))
        experiment = names[name]
        assert query == link(experiment), (name, query)
        again = opened(query)
        assert not warnings(again)
        assert again.radio(key=KEYS["view"]).value == EXPERIMENTS[experiment].view


EXPERIMENTS_NAME = {
    "sparse_race": "sparse race at a = 1.5, with its dense control",
    "ladder": "Adam vs RMSProp across sparsity", "matrix": "benchmark matrix",
    "noise_floor": "noise floor, under the benchmark matrix",
    **{k: BEYOND_EN[f"choosing.guide.exp.{k}"] for k in EXPERIMENTS if k.startswith("beyond_")},
}


def divergence_notices(at) -> list[str]:
    """The page's divergence notices (story.diverged, story.no_rate), as shown."""
    marks = [EN["choosing.story.diverged"].split("{")[0],
             EN["choosing.story.no_rate"].split("}")[-1][:30]]
    text = [m.value for m in at.markdown] + [w.value for w in at.warning]
    return [t for t in text if any(mark in t for mark in marks)]


@pytest.mark.parametrize("view", VIEWS)
def test_no_divergence_notice_at_the_defaults(view):
    """No section's lesson here is divergence, so no default view may show a notice."""
    at = opened({KEYS["view"]: view, **(ALL_QUESTIONS if view == "guide" else {})})
    assert not divergence_notices(at), divergence_notices(at)



def test_links_keep_language_and_projector():
    at = opened({"view": "guide", "lang": "zh", "projector": "1", "q_sparse": "1"})
    urls = [u for md in at.markdown for u in re.findall(r"\]\((\?[^)]+)\)", md.value)]
    assert urls
    for url in urls:
        query = dict(parse_qsl(urlsplit(url).query))
        assert query["lang"] == "zh" and query["projector"] == "1"


def test_switching_to_a_shared_rate_reruns_and_writes_the_url():
    at = opened()
    at.radio(key=KEYS["view"])  # the view switch exists
    at.selectbox(key=KEYS["lr_mode"]).select("shared").run()
    assert_clean(at)
    assert at.query_params.get(KEYS["lr_mode"]) in (["shared"], "shared")
    text = " ".join(m.value for m in at.markdown)
    assert "same learning rate" in text


def test_the_step_slider_moves_the_effective_rates():
    at = opened({"a": "2"})
    before = [f for f in chart_frames(at) if "eff_lr" in f.columns][0]
    at.slider(key=KEYS["step"]).set_value(5).run()
    assert_clean(at)
    after = [f for f in chart_frames(at) if "eff_lr" in f.columns][0]
    assert len(after) < len(before), "fewer features have had a gradient after 5 steps"
