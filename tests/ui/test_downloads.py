"""Downloads: CSV tables and PNG/SVG pictures of the charts, built only when clicked.

AppTest finds each button where the pages promise one; the files themselves are made
from the very data and spec a page sends (unit tests) and, in a real browser, clicked and
read back (CSV parses with its columns, PNG is a PNG of the chart's size)."""

import io
import json
import re
import struct

import numpy as np
import pandas as pd
import pytest

from core.optimizers import make
from core.problems.surfaces import get_surface
from core.training.run import run
from tests.apputil import assert_clean, charts, open_page
from ui import downloads
from ui.text import CATALOGUE

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
FILES = ("csv", "png", "svg")
# (page, query) -> the download keys it must offer (dl.<name>.<kind>)
EXPECTED = {
    ("pages/3_Optimizer_Race.py", ""): {"race-map": FILES, "race-leaderboard": ("csv",),
                                        "race-sweeps": FILES},
    ("pages/3_Optimizer_Race.py", "closer=inside"): {"race-inside": ("png", "svg")},
    ("pages/2_Gradient_Descent.py", ""): {
        "gd-one-weight": FILES, "gd-two-weights": FILES, "gd-mini-batch": ("png", "svg"),
        "schedules-losses": ("png", "svg"), "schedules-floors": ("csv",),
        "schedules-warmup": ("png", "svg"), "conditioning-map": FILES,
        "conditioning-speedups": ("csv",), "conditioning-turned": ("png", "svg"),
        "conditioning-turned-table": ("csv",), "chain-rule-terms": ("csv",)},
    ("pages/4_Choosing_an_Optimizer.py", ""): {
        "sparse-race": ("png", "svg"), "sparse-rates": FILES, "sparse-results": ("csv",),
        "sparse-control": ("csv",)},
    ("pages/4_Choosing_an_Optimizer.py", "view=ladder"): {"ladder": FILES,
                                                          "ladder-rates": ("csv",)},
    ("pages/4_Choosing_an_Optimizer.py", "view=matrix"): {"matrix": FILES},
    ("pages/4_Choosing_an_Optimizer.py", "view=beyond"): {"beyond-decay": FILES},
}


def _query(text: str) -> dict:
    return dict(pair.split("=") for pair in text.split("&")) if text else {}


@pytest.mark.parametrize(("page", "query"), list(EXPECTED), ids=[
    f"{p[6:-3]}-{q or 'default'}" for p, q in EXPECTED])
def test_download_buttons_are_where_the_pages_promise_them(page, query):
    at = open_page(page, query={"lang": "zh", **_query(query)})
    assert_clean(at)
    keys = {b.key for b in at.get("download_button")}
    want = {f"dl.{name}.{kind}" for name, kinds in EXPECTED[(page, query)].items()
            for kind in kinds}
    assert want <= keys, f"missing {sorted(want - keys)}; the page offers {sorted(keys)}"
    labels = {b.proto.label for b in at.get("download_button")}
    assert labels <= {CATALOGUE["zh"][f"downloads.{k}"] for k in FILES}, labels


def _sent_specs(at) -> list[dict]:
    """Each chart's spec with its datasets as the Arrow bytes the page sends."""
    specs = []
    for el in charts(at):
        spec = json.loads(el.proto.spec)
        spec["datasets"] = {d.name: d.data.data for d in el.proto.datasets}
        specs.append(spec)
    return specs


def _svg_size(svg: bytes) -> tuple[float, float]:
    head = re.search(rb"<svg[^>]*>", svg).group(0)
    return tuple(float(re.search(rb'\b%s="([\d.]+)"' % k, head).group(1))
                 for k in (b"width", b"height"))


def test_pictures_are_drawn_from_the_spec_the_page_sends():
    at = open_page("pages/3_Optimizer_Race.py")
    spec = _sent_specs(at)[0]                       # the race map, paths and all
    plain = downloads.plain_spec(spec)
    assert set(plain["datasets"]) == set(spec["datasets"])
    assert all(isinstance(rows, list) and rows for rows in plain["datasets"].values())
    png, svg = downloads.picture(spec, "png"), downloads.picture(spec, "svg")
    assert png.startswith(PNG_SIGNATURE)
    width, height = struct.unpack(">II", png[16:24])
    w, h = _svg_size(svg)
    assert (width, height) == (round(w * downloads.SCALE), round(h * downloads.SCALE)), (
        (width, height), (w, h))
    assert w > 700 and h > 400, "the map and its loss panel should both be in the picture"
    assert svg.count(b"<path") > 20, "the paths and isolines should be drawn"


def test_trajectory_csv_has_every_step_until_divergence():
    surface = get_surface("rosenbrock")
    good = run(make("adam", lr=0.05), surface, (-1.5, 2.0), 40)
    bad = run(make("sgd", lr=5.0), surface, (-1.5, 2.0), 40)
    table = pd.read_csv(io.BytesIO(downloads.csv_bytes(
        lambda: downloads.trajectories({"Adam": good, "动量 SGD": bad}))), encoding="utf-8-sig")
    assert list(table.columns) == ["optimizer", "step", "x", "y", "loss"]
    adam = table[table.optimizer == "Adam"]
    assert list(adam.step) == list(range(41))
    np.testing.assert_allclose(adam.loss, [surface.f(np.array(p)) for p in adam[["x", "y"]]
                                           .to_numpy()], rtol=1e-9)
    k = int(bad.diverged_at)
    assert 0 < k < 41 and (table.optimizer == "动量 SGD").sum() == k
    assert np.isfinite(table[["x", "y", "loss"]].to_numpy()).all()


# ------------------------------------------------------------------ in a browser

def _download(page, key: str) -> tuple[str, bytes]:
    button = page.locator(f".st-key-{key.replace('.', '-')}[data-stale='false'] "
                          "[data-testid='stDownloadButton'] button").first
    button.wait_for(state="visible", timeout=60_000)
    with page.expect_download(timeout=60_000) as info:
        button.click()
    download = info.value
    with open(download.path(), "rb") as f:
        return download.suggested_filename, f.read()


def test_race_map_downloads_a_csv_and_a_png_in_the_browser(server, page):
    from tests.browser import wait_until_ready

    page.goto(f"{server.url}/Optimizer_Race?lang=zh")
    wait_until_ready(page)
    name, data = _download(page, "dl.race-map.csv")
    assert name == "race-map.csv"
    table = pd.read_csv(io.BytesIO(data), encoding="utf-8-sig")
    assert list(table.columns) == ["optimizer", "step", "x", "y", "loss"]
    zh = CATALOGUE["zh"]
    assert set(table.optimizer) >= {"SGD", "Adam", zh["optimizer_race.racer.momentum"]}, (
        set(table.optimizer))
    assert table.step.min() == 0 and table.step.max() == 300, table.step.describe()

    name, data = _download(page, "dl.race-map.png")
    assert name == "race-map.png" and data.startswith(PNG_SIGNATURE)
    width, height = struct.unpack(">II", data[16:24])
    drawn = page.locator('[data-testid="stVegaLiteChart"] canvas').first.evaluate(
        "c => [c.getBoundingClientRect().width, c.getBoundingClientRect().height]")
    # the same spec drawn by vl-convert: the chart's size at SCALE, give or take the
    # few pixels that different fonts make in the labels
    for got, shown in zip((width / downloads.SCALE, height / downloads.SCALE), drawn,
                          strict=True):
        assert abs(got - shown) <= 0.05 * shown, ((width, height), drawn)
    assert page.locator('[data-testid="stException"]').count() == 0
