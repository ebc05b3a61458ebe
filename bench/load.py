"""Classroom load benchmark: N students open a share link at once, measured on the server.

    python bench/load.py [-n 20 30] [--scenarios same,different,change,memory]
                         [--repeat R] [--timeout 120] [--deadline 1800] [--cold]
                         [--browser K] [--json out.json]
                         [--url http://127.0.0.1:PORT (--pids 123,456 | --pattern TEXT)]

Without ``--url`` it starts ``python -m streamlit run app.py --server.headless true
--server.address 127.0.0.1 --server.port <free port>`` from the repository root (so the
project's ``.streamlit/config.toml`` applies), waits for its warm-up of the default views
(``serving.warmup``; not timed as a scenario) and stops it by its PID at the end. With
``--url`` it drives a server or balancer someone else started and measures the processes
given by ``--pids`` or whose command line contains ``--pattern`` (for ``bash
deploy/serve.sh N PORT``: the N ``streamlit run`` processes, summed).

Visitors are light websocket clients speaking Streamlit's own protocol
(:mod:`serving.client`), not browsers, so the numbers are the server's. Scenarios, each
a wave of N sessions opened at once (links in :mod:`bench.loadlinks`):

* ``same``      N sessions on one share link (the Gradient Descent page);
* ``different`` N sessions on N of the 30 class links (all pages, zh, projector, ...);
* ``change``    as ``different``, then each moves one control and waits for the rerun
                (the time reported is the rerun's);
* ``memory``    400 varied visitors, 3 at a time (new seeds and rates: caches fill),
                then a class of 30; the peak RSS is the number to read.

Per wave: sessions with errors (exception element, disconnect, timeout, no
``script_finished``), p50/p95/max seconds from connect until the run has
finished and all its messages have arrived, server CPU seconds (utime + stime from
/proc) per session, peak server RSS (VmRSS polled every 0.1 s). Every link is opened once
before its wave (``--cold`` skips that), so warm numbers are of cached data. Once per run
it also prints the server CPU of ONE visitor opening each warm page alone (the "≤ 100 ms
per warm visit" target). ``--browser K``: K headless Chromium pages open a link at once
and wait for the charts to be drawn. Every session has ``--timeout``; the whole run has
``--deadline``.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import sys
from dataclasses import asdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.loadlinks import CLASS_LINKS, GD, page_of, varied_links  # noqa: E402
from bench.loadrun import Result, alone, median_result, trickle, warm, wave  # noqa: E402
from bench.loadserver import RssPoller, Server, find_pids, wait_healthy  # noqa: E402

SCENARIOS = ("same", "different", "change", "memory")
SAME_LINK = GD
PAGE_LINKS = ("/", "/Differentiation", "/Gradient_Descent", "/Optimizer_Race",
              "/Choosing_an_Optimizer")


def links_for(scenario: str, n: int) -> list[str]:
    """The N links of a wave: one link N times, or N class links (cycled past 30)."""
    if scenario == "same":
        return [SAME_LINK] * n
    return [CLASS_LINKS[i % len(CLASS_LINKS)] for i in range(n)]


async def scenario_result(base, scenario, n, args, pids, poller) -> Result:
    """One wave of ``scenario`` with ``n`` sessions (warmed first unless ``--cold``)."""
    if scenario == "memory":
        return await memory_result(base, args, pids, poller)
    links, change = links_for(scenario, n), scenario == "change"
    if not args.cold:
        await warm(base, links, args.timeout, change)
    return await wave(base, links, args.timeout, pids, poller, scenario, change)


async def memory_result(base, args, pids, poller) -> Result:
    """400 varied visitors three at a time, then a class of 30; the row's peak RSS is
    the highest of both, its timings the class's."""
    day = await trickle(base, varied_links(args.visitors), args.timeout, pids, poller,
                        f"memory: {args.visitors} varied visitors", concurrency=3)
    print(row(day), flush=True)
    rss_after_day = day.peak_rss_mb
    cls = await wave(base, list(CLASS_LINKS), args.timeout, pids, poller, "memory: then class")
    cls.peak_rss_mb = max(cls.peak_rss_mb, rss_after_day)
    cls.errors += day.errors
    cls.error_samples += day.error_samples
    return cls


async def run_all(base: str, args, pids: list[int]) -> dict:
    """Every scenario for every N, repeated; then the per-page single-visitor CPU."""
    report = {"waves": [], "alone": []}
    print(HEADER, flush=True)
    with RssPoller(pids) as poller:
        for scenario in args.scenarios:
            for n in ([0] if scenario == "memory" else args.n):
                results = [await scenario_result(base, scenario, n, args, pids, poller)
                           for _ in range(args.repeat)]
                merged = median_result(results)
                report["waves"].append(asdict(merged))
                print(row(merged), flush=True)
                if scenario == "change":
                    print(sent_kb(merged), flush=True)
        if args.browser:
            from bench.loadbrowser import browser_wave
            found = await browser_wave(base, SAME_LINK, args.browser, args.timeout, pids, poller)
            report["waves"].append(asdict(found))
            print(row(found), flush=True)
    print_errors(report["waves"])
    print("\n| page (warm, one visitor alone) | server CPU s / visit | seconds |\n|---|---|---|")
    for link in PAGE_LINKS:
        cpu, seconds = await alone(base, link, args.timeout, pids)
        report["alone"].append({"page": page_of(link), "cpu": cpu, "seconds": seconds})
        print(f"| {link} | {cpu:.3f} | {seconds:.2f} |", flush=True)
    return report


