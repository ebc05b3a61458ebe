"""A light websocket client that opens a page of a running Streamlit 1.67 server the way
a browser tab does, without the browser: for load tests of the server alone.

What a browser does, and so what this client does (read from the installed streamlit:
``web/server/starlette/starlette_websocket.py``, ``runtime/app_session.py``,
``proto/BackMsg.proto``, ``ClientState.proto``, ``ForwardMsg.proto``):

1. open ``ws://HOST:PORT/_stcore/stream`` with the subprotocol ``streamlit``;
2. send one ``BackMsg.rerun_script`` (a ``ClientState``) holding the link's query string
   and the page name taken from the URL path (``/Gradient_Descent`` -> ``Gradient_Descent``,
   the home page ``""``);
3. read binary ``ForwardMsg`` frames: ``new_session``, ``navigation`` (the hash of the
   page that runs), ``delta`` (elements, among them
   ``vega_lite_chart`` and ``exception``), ``page_info_changed`` (the script rewrote the
   query string: the browser's address bar follows), and at the end ``script_finished``.
   Frames arrive in order, so once ``script_finished`` (successfully) is read, every
   message of the run has arrived;
4. when the user moves a control, send another ``rerun_script`` with the current query
   string, the page hash, the hashes of the cacheable messages it already holds, and the
   state of every widget on the page (mounted widgets all report their values), one of
   them changed.

Widget values travel as the widget's display strings for choices (selectbox, radio,
multiselect, select_slider) and as numbers for sliders and number boxes.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState

STREAM_PATH = "/_stcore/stream"
FINISHED = ForwardMsg.ScriptFinishedStatus.FINISHED_SUCCESSFULLY
RERUN_PENDING = ForwardMsg.ScriptFinishedStatus.FINISHED_EARLY_FOR_RERUN
WIDGETS = ("slider", "selectbox", "radio", "multiselect", "checkbox", "number_input",
           "text_input")


class PageError(RuntimeError):
    """The server ended the run with an error, or closed the connection."""


@dataclass
class Run:
    """What one script run sent: counts of elements, errors, widgets, the final URL."""

    charts: int = 0
    elements: int = 0
    messages: int = 0
    bytes: int = 0
    exceptions: list[str] = field(default_factory=list)
    widgets: dict[str, tuple[str, object]] = field(default_factory=dict)  # id -> (kind, proto)
    query_string: str | None = None
    page_hash: str = ""
    cached_hashes: set[str] = field(default_factory=set)
    finished: bool = False
    seconds: float = 0.0


def page_name(path: str) -> str:
    """The page name a browser derives from the URL path: ``/Gradient_Descent`` ->
    ``Gradient_Descent``; the home page is ``""``."""
    return path.strip("/").split("/")[-1] if path.strip("/") else ""


def first_rerun(query_string: str, name: str) -> bytes:
    """The ``rerun_script`` a fresh tab sends for ``/<name>?<query_string>``."""
    msg = BackMsg()
    msg.rerun_script.query_string = query_string
    msg.rerun_script.page_name = name
    return msg.SerializeToString()


def read_message(run: Run, data: bytes) -> ForwardMsg:
    """Fold one ForwardMsg frame into ``run`` and return it."""
    msg = ForwardMsg()
    msg.ParseFromString(data)
    run.messages += 1
    run.bytes += len(data)
    if msg.metadata.cacheable and msg.hash:
        run.cached_hashes.add(msg.hash)
    kind = msg.WhichOneof("type")
    if kind == "navigation":                # which page ran (new_session names the main one)
        run.page_hash = msg.navigation.page_script_hash
    elif kind == "page_info_changed":
        run.query_string = msg.page_info_changed.query_string
    elif kind == "delta" and msg.delta.WhichOneof("type") == "new_element":
        _read_element(run, msg.delta.new_element)
    elif kind == "script_finished" and msg.script_finished == FINISHED:
        run.finished = True
    return msg


def _read_element(run: Run, element) -> None:
    run.elements += 1
    kind = element.WhichOneof("type")
    if kind == "vega_lite_chart":
        run.charts += 1
    elif kind == "exception":
        run.exceptions.append(f"{element.exception.type}: {element.exception.message[:200]}")
    elif kind in WIDGETS:
        proto = getattr(element, kind)
        run.widgets[proto.id] = (kind, proto)


def widget_value(kind: str, proto) -> WidgetState:
    """The state a browser reports for a widget it has drawn (nothing changed yet)."""
    state = WidgetState(id=proto.id)
    if kind == "slider" and proto.options:          # select_slider: the shown labels
        state.string_array_value.data.extend(_select_slider_labels(proto))
    elif kind == "slider":
        state.double_array_value.data.extend(proto.value if proto.set_value else proto.default)
    elif kind in ("selectbox", "radio"):
        state.string_value = proto.raw_value if proto.HasField("raw_value") else _label(proto)
    elif kind == "multiselect":
        labels = proto.raw_values if proto.set_value else [proto.options[i] for i in
                                                           proto.default]
        state.string_array_value.data.extend(labels)
    elif kind == "checkbox":
        state.bool_value = proto.value if proto.set_value else proto.default
    elif kind == "number_input":
        state.double_value = proto.value if proto.set_value else proto.default
    else:
        state.string_value = proto.value if proto.set_value else proto.default
    return state


def _select_slider_labels(proto) -> list[str]:
    if proto.set_value and proto.raw_value:
        return list(proto.raw_value)
    return [proto.options[int(i)] for i in (proto.value if proto.set_value else proto.default)]


def _label(proto) -> str:
    return proto.options[proto.default] if proto.HasField("default") else ""


def find_widget(run: Run, key: str) -> tuple[str, object]:
    """The widget whose user key is ``key`` (Streamlit ends a keyed widget's id with it)."""
    for widget_id, found in run.widgets.items():
        if widget_id.endswith("-" + key):
            return found
    raise PageError(f"no widget with key {key!r} on the page")


def change_rerun(run: Run, key: str, choose) -> bytes:
    """The ``rerun_script`` a browser sends after the user set widget ``key``:
    ``choose(kind, proto, state)`` edits that widget's reported ``state`` in place."""
    msg = BackMsg()
    client = msg.rerun_script
    client.query_string = run.query_string or ""
    client.page_script_hash = run.page_hash
    client.cached_message_hashes.extend(sorted(run.cached_hashes))
    target = find_widget(run, key)[1].id
    for kind, proto in run.widgets.values():
        state = widget_value(kind, proto)
        if proto.id == target:
            choose(kind, proto, state)
        client.widget_states.widgets.append(state)
    return msg.SerializeToString()


async def read_run(ws, run: Run, deadline: float) -> Run:
    """Read frames until the run has finished (a run cut short for a rerun goes on)."""
    while not run.finished:
        left = deadline - time.monotonic()
        if left <= 0:
            raise TimeoutError("no script_finished before the timeout")
        try:
            data = await asyncio.wait_for(ws.recv(), left)
        except websockets.ConnectionClosed as closed:
            raise PageError(f"server closed the connection ({closed.code})") from None
        if isinstance(data, str):
            raise PageError("text frame from the server")
        read_message(run, data)
    return run


def stream_url(base: str) -> str:
    """``http://host:port`` -> ``ws://host:port/_stcore/stream``."""
    parts = urlsplit(base)
    scheme = "wss" if parts.scheme == "https" else "ws"
    return f"{scheme}://{parts.netloc}{parts.path.rstrip('/')}{STREAM_PATH}"


def connect(base: str):
    """An open-able websocket to the server at ``base``, as a browser tab opens it."""
    return websockets.connect(stream_url(base), subprotocols=["streamlit"], max_size=None,
                              open_timeout=30, ping_interval=None, compression=None)


async def open_page(base: str, link: str, timeout: float, change=None, hold=None) -> list[Run]:
    """Open ``link`` (``/Page?query``) and wait for its run; then, if ``change`` is a
    ``(key, choose)`` pair, move that control and wait for the rerun. Returns the runs
    (their ``seconds`` measured from the connect, and from the change). ``hold``, an
    async callable, is awaited before the tab closes (a class keeps its tabs open)."""
    parts = urlsplit(link)
    t0 = time.monotonic()
    deadline = t0 + timeout
    async with connect(base) as ws:
        await ws.send(first_rerun(parts.query, page_name(parts.path)))
        first = await read_run(ws, Run(), deadline)
        first.seconds = time.monotonic() - t0
        runs = [first]
        if change is not None:
            key, choose = change
            t1 = time.monotonic()
            await ws.send(change_rerun(first, key, choose))
            second = Run(query_string=first.query_string, page_hash=first.page_hash)
            await read_run(ws, second, deadline)
            second.seconds = time.monotonic() - t1
            runs.append(second)
        if hold is not None:
            await hold()
    return runs
