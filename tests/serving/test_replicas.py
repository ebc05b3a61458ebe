"""``deploy/serve.sh``: Streamlit replicas behind nginx, driven by a real browser.

The balancer is started as ``bash deploy/serve.sh 2 <free port>`` in its own process
group (stopped through that group). nginx logs the replica (``upstream=``) and the
route cookie (``route=``) of every request; the tests read that log to prove where a
browser's requests went. Chromium is Debian's, as in tests/browser.py.
"""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import time
import urllib.request
from contextlib import suppress
from importlib.util import find_spec
from pathlib import Path

import pytest
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from tests.browser import CHROMIUM, CHROMIUM_ARGS, ROOT, free_port, wait_until_ready
from ui.text import CATALOGUE

NGINX = "/usr/sbin/nginx"
SERVE = ROOT / "deploy" / "serve.sh"
REPLICAS = 2
START_TIMEOUT = 120
EN = CATALOGUE["en"]
GD = "/Gradient_Descent"
# A share link away from every default: two wells, a crawling η, mini-batches of one.
SHARED = (GD + "?curve=double_well&lr.double_well=0.002&steps=200&surf=two_wells"
          "&lr2.two_wells=0.05&batch=1")
LOG_LINE = re.compile(r'"(?P<method>\S+) (?P<path>\S+) [^"]*" (?P<status>\d+) \d+ '
                      r"upstream=(?P<upstream>.*?) route=(?P<route>\S+)")


def _missing() -> str | None:
    """Why these tests cannot run on this machine, or None."""
    for path, package in ((NGINX, "nginx"), (CHROMIUM, "chromium")):
        if not os.path.exists(path):
            return f"{path} is not installed (apt-get install -y {package})"
    return None if find_spec("playwright") else "the playwright package is not installed"


MISSING = _missing()
pytestmark = pytest.mark.skipif(MISSING is not None, reason=MISSING or "")


def _port_block(size: int) -> int:
    """A port p with p, p+1, ..., p+size-1 all free on 127.0.0.1."""
    for _ in range(50):
        first = free_port()
        try:
            for port in range(first, first + size):
                with socket.socket() as s:
                    s.bind(("127.0.0.1", port))
            return first
        except OSError:
            continue
    raise RuntimeError(f"no block of {size} free ports found")


class Balancer:
    """``deploy/serve.sh N PORT`` with its runtime files in ``run_dir``."""

    def __init__(self, replicas: int, run_dir: Path):
        self.replicas, self.run_dir = replicas, run_dir
        self.port = _port_block(replicas + 1)
        self.url = f"http://127.0.0.1:{self.port}"
        self.output = run_dir / "serve.out"
        with open(self.output, "w") as out:
            self.proc = subprocess.Popen(
                ["bash", str(SERVE), str(replicas), str(self.port)], cwd=ROOT,
                stdout=out, stderr=subprocess.STDOUT, start_new_session=True,
                env={**os.environ, "SERVE_RUN_DIR": str(run_dir)})
        self._wait_until_serving()

    def _wait_until_serving(self) -> None:
        deadline = time.monotonic() + START_TIMEOUT
        while "serving http://" not in self.output.read_text():
            if self.proc.poll() is not None or time.monotonic() > deadline:
                self.stop()
                raise RuntimeError(f"serve.sh did not start:\n{self.output.read_text()}")
            time.sleep(0.2)

    def replica_addresses(self) -> set[str]:
        return {f"127.0.0.1:{self.port + i}" for i in range(1, self.replicas + 1)}

    def requests_of(self, route: str) -> list[dict[str, str]]:
        """The requests nginx has logged so far for one route cookie value."""
        text = (self.run_dir / "access.log").read_text()
        entries = (m.groupdict() for m in map(LOG_LINE.search, text.splitlines()) if m)
        return [e for e in entries if e["route"] == route]

    def stop(self) -> None:
        """SIGTERM to the whole process group (serve.sh, nginx, replicas), then SIGKILL."""
        with suppress(ProcessLookupError):
            os.killpg(self.proc.pid, signal.SIGTERM)
        try:
            self.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait()


@pytest.fixture(scope="module")
def balancer(tmp_path_factory):
    started = Balancer(REPLICAS, tmp_path_factory.mktemp("balancer"))
    try:
        yield started
    finally:
        started.stop()


