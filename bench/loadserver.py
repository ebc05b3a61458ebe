"""The server side of the load benchmark: start ``streamlit run app.py`` (or find server
processes someone else started) and read their CPU time and memory from ``/proc``.

CPU is ``utime + stime`` of ``/proc/PID/stat`` (all threads of the process), memory the
``VmRSS`` line of ``/proc/PID/status``; with several processes (replicas behind a
balancer) both are summed. ``RssPoller`` samples the sum in a thread to catch the peak.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TICKS = os.sysconf("SC_CLK_TCK")


def free_port() -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def cpu_seconds(pids: list[int]) -> float:
    """User + system CPU seconds used so far by the processes ``pids``."""
    total = 0
    for pid in pids:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        total += int(fields[11]) + int(fields[12])      # utime, stime (fields 14, 15)
    return total / TICKS


def rss_mb(pids: list[int]) -> float:
    """Resident memory of the processes ``pids`` together, in MB."""
    total_kb = 0
    for pid in pids:
        with open(f"/proc/{pid}/status") as f:
            total_kb += next(int(line.split()[1]) for line in f if line.startswith("VmRSS:"))
    return total_kb / 1024


def find_pids(pattern: str) -> list[int]:
    """Processes whose command line contains ``pattern`` (not this benchmark itself)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit() or int(entry.name) == os.getpid():
            continue
        try:
            cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode()
        except OSError:
            continue
        if pattern in cmdline and "bench/load" not in cmdline:
            found.append(int(entry.name))
    return sorted(found)


class RssPoller:
    """Samples the summed RSS of ``pids`` every ``interval`` seconds; ``peak`` holds the
    largest sample since the last ``reset``."""

    def __init__(self, pids: list[int], interval: float = 0.1):
        self.pids, self.interval, self.peak = pids, interval, 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._poll, daemon=True)

    def __enter__(self) -> RssPoller:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()

    def reset(self) -> None:
        self.peak = rss_mb(self.pids)

    def _poll(self) -> None:
        while not self._stop.is_set():
            try:
                self.peak = max(self.peak, rss_mb(self.pids))
            except OSError:
                pass                                   # a process went away: keep the peak
            self._stop.wait(self.interval)


def wait_healthy(url: str, timeout: float = 60, proc: subprocess.Popen | None = None) -> None:
    """Poll ``/_stcore/health`` until it answers ``ok``."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc is not None and proc.poll() is not None:
            raise RuntimeError(f"streamlit exited with code {proc.returncode}")
        try:
            with urllib.request.urlopen(url + "/_stcore/health", timeout=2) as reply:
                if reply.read().decode().strip() == "ok":
                    return
        except OSError:
            pass
        time.sleep(0.3)
    raise TimeoutError(f"{url} did not become healthy in {timeout:.0f} s")


class Server:
    """``streamlit run app.py`` on 127.0.0.1 and a free port, with the project's own
    ``.streamlit/config.toml`` (run from the repository root). Stop it with ``stop``."""

    def __init__(self, extra_args: tuple[str, ...] = ()):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        cmd = [sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true",
               "--server.address", "127.0.0.1", "--server.port", str(self.port), *extra_args]
        self.log = tempfile.NamedTemporaryFile("w+", prefix="load-server-", suffix=".log",
                                               delete=False)
        self.proc = subprocess.Popen(cmd, cwd=ROOT, stdout=self.log, stderr=subprocess.STDOUT,
                                     env={**os.environ, "PYTHONUNBUFFERED": "1"})
        try:
            wait_healthy(self.url, proc=self.proc)
        except BaseException:
            self.stop()
            raise

    @property
    def pids(self) -> list[int]:
        return [self.proc.pid]

    def stop(self) -> None:
        """Terminate the server by its PID (kill it if it does not stop in 10 s)."""
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.log.close()

    def warm_up(self, timeout: float = 300) -> str:
        """Open the home page once, which starts the server's own warm-up of every default
        view (``serving.warmup``), and wait for its log line (returned). A benchmark that
        measures the server at rest waits for it, or its numbers would include it."""
        poke = subprocess.run([sys.executable, "-m", "serving.warmup", self.url], cwd=ROOT,
                              capture_output=True, text=True, timeout=timeout)
        if poke.returncode:
            raise RuntimeError(poke.stderr.strip() or "serving.warmup failed")
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            found = [ln for ln in self.log_tail(400).splitlines() if "warm-up:" in ln]
            if found:
                return found[0].split("warm-up:", 1)[1].strip()
            if self.proc.poll() is not None:
                raise RuntimeError(f"streamlit exited with code {self.proc.returncode}")
            time.sleep(0.5)
        raise TimeoutError(f"no warm-up line in the server's log after {timeout:.0f} s")

    def log_tail(self, lines: int = 20) -> str:
        """The end of the server's output (for a report of what went wrong)."""
        return "\n".join(Path(self.log.name).read_text(errors="replace").splitlines()[-lines:])
