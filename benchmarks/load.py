"""Throughput and latency of the public pages under load, with and without the page cache.

    make bench
    DATABASE_URL=postgres://user@host:5432/redcell_bench .venv/bin/python benchmarks/load.py

What it does, on a database of its own (created and filled with ``generate_content`` when
missing, like ``benchmarks/search.py``):

1. migrates it, tops it up to ``--publications``, runs ``collectstatic`` (hashed, compressed);
2. starts gunicorn with production settings (DEBUG off, whitenoise, the page cache in local
   memory) twice: once with ``PAGE_CACHE_SECONDS=0`` (every page rendered) and once with the
   page cache on;
3. drives each with wrk (https://github.com/wg/wrk): the home page, a publication page, the
   publication list, search (a rotation of 30 typical queries) and a static file served by
   the same server, the ceiling for any page. Each is measured for throughput with many
   connections and for latency with one connection (a page's own time, without queueing),
   ``--rounds`` times; the table shows the median of the rounds;
4. prints the table, with the machine's core count, and writes it to
   ``benchmarks/results/load-<date>.md``.

Requests carry ``X-Forwarded-Proto: https``, as from the TLS proxy production has in front.
"""

import argparse
import os
import re
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from datetime import datetime
from pathlib import Path
from urllib.parse import urlencode, urlsplit

from search import DEFAULT_URL, QUERIES, ensure_database

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results"
STATIC_ROOT = RESULTS / "static"
PYTHON = sys.executable
HEADERS = {"X-Forwarded-Proto": "https"}

TARGETS = """\
Targets (2 cores, 20,000 publications): cached publication page at least half the static
file's throughput; uncached publication page median under 15 ms; search median under 100 ms."""


def cores() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def server_environment(url: str, **extra) -> dict:
    """Production settings: what docker-compose's web service runs with, on this machine."""
    return (
        os.environ
        | {
            "DJANGO_SETTINGS_MODULE": "redcell.settings",
            "DEBUG": "0",
            "SECRET_KEY": "benchmark-only-secret-key",
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "DATABASE_URL": url,
            "STATIC_ROOT": str(STATIC_ROOT),
            "BEHIND_HTTPS_PROXY": "1",
            "LOG_LEVEL": "WARNING",
        }
        | extra
    )


def manage(env: dict, *args: str) -> None:
    subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True)


def prepare(url: str, publications: int, force: bool) -> None:
    """Migrate, fill and collect static files; all skipped when already done."""
    env = server_environment(url)
    manage(env, "migrate", "--no-input", "-v", "0")
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        total, other = conn.execute(
            r"SELECT count(*), count(*) FILTER (WHERE slug !~ '-gen\d+$') FROM publications_publication"
        ).fetchone()
        if other and not force:
            sys.exit(
                "This database holds publications that generate_content did not make; "
                "use a separate benchmark database, or --force."
            )
        if total < publications:
            print(f"Generating {publications - total} publications…")
            manage(env, "generate_content", "--publications", str(publications - total))
        conn.execute("VACUUM ANALYZE")
    manifest = STATIC_ROOT / "staticfiles.json"
    sources = [path for path in (ROOT / "static").rglob("*") if path.is_file()]
    if not manifest.exists() or max(p.stat().st_mtime for p in sources) > manifest.stat().st_mtime:
        print("Collecting static files (hashed, gzip and brotli)…")
        manage(env, "collectstatic", "--no-input", "-v", "0")