HEADER = ("| scenario | sessions | waves | errors | p50 s | p95 s | max s | CPU s / session "
          "| peak RSS MB | wall s |\n|---|---|---|---|---|---|---|---|---|---|")


def row(r: Result) -> str:
    return (f"| {r.scenario} | {r.sessions} | {r.waves} | {r.errors} | {r.p50:.2f} | {r.p95:.2f} "
            f"| {r.max:.2f} | {r.cpu_per_session:.3f} | {r.peak_rss_mb:.0f} | {r.wall:.1f} |")


def sent_kb(r: Result) -> str:
    """What the server sent: a page's first run against the rerun after one control moved
    (unchanged charts go as references to what the browser already holds)."""
    reran = [v for v in r.visits if v.rerun_kb is not None]
    if not reran:
        return "|   sent per visit: no rerun finished |"
    first = statistics.median(v.first_kb for v in reran)
    again = statistics.median(v.rerun_kb for v in reran)
    return f"|   sent per visit: first run {first:.0f} KB, rerun after the change {again:.0f} KB |"


def print_errors(waves: list[dict]) -> None:
    for w in waves:
        for sample in w["error_samples"]:
            print(f"  error in {w['scenario']}: {sample}")


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter,
                                     epilog="\n".join(__doc__.splitlines()[1:]))
    parser.add_argument("-n", type=int, nargs="+", default=[20, 30], help="sessions per wave")
    parser.add_argument("--scenarios", default="same,different,change",
                        help=f"comma-separated, from {','.join(SCENARIOS)}")
    parser.add_argument("--repeat", type=int, default=1, help="waves per scenario (medians)")
    parser.add_argument("--timeout", type=float, default=120, help="seconds per session")
    parser.add_argument("--deadline", type=float, default=1800, help="seconds for the run")
    parser.add_argument("--visitors", type=int, default=400, help="memory: varied visitors")
    parser.add_argument("--cold", action="store_true", help="do not warm the pages first")
    parser.add_argument("--browser", type=int, default=0, metavar="K",
                        help="also K headless Chromium pages on one link")
    parser.add_argument("--json", type=Path, help="write the results here")
    parser.add_argument("--url", help="drive this server instead of starting one")
    parser.add_argument("--pids", help="with --url: comma-separated server PIDs")
    parser.add_argument("--pattern", help="with --url: command-line text of the servers")
    args = parser.parse_args(argv)
    args.scenarios = [s for s in args.scenarios.split(",") if s]
    unknown = sorted(set(args.scenarios) - set(SCENARIOS))
    if unknown:
        parser.error(f"unknown scenario(s) {', '.join(unknown)}; choose from {SCENARIOS}")
    if min(args.n) < 1 or args.repeat < 1 or args.browser < 0:
        parser.error("-n and --repeat must be at least 1, --browser at least 0")
    if args.url and not (args.pids or args.pattern):
        parser.error("--url needs --pids or --pattern (the server processes to measure)")
    return args


def external_pids(args) -> list[int]:
    """The PIDs given with --pids, or found by --pattern."""
    try:
        pids = [int(p) for p in args.pids.split(",")] if args.pids else find_pids(args.pattern)
    except ValueError:
        sys.exit(f"--pids must be comma-separated numbers, not {args.pids!r}")
    if not pids:
        sys.exit(f"no process has {args.pattern!r} in its command line")
    return pids


def main(argv=None) -> None:
    args = parse_args(argv)
    server = None
    try:
        try:
            if args.url:
                base, pids = args.url.rstrip("/"), external_pids(args)
                wait_healthy(base, timeout=20)
            else:
                server = Server()
                base, pids = server.url, server.pids
                print(f"warm-up of the default views: {server.warm_up()}", flush=True)
        except (TimeoutError, RuntimeError, ValueError) as err:
            sys.exit(f"no server to measure: {err}")
        print(f"server {base}, pids {pids}; config: {config_summary()}\n", flush=True)
        report = asyncio.run(within_deadline(run_all(base, args, pids), args.deadline))
    finally:
        if server is not None:
            server.stop()
    if args.json:
        args.json.write_text(json.dumps(report, indent=2))


async def within_deadline(work, seconds: float):
    """``work``, or a clear exit once it has run ``seconds``."""
    try:
        return await asyncio.wait_for(work, seconds)
    except TimeoutError:
        sys.exit(f"stopped: the run passed its deadline of {seconds:.0f} s")


def config_summary() -> str:
    """The serving options of .streamlit/config.toml that change the numbers."""
    import tomllib
    path = ROOT / ".streamlit" / "config.toml"
    conf = tomllib.loads(path.read_text()) if path.exists() else {}
    server, runner = conf.get("server", {}), conf.get("runner", {})
    return (f"fileWatcherType={server.get('fileWatcherType', 'auto')}, "
            f"postScriptGC={runner.get('postScriptGC', True)}")


if __name__ == "__main__":
    main()
