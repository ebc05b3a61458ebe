"""The Optimizer Race in a real browser: the race, the inside view and the network, in
normal and projector mode, each opened cold by its URL. Screenshots:
tests/artifacts/screens/optimizer_race-*.png."""

import pytest

from tests.browser import shoot, wait_until_ready


def open_race(page, url: str, n_charts: int = 2) -> None:
    """Open a race URL cold and wait until its charts are drawn (a cold run computes
    every sweep first, so the charts come a moment after the app has mounted)."""
    page.goto(url)
    wait_until_ready(page)
    page.wait_for_function(
        f"""() => document.querySelectorAll('[data-testid="stVegaLiteChart"]').length
                  >= {n_charts}""", timeout=60_000)
    wait_until_ready(page)

STATES = {
    "race": "opts=sgd,momentum,nesterov,adagrad,rmsprop,adadelta,adam,adamw,nadam",
    "fair": "closer=fair&surface=beale",
    "inside": "closer=inside&look=adagrad&opts=sgd,adagrad,rmsprop,adam",
    "network": "closer=network&data=spirals&opts=sgd,momentum,rmsprop,adam",
    "keras": "conv=keras&opts=adagrad,rmsprop,adam,nadam&closer=inside&look=nadam",
    "wells": "surface=two_wells&opts=sgd,momentum&lrmode=own&sgd.lr=0.05&momentum.lr=0.05",
    "bowl": "surface=bowl",
    "bowl_zh": "surface=bowl&lang=zh",
    "beyond": "surface=beale&opts=adam,rprop,lion,schedule_free_adamw",
    "beyond_zh": "surface=beale&opts=adam,rprop,lion,schedule_free_adamw&lang=zh",
    "schedule": "opts=adam,adamax,radam,asgd,adafactor&sched=warmup_cosine",
    "schedule_zh": "opts=adam,lion&sched=one_cycle_lr&lang=zh",
    "network_muon": "closer=network&opts=sgd,adam,lion&sched=cosine_annealing_lr",
    # the presets, as links
    "rosenbrock_all": "opts=sgd,momentum,nesterov,adagrad,rmsprop,adadelta,adam,adamw,nadam"
                      "&steps=500&start.rosenbrock=-1.5,2",
    "narrow_bowl": "surface=bowl&opts=sgd,momentum,rmsprop,adam&lrmode=shared&lr=0.01",
    "noisy_saddle": "surface=saddle&start.saddle=-1.8,0.02&opts=sgd,momentum,adagrad,adam"
                    "&noise=0.5&steps=300",
    # the guided lesson's revealed steps, as links (ui.optimizer_race.lesson)
    "lesson_2": "lesson=2&guess=same&shown=1",
    "lesson_2_zh": "lesson=2&guess=same&shown=1&lang=zh",
    "lesson_3": "lesson=3&guess=either&shown=1",
    "lesson_3_zh": "lesson=3&guess=either&shown=1&lang=zh",
    "lesson_5": "lesson=5&guess=adam&shown=1",
}


@pytest.mark.parametrize("mode", ["normal", "projector"])
@pytest.mark.parametrize("state", list(STATES))
def test_race_page_states_render_without_errors(server, page, state, mode):
    query = STATES[state] + ("&projector=1" if mode == "projector" else "")
    # Streamlit scrolls inside its own container, so a full-page shot stops at the window:
    # a tall window shows the section under the race too.
    page.set_viewport_size({"width": 1400, "height": 3600 if mode == "projector" else 2600})
    open_race(page, f"{server.url}/Optimizer_Race?{query}", 3 if state == "network" else 2)
    assert page.locator('[data-testid="stException"]').count() == 0
    notices = page.locator('[data-testid="stAlertContentWarning"]', has_text="The link set")
    assert notices.count() == 0, "a valid link must not raise a notice"
    charts = page.locator('[data-testid="stVegaLiteChart"]')
    assert charts.count() >= 2
    for i in range(charts.count()):
        assert charts.nth(i).locator("canvas, svg").count() > 0, f"chart {i} not drawn"
    shoot(page, f"optimizer_race-{state}-{mode}")


def test_clicking_the_map_moves_the_start(server, page):
    open_race(page, f"{server.url}/Optimizer_Race?surface=bowl&opts=adam")
    canvas = page.locator('[data-testid="stVegaLiteChart"] canvas').first
    canvas.scroll_into_view_if_needed()    # the lesson box above the race pushes it down
    box = canvas.bounding_box()
    page.mouse.click(box["x"] + box["width"] * 0.15, box["y"] + box["height"] * 0.2)
    page.wait_for_function("() => location.search.includes('start.bowl=')", timeout=20_000)
    wait_until_ready(page)
    assert page.locator('[data-testid="stException"]').count() == 0