def pick_urls(url: str) -> dict[str, list[str]]:
    """The paths to load: a recent publication as the page in the news, and the rest."""
    env = server_environment(url)
    script = (
        "import django; django.setup()\n"
        "from django.contrib.staticfiles.storage import staticfiles_storage\n"
        "from publications.models import Publication\n"
        "p = Publication.objects.published().exclude(series=None).first()\n"
        "print(p.get_absolute_url()); print(staticfiles_storage.url('css/site.css'))\n"
    )
    out = subprocess.run(
        [PYTHON, "-c", script], cwd=ROOT, env=env, check=True, capture_output=True, text=True
    ).stdout.split()
    publication, static = out[-2], out[-1]
    return {
        "static file (ceiling)": [static],
        "home page": ["/"],
        "publication page": [publication],
        "publication list": ["/publications/"],
        "search": [f"/search/?{urlencode({'q': query})}" for query in QUERIES],
    }


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    """gunicorn with production settings, as docker-compose runs it."""

    def __init__(self, url: str, workers: int, **settings):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        command = [
            str(Path(PYTHON).with_name("gunicorn")),
            "redcell.wsgi:application",
            f"--bind=127.0.0.1:{self.port}",
            f"--workers={workers}",
            "--log-level=warning",
        ]
        self.process = subprocess.Popen(
            command, cwd=ROOT, env=server_environment(url, **settings), start_new_session=True
        )
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{self.base}/healthz", timeout=2) as response:
                    if response.status == 200:
                        return
            except OSError:
                if time.monotonic() > deadline or self.process.poll() is not None:
                    self.stop()
                    raise RuntimeError("gunicorn did not start") from None
                time.sleep(0.3)

    def drain(self):
        """Waits out requests still queued when wrk stopped, so they do not slow the next run."""
        started = time.monotonic()
        while time.monotonic() - started < 120:
            before = time.monotonic()
            with urllib.request.urlopen(f"{self.base}/healthz", timeout=120):
                pass
            if time.monotonic() - before < 0.05:
                break
        time.sleep(1)

    def stop(self):
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            self.process.wait(timeout=30)


def wrk_script(paths: list[str]) -> Path:
    """A wrk Lua script that sends each path in turn (the search rotation)."""
    script = RESULTS / f"rotate-{len(paths)}.lua"
    listed = ", ".join('"' + path.replace('"', '\\"') + '"' for path in paths)
    script.write_text(
        f"local paths = {{{listed}}}\n"
        "local i = 0\n"
        "request = function()\n"
        "  i = i % #paths + 1\n"
        "  return wrk.format(nil, paths[i])\n"
        "end\n"
    )
    return script


UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def wrk(base: str, paths: list[str], connections: int, seconds: int) -> dict:
    command = ["wrk", f"-t{min(connections, 2)}", f"-c{connections}", f"-d{seconds}s", "--timeout=30s"]
    command.append("--latency")
    for name, value in HEADERS.items():
        command += ["-H", f"{name}: {value}"]
    if len(paths) > 1:
        command += ["-s", str(wrk_script(paths))]
    output = subprocess.run([*command, base + paths[0]], check=True, capture_output=True, text=True).stdout
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    if errors:
        raise RuntimeError(f"{errors.group(1)} failed requests for {paths[0]}:\n{output}")
    result = {"rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))}
    for share, value, unit in re.findall(r"^\s+(50|90|99)%\s+([\d.]+)(us|ms|s)\s*$", output, re.M):
        result[f"p{share}"] = float(value) * UNITS[unit]
    if "p50" not in result:
        raise RuntimeError(f"No latencies measured for {paths[0]}:\n{output}")
    return result


def measure(server: Server, urls: dict, args) -> dict:
    results = {}
    for name, paths in urls.items():
        # Warm up: Postgres' buffers, and with the page cache each worker's own copy.
        wrk(server.base, paths, args.connections, 2)
        server.drain()
        rounds = []
        for _ in range(args.rounds):
            single = wrk(server.base, paths, 1, args.duration)
            loaded = wrk(server.base, paths, args.connections, args.duration)
            server.drain()
            rounds.append(
                {
                    "rps": loaded["rps"],
                    "loaded_p50": loaded["p50"],
                    "p50": single["p50"],
                    "p90": single["p90"],
                    "p99": single["p99"],
                }
            )
        results[name] = {key: statistics.median(r[key] for r in rounds) for key in rounds[0]}
        print(f"  {name:<22} {results[name]['rps']:8.0f} req/s   median {results[name]['p50']:6.1f} ms")
    return results


def table(results: dict, header: str, args) -> str:
    lines = [
        header,
        "",
        f"| page | page cache | req/s ({args.connections} connections) | median ms (1 connection) "
        f"| p90 ms (1 connection) | p99 ms (1 connection) | median ms ({args.connections} connections) |",
        "|---|---|---:|---:|---:|---:|---:|",
    ]
    for mode, pages in results.items():
        for name, r in pages.items():
            lines.append(
                f"| {name} | {mode} | {r['rps']:.0f} | {r['p50']:.1f} | {r['p90']:.1f} | {r['p99']:.1f} "
                f"| {r['loaded_p50']:.1f} |"
            )
    cached, uncached = results["on"], results["off"]
    ratio = cached["publication page"]["rps"] / cached["static file (ceiling)"]["rps"]
    checks = [
        (
            "cached publication page ≥ half the static file's throughput",
            ratio >= 0.5,
            f"{ratio:.2f}× the static file",
        ),
        (
            "uncached publication page median < 15 ms",
            uncached["publication page"]["p50"] < 15,
            f"{uncached['publication page']['p50']:.1f} ms",
        ),
        (
            "search median < 100 ms (uncached)",
            uncached["search"]["p50"] < 100,
            f"{uncached['search']['p50']:.1f} ms",
        ),
    ]
    lines += ["", TARGETS, ""]
    lines += [f"- {'met   ' if ok else 'MISSED'} {what}: {value}" for what, ok, value in checks]
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--publications", type=int, default=20_000)
    parser.add_argument("--duration", type=int, default=5, help="Seconds of each wrk run.")
    parser.add_argument("--rounds", type=int, default=3, help="Runs of each measurement; medians are shown.")
    parser.add_argument("--connections", type=int, default=16, help="Concurrent connections for throughput.")
    parser.add_argument(
        "--workers",
        type=int,
        default=int(os.environ.get("WEB_CONCURRENCY", 2 * cores() + 1)),
        help="gunicorn worker processes (default: WEB_CONCURRENCY, else 2 × cores + 1).",
    )
    parser.add_argument("--force", action="store_true", help="Use a database holding other content.")
    args = parser.parse_args()

    url = os.environ.get("DATABASE_URL") or DEFAULT_URL
    if urlsplit(url).scheme not in {"postgres", "postgresql", "pgsql"}:
        print(f"The load benchmark needs PostgreSQL; DATABASE_URL is {url!r}.", file=sys.stderr)
        return 2
    if subprocess.run(["which", "wrk"], capture_output=True).returncode:
        print("wrk is not installed (Debian/Ubuntu: apt-get install wrk).", file=sys.stderr)
        return 2
    RESULTS.mkdir(parents=True, exist_ok=True)
    ensure_database(url)
    prepare(url, args.publications, args.force)
    urls = pick_urls(url)

    import psycopg

    with psycopg.connect(url) as conn:
        published, server_version = conn.execute(
            "SELECT count(*), current_setting('server_version') FROM publications_publication"
        ).fetchone()
    header = (
        f"Load benchmark, {datetime.now():%Y-%m-%d %H:%M}: {cores()} cores (nproc), "
        f"{published} publications, PostgreSQL {server_version}, gunicorn with {args.workers} "
        f"sync workers, DEBUG off, local-memory cache; wrk, {args.duration:g} s per run, "
        f"median of {args.rounds} rounds. Publication page: {urls['publication page'][0]}"
    )
    print(header)
    results = {}
    for mode, settings in (("off", {"PAGE_CACHE_SECONDS": "0"}), ("on", {})):
        print(f"Page cache {mode}:")
        server = Server(url, args.workers, **settings)
        try:
            results[mode] = measure(server, urls, args)
        finally:
            server.stop()

    text = table(results, header, args)
    path = RESULTS / f"load-{datetime.now():%Y%m%d-%H%M%S}.md"
    path.write_text(text)
    print()
    print(text)
    print(f"Written to {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
