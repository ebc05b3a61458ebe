"""The classroom load benchmark, small: five websocket visitors at once against a real
``streamlit run app.py`` (same link, five different links, five who move a control).
Only correctness is asserted (no errors, every run finished with a chart); the timings
are bench/load.py's to print. Also the client's message handling, without a server."""

from __future__ import annotations

import asyncio

import pytest
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from bench.loadlinks import CHANGED, CLASS_LINKS, GD, nudge, page_of, varied_links
from bench.loadrun import percentile, warm, wave
from bench.loadserver import RssPoller, Server
from serving.client import Run, change_rerun, first_rerun, page_name, read_message

N = 5
TIMEOUT = 60
# One link per page, with a language, projector mode and URL parameters among them.
FIVE_PAGES = ("/?lang=zh", "/Differentiation?sec.f=sin&sec.h=0.01",
              "/Gradient_Descent?projector=1&lang=zh",
              "/Optimizer_Race?surface=saddle&noise=1&seed=3",
              "/Choosing_an_Optimizer?a=2&batch=8&seed=11")


@pytest.fixture(scope="module")
def server():
    started = Server()
    yield started
    started.stop()


def _wave(server, links, scenario, change=False):
    async def go():
        await warm(server.url, links, TIMEOUT, change)
        with RssPoller(server.pids) as poller:
            return await wave(server.url, links, TIMEOUT, server.pids, poller, scenario, change)
    result = asyncio.run(go())
    assert result.errors == 0, f"{result.errors} of {result.sessions}: {result.error_samples}"
    assert len(result.visits) == len(links)
    for v in result.visits:
        assert v.finished and v.charts >= 1, f"{v.link}: finished={v.finished}, {v.charts} charts"
    return result


def test_five_sessions_on_one_link(server):
    _wave(server, [GD] * N, "same")


def test_five_sessions_on_five_pages(server):
    _wave(server, list(FIVE_PAGES), "different")


def test_five_sessions_each_move_a_control(server):
    _wave(server, list(FIVE_PAGES), "change", change=True)


# --- the client's side of the protocol, no server -------------------------------------

def _frame(fill) -> bytes:
    msg = ForwardMsg()
    fill(msg)
    return msg.SerializeToString()


def test_a_run_is_read_until_it_finishes_successfully():
    run = Run()
    read_message(run, _frame(lambda m: setattr(m.navigation, "page_script_hash", "abc")))
    read_message(run, _frame(lambda m: m.delta.new_element.vega_lite_chart.SetInParent()))
    read_message(run, _frame(lambda m: setattr(m.delta.new_element.exception, "type", "KeyError")))
    read_message(run, _frame(lambda m: setattr(m.page_info_changed, "query_string", "seed=3")))
    read_message(run, _frame(lambda m: setattr(m, "script_finished",
                                               ForwardMsg.FINISHED_EARLY_FOR_RERUN)))
    assert not run.finished                       # a run cut short for a rerun goes on
    read_message(run, _frame(lambda m: setattr(m, "script_finished",
                                               ForwardMsg.FINISHED_SUCCESSFULLY)))
    assert (run.finished, run.charts, run.page_hash, run.query_string, run.messages) == \
        (True, 1, "abc", "seed=3", 6)
    assert run.exceptions and run.exceptions[0].startswith("KeyError")


def _widgets_run() -> Run:
    run = Run(query_string="lang=zh", page_hash="page1")
    for fill in (
        lambda e: (e.slider.SetInParent(), setattr(e.slider, "id", "$$ID-1-steps"),
                   e.slider.default.append(30), setattr(e.slider, "step", 1),
                   setattr(e.slider, "max", 30)),
        lambda e: (setattr(e.slider, "id", "$$ID-2-lr"), e.slider.options.extend(["0.1", "1"]),
                   e.slider.default.append(0)),
        lambda e: (setattr(e.selectbox, "id", "$$ID-3-lang"),
                   e.selectbox.options.extend(["English", "中文"]),
                   setattr(e.selectbox, "default", 0), setattr(e.selectbox, "raw_value", "中文"),
                   setattr(e.selectbox, "set_value", True)),
    ):
        read_message(run, _frame(lambda m, fill=fill: fill(m.delta.new_element)))
    return run


def test_a_moved_control_is_sent_with_every_other_widget_state():
    run = _widgets_run()
    sent = BackMsg()
    sent.ParseFromString(change_rerun(run, "steps", nudge))
    states = {w.id: w for w in sent.rerun_script.widget_states.widgets}
    assert list(states["$$ID-1-steps"].double_array_value.data) == [29]   # at the top: down
    assert list(states["$$ID-2-lr"].string_array_value.data) == ["0.1"]
    assert states["$$ID-3-lang"].string_value == "中文"
    assert (sent.rerun_script.query_string, sent.rerun_script.page_script_hash) == \
        ("lang=zh", "page1")


def test_a_select_slider_and_a_choice_move_to_the_next_option():
    run = _widgets_run()
    for key, field, expected in (("lr", "string_array_value", ["1"]),
                                 ("lang", "string_value", "English")):
        sent = BackMsg()
        sent.ParseFromString(change_rerun(run, key, nudge))
        state = next(w for w in sent.rerun_script.widget_states.widgets if w.id.endswith(key))
        value = getattr(state, field)
        assert (list(value.data) if field.endswith("array_value") else value) == expected


def test_the_first_rerun_names_the_page_of_the_url():
    sent = BackMsg()
    sent.ParseFromString(first_rerun("seed=3", page_name("/Optimizer_Race")))
    assert (sent.rerun_script.query_string, sent.rerun_script.page_name) == \
        ("seed=3", "Optimizer_Race")
    assert page_name("/") == ""


def test_the_links_cover_every_page_and_differ():
    assert {page_of(link) for link in CLASS_LINKS} == set(CHANGED)
    assert any("lang=zh" in link for link in CLASS_LINKS)
    assert any("projector=1" in link for link in CLASS_LINKS)
    day = varied_links(400)
    assert len(set(day)) > 300, f"only {len(set(day))} different links of 400"


def test_percentile_is_nearest_rank():
    assert [percentile([3, 1, 2, 4], p) for p in (0.5, 0.95, 1.0)] == [2, 4, 4]