@pytest.fixture(scope="module")
def chromium(balancer):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def _wait_for(condition, what: str, timeout: float = 20):
    deadline = time.monotonic() + timeout
    while not (found := condition()):
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.2)
    return found


def _routes_to_each_replica(balancer) -> dict[str, str]:
    """Route cookie values that nginx sends to each replica, found by asking nginx: a
    health request with a candidate cookie, then its log line says where it went."""
    routes: dict[str, str] = {}
    for candidate in (f"{i:032x}" for i in range(1, 200)):
        request = urllib.request.Request(balancer.url + "/_stcore/health",
                                         headers={"Cookie": f"st_route={candidate}"})
        with urllib.request.urlopen(request, timeout=10) as response:
            assert response.read() == b"ok"
        logged = _wait_for(lambda c=candidate: balancer.requests_of(c), f"route {candidate}")
        routes.setdefault(logged[0]["upstream"], candidate)
        if len(routes) == balancer.replicas:
            return routes
    raise AssertionError(f"199 route keys reached only {sorted(routes)}")


def _open(chromium, balancer, link: str, route: str | None = None):
    """A fresh browser context (with a route cookie if given) showing ``link``, and the
    websocket frames it received."""
    context = chromium.new_context(viewport={"width": 1400, "height": 6400})
    if route:
        context.add_cookies([{"name": "st_route", "value": route, "url": balancer.url}])
    page = context.new_page()
    frames: list[bytes] = []
    page.on("websocket", lambda ws: ws.on("framereceived", lambda data: frames.append(data)))
    page.goto(balancer.url + link)
    page.wait_for_function(
        "() => document.querySelectorAll('[data-testid=\"stVegaLiteChart\"]').length >= 3",
        timeout=60_000)
    wait_until_ready(page)
    return context, page, frames


def _charts_shown(frames: list[bytes]) -> dict[tuple, bytes]:
    """Each chart the server sent, by its place on the page (the last one sent there)."""
    charts = {}
    for msg in (ForwardMsg.FromString(f) for f in frames if isinstance(f, bytes)):
        element = msg.delta.new_element            # empty unless msg is a new element
        if element.WhichOneof("type") == "vega_lite_chart":
            charts[tuple(msg.metadata.delta_path)] = element.vega_lite_chart.SerializeToString()
    return charts


def _assert_drawn_without_errors(page) -> int:
    assert page.locator('[data-testid="stException"]').count() == 0
    charts = page.locator('[data-testid="stVegaLiteChart"]')
    for i in range(charts.count()):
        assert charts.nth(i).locator("canvas, svg").count() > 0, f"chart {i} not drawn"
    return charts.count()


def _prefix(key: str) -> str:
    """The fixed start of a catalogue text (before its first placeholder)."""
    return EN[key].split("{")[0]


# --- the balancer over HTTP ------------------------------------------------------------

def test_a_new_browser_gets_a_route_cookie_and_a_known_one_keeps_it(balancer):
    def set_cookie(cookie: str | None) -> str | None:
        headers = {"Cookie": cookie} if cookie else {}
        request = urllib.request.Request(balancer.url + "/_stcore/host-config", headers=headers)
        with urllib.request.urlopen(request, timeout=10) as response:
            assert response.status == 200 and b"allowedOrigins" in response.read()
            cookies = response.headers.get_all("Set-Cookie") or []
        return next((c for c in cookies if c.startswith("st_route=")), None)

    fresh = set_cookie(None)
    assert fresh and re.match(r"st_route=[0-9a-f]{32}; Path=/", fresh), fresh
    assert set_cookie(fresh.split(";")[0]) is None, "a valid route is kept, not replaced"
    assert set_cookie("st_route=../../etc") is not None, "a malformed route is replaced"


