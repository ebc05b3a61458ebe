"""The warm-up: its links are every page's default view and every revealed lesson step in
both languages and modes, and
a freshly started server, once opened, warms all of them itself without an error."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from bench.loadserver import Server
from core.experiments.beyond_parts import PARTS
from core.findings.guide import KEYS, VIEWS
from serving import warmup
from ui.frame import PAGES
from ui.lesson import step_titles
from ui.optimizer_race.controls import SECTIONS

ROOT = Path(__file__).resolve().parents[2]


def url_path(page_file: str) -> str:
    """The address Streamlit gives a page file: ``pages/2_Gradient_Descent.py`` ->
    ``/Gradient_Descent``; the main script is ``/``."""
    if "/" not in page_file:
        return "/"
    return "/" + Path(page_file).stem.split("_", 1)[1]


def test_links_cover_every_page_and_every_section_view_in_both_languages_and_modes():
    found = {(urlsplit(link).path, tuple(sorted((k, v[0]) for k, v in
                                                  parse_qs(urlsplit(link).query).items())))
             for link in warmup.links()}
    assert len(found) == len(warmup.links()), "no link twice"
    views = [(url_path(f), ()) for _, f, _ in PAGES]
    views += [("/Optimizer_Race", (("closer", s),)) for s in SECTIONS[1:]]
    views += [("/Choosing_an_Optimizer", ((KEYS["view"], v),)) for v in VIEWS[1:]]
    views += [("/Choosing_an_Optimizer", ((KEYS["part"], p), (KEYS["view"], "beyond")))
              for p in PARTS[1:]]
    for page_id, path, _ in PAGES[1:]:
        for k in range(1, len(step_titles("en", page_id)) + 1):
            step = (("lesson", str(k)),) if k > 1 else ()
            views.append((url_path(path), tuple(sorted(step + (("shown", "1"),)))))
    frames = [(), (("lang", "zh"),), (("projector", "1"),), (("lang", "zh"), ("projector", "1"))]
    expected = {(path, tuple(sorted(query + frame))) for path, query in views for frame in frames}
    assert found == expected
    assert all("lang" not in link and "projector" not in link
               for link in warmup.links()[:len(views)]), "English, normal mode first"


def test_a_new_server_warms_every_default_view_after_its_first_visit():
    server = Server()
    try:
        line = server.warm_up()      # the home page once, then the server's own log line
    finally:
        server.stop()
    assert line.startswith(f"{len(warmup.links())} views in "), line
    assert line.endswith(" 0 errors"), line


def test_the_command_line_says_what_is_wrong():
    bad = subprocess.run([sys.executable, "-m", "serving.warmup"], cwd=ROOT,
                         capture_output=True, text=True, timeout=60)
    assert bad.returncode == 2 and "usage" in bad.stderr
    gone = subprocess.run([sys.executable, "-m", "serving.warmup", "http://127.0.0.1:9"],
                          cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert gone.returncode == 1 and "did not open" in gone.stderr
    assert "Traceback" not in gone.stderr