def _websocket_status(balancer, host: str, origin: str) -> int:
    """The HTTP status Streamlit answers (through nginx) to a websocket handshake."""
    handshake = (f"GET /_stcore/stream HTTP/1.1\r\nHost: {host}\r\nOrigin: {origin}\r\n"
                 "Connection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13\r\n"
                 "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                 "Sec-WebSocket-Protocol: streamlit\r\n\r\n")
    with socket.create_connection(("127.0.0.1", balancer.port), timeout=20) as conn:
        conn.sendall(handshake.encode())
        answer = b""
        while b"\r\n" not in answer and (chunk := conn.recv(1024)):
            answer += chunk
    return int(answer.split()[1])


def test_a_websocket_from_the_page_origin_passes_and_a_foreign_one_is_refused(balancer):
    """Streamlit accepts a websocket whose Origin equals the Host it receives: nginx must
    pass the browser's Host with its port (a class opening http://school-host:PORT/),
    while Streamlit's CORS check keeps refusing other sites behind the proxy."""
    site = f"classroom.example:{balancer.port}"
    assert _websocket_status(balancer, site, f"http://{site}") == 101
    assert _websocket_status(balancer, site, "http://elsewhere.example") == 403


# --- a browser through the balancer ----------------------------------------------------

def test_a_page_opens_through_the_balancer_with_its_charts(balancer, chromium):
    context, page, _ = _open(chromium, balancer, GD)
    try:
        assert _assert_drawn_without_errors(page) >= 3
        assert EN["gradient_descent.title"] in page.inner_text("h1")
    finally:
        context.close()


def test_a_control_change_round_trips_through_the_balancer(balancer, chromium):
    context, page, _ = _open(chromium, balancer, GD)
    try:
        main = page.locator('[data-testid="stMain"]')
        assert _prefix("gradient_descent.limit_quadratic") in main.inner_text()
        curve = page.locator('[data-testid="stSelectbox"]').filter(
            has_text=EN["gradient_descent.curve"])
        curve.get_by_role("combobox").click()
        page.get_by_role("option", name=EN["gradient_descent.curve.sin"]).click()
        page.wait_for_function("() => location.search.includes('curve=sin')", timeout=30_000)
        wait_until_ready(page)
        _assert_drawn_without_errors(page)
        text = main.inner_text()          # drawn by the server's rerun, not by the browser
        assert _prefix("gradient_descent.limit_local") in text
        assert _prefix("gradient_descent.limit_quadratic") not in text
    finally:
        context.close()


def test_a_share_link_shows_the_same_view_on_either_replica(balancer, chromium):
    routes = _routes_to_each_replica(balancer)
    shown = {}
    for replica, route in routes.items():
        context, page, frames = _open(chromium, balancer, SHARED, route)
        try:
            shown[replica] = (page.locator('[data-testid="stMain"]').inner_text(),
                              _assert_drawn_without_errors(page), _charts_shown(frames))
        finally:
            context.close()
    (text_a, count_a, charts_a), (text_b, count_b, charts_b) = shown.values()
    assert EN["gradient_descent.curve.double_well"] in text_a, "the link's curve is shown"
    assert text_a == text_b, "the same link shows different text on the two replicas"
    assert count_a == count_b >= 3 and len(charts_a) == count_a
    assert charts_a == charts_b, "the same link draws different chart data on the two replicas"
    _assert_each_browser_stayed_on_its_replica(balancer, routes)


def _assert_each_browser_stayed_on_its_replica(balancer, routes: dict[str, str]) -> None:
    """Every request a browser made (page, assets, websocket, ...) went to one replica,
    the one its cookie hashes to. nginx logs a websocket when it closes."""
    for replica, route in routes.items():
        _wait_for(lambda r=route: any(e["path"] == "/_stcore/stream"
                                      for e in balancer.requests_of(r)),
                  f"the websocket of route {route} in the access log")
        mine = balancer.requests_of(route)
        assert {e["upstream"] for e in mine} == {replica}, mine
        streams = [e for e in mine if e["path"] == "/_stcore/stream"]
        assert {e["status"] for e in streams} == {"101"}, streams
        assert any(e["path"] == SHARED for e in mine), "the page itself went there too"
    assert set(routes) == balancer.replica_addresses()


# --- shutdown --------------------------------------------------------------------------

def test_sigterm_to_the_script_stops_nginx_and_every_replica(tmp_path):
    one = Balancer(1, tmp_path)
    try:
        group = os.getpgid(one.proc.pid)
        os.kill(one.proc.pid, signal.SIGTERM)          # the script only, not its group
        assert one.proc.wait(timeout=30) == 128 + signal.SIGTERM
        with pytest.raises(ProcessLookupError):        # nothing of the group is left
            os.killpg(group, 0)
        assert "stopped nginx and 1 replica(s)" in one.output.read_text()
    finally:
        one.stop()
