"""Throughput and latency of the public pages under load: rendered afresh, from the page cache,
and through Varnish, each beside a static file served the same way.

    make bench
    DATABASE_URL=postgres://user@host:5432/redcell_bench .venv/bin/python benchmarks/load.py

What it does, on a database of its own (created and filled with ``generate_content`` when
missing, like ``benchmarks/search.py``):

1. migrates it, tops it up to ``--publications``, runs ``collectstatic`` (hashed, compressed);
2. starts gunicorn with production settings (DEBUG off, whitenoise, local-memory cache) twice,
   once with ``PAGE_CACHE_SECONDS=0`` ("uncached": every page rendered, fragments kept as in
   production, publications/fragments.py) and once with the page cache on; and Debian's varnishd
   with the project's VCL (``deploy/varnish/default.vcl``) in front of the second ("Varnish");
3. drives each with wrk (https://github.com/wg/wrk): a static file (the ceiling: each page's
   throughput is given as a share of the static file's through the same server, in the same
   round), the home page, a publication page, the publication list and search (a rotation of
   30 typical queries). Throughput with many connections, latency with one (a page's own time,
   without queueing). The three set-ups are measured in turn, round after round
   (``--rounds``), so a busy spell on a shared machine falls on all of them; the table shows
   the medians of the rounds;
4. prints the table with the targets met or missed, and writes it to
   ``benchmarks/results/load-<date>.md``. With ``--search-json`` (``make bench`` passes what
   ``benchmarks/search.py`` just measured) the search page's p95 is checked too.

Requests carry ``X-Forwarded-Proto: https``, as from the TLS proxy production has in front.
"""

import argparse
import json
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
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

VCL = ROOT / "deploy" / "varnish" / "default.vcl"
MODES = ("uncached", "page cache", "Varnish")
# (set-up, page, least share of the static file's throughput through the same set-up)
TARGETS = [
    ("uncached", "publication page", 0.07),
    ("uncached", "home page", 0.05),
    ("uncached", "publication list", 0.05),
    ("page cache", "publication page", 0.6),
    ("Varnish", "publication page", 0.8),
]
SEARCH_P95_TARGET_MS = 100


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


def compose_parameters() -> list[str]:
    """The parameters docker-compose.yml gives varnishd, so the benchmark runs what the stack runs."""
    import yaml

    services = yaml.safe_load((ROOT / "docker-compose.yml").read_text())["services"]
    return list(services.get("varnish", {}).get("command") or [])


class Varnish:
    """Debian's varnishd with the project's VCL, in front of ``backend``, in a work directory of
    its own (the VCL names docker-compose's ``web:8000``: rewritten to the backend's address)."""

    def __init__(self, backend: Server, memory: str = "256M"):
        if not VCL.exists():
            raise RuntimeError(f"No VCL at {VCL.relative_to(ROOT)}")
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.backend = backend
        self.workdir = Path(tempfile.mkdtemp(prefix="redcell-varnish-"))
        vcl = self.workdir / "default.vcl"
        text = re.sub(r'\.host = "[^"]*";', '.host = "127.0.0.1";', VCL.read_text())
        vcl.write_text(re.sub(r'\.port = "[^"]*";', f'.port = "{backend.port}";', text))
        # -j none: run as whoever runs the benchmark, who can read the files made here.
        command = [
            shutil.which("varnishd") or "/usr/sbin/varnishd",
            "-F",
            "-j",
            "none",
            f"-a127.0.0.1:{self.port}",
            f"-f{vcl}",
            f"-n{self.workdir / 'state'}",
            f"-smalloc,{memory}",
            *compose_parameters(),
        ]
        self.process = subprocess.Popen(
            command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True
        )
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{self.base}/healthz", timeout=2) as response:
                    if response.status == 200:
                        return
            except OSError:
                if time.monotonic() > deadline or self.process.poll() is not None:
                    error = self.process.stderr.read().decode() if self.process.poll() is not None else ""
                    self.stop()
                    raise RuntimeError(f"varnishd did not start: {error}") from None
                time.sleep(0.3)

    def drain(self):
        self.backend.drain()

    def describe(self, path: str) -> str:
        """What Varnish does with ``path`` on a second request: X-Cache and the site's Cache-Control."""
        request = urllib.request.Request(self.base + path, headers=HEADERS)
        for _ in range(2):
            with urllib.request.urlopen(request, timeout=30) as response:
                cache_control = response.headers.get("Cache-Control", "")
                x_cache = response.headers.get("X-Cache", "?")
        return f"{x_cache} ({cache_control or 'no Cache-Control'})"

    def stop(self):
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            self.process.wait(timeout=30)
        shutil.rmtree(self.workdir, ignore_errors=True)


def one_round(server, urls: dict, args) -> dict:
    """Each page once: throughput with ``args.connections``, latency with one connection."""
    results = {}
    for name, paths in urls.items():
        single = wrk(server.base, paths, 1, args.duration)
        loaded = wrk(server.base, paths, args.connections, args.duration)
        server.drain()
        results[name] = {
            "rps": loaded["rps"],
            "loaded_p50": loaded["p50"],
            "p50": single["p50"],
            "p90": single["p90"],
            "p99": single["p99"],
        }
    return results


def summarise(rounds: list[dict]) -> dict:
    """Medians over the rounds, and each page's share of the static file's throughput: its
    median over the rounds of the share measured in the same round."""
    summary = {}
    for name in rounds[0]:
        summary[name] = {key: statistics.median(r[name][key] for r in rounds) for key in rounds[0][name]}
        summary[name]["share"] = statistics.median(
            r[name]["rps"] / r["static file (ceiling)"]["rps"] for r in rounds
        )
    return summary


def table(results: dict, header: str, notes: list[str], search: dict | None, args) -> str:
    lines = [
        header,
        "",
        f"| page | served | req/s ({args.connections} connections) | ÷ static file, same set-up "
        f"| median ms (1 connection) | p90 ms (1 connection) | p99 ms (1 connection) "
        f"| median ms ({args.connections} connections) |",
        "|---|---|---:|---:|---:|---:|---:|---:|",
    ]
    for mode, pages in results.items():
        for name, r in pages.items():
            lines.append(
                f"| {name} | {mode} | {r['rps']:.0f} | {r['share']:.3f} | {r['p50']:.1f} | {r['p90']:.1f} "
                f"| {r['p99']:.1f} | {r['loaded_p50']:.1f} |"
            )
    checks = [
        (
            f"{page}, {mode}: at least {least:g} of the static file's throughput",
            results[mode][page]["share"] >= least,
            f"{results[mode][page]['share']:.3f}",
        )
        for mode, page, least in TARGETS
        if mode in results
    ]
    if search:
        checks.append(
            (
                f"search page p95 under {SEARCH_P95_TARGET_MS} ms ({search['queries']} queries, search.py)",
                search["p95"] < SEARCH_P95_TARGET_MS,
                f"{search['p95']:.1f} ms (median {search['median']:.1f} ms)",
            )
        )
    lines += ["", "Targets (2 cores, 20,000 publications):", ""]
    lines += [f"- {'met   ' if ok else 'MISSED'} {what}: {value}" for what, ok, value in checks]
    lines += ["", *notes]
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--publications", type=int, default=20_000)
    parser.add_argument("--duration", type=int, default=5, help="Seconds of each wrk run.")
    parser.add_argument("--rounds", type=int, default=3, help="Rounds over every set-up; medians are shown.")
    parser.add_argument("--connections", type=int, default=16, help="Concurrent connections for throughput.")
    parser.add_argument(
        "--workers",
        type=int,
        default=int(os.environ.get("WEB_CONCURRENCY", 2 * cores() + 1)),
        help="gunicorn worker processes (default: WEB_CONCURRENCY, else 2 × cores + 1).",
    )
    parser.add_argument("--no-varnish", action="store_true", help="Leave out the Varnish set-up.")
    parser.add_argument("--search-json", type=Path, help="Search timings from benchmarks/search.py --json.")
    parser.add_argument("--force", action="store_true", help="Use a database holding other content.")
    args = parser.parse_args()

    url = os.environ.get("DATABASE_URL") or DEFAULT_URL
    if urlsplit(url).scheme not in {"postgres", "postgresql", "pgsql"}:
        print(f"The load benchmark needs PostgreSQL; DATABASE_URL is {url!r}.", file=sys.stderr)
        return 2
    if not shutil.which("wrk"):
        print("wrk is not installed (Debian/Ubuntu: apt-get install wrk).", file=sys.stderr)
        return 2
    varnish_wanted = not args.no_varnish
    if varnish_wanted and not (shutil.which("varnishd") or Path("/usr/sbin/varnishd").exists()):
        print("varnishd is not installed (Debian: apt-get install varnish varnish-modules).", file=sys.stderr)
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
    servers = {}
    notes = []
    try:
        servers["uncached"] = Server(url, args.workers, PAGE_CACHE_SECONDS="0")
        servers["page cache"] = Server(url, args.workers)
        if varnish_wanted:
            servers["Varnish"] = Varnish(servers["page cache"])
            notes.append(
                "Through Varnish (second request): "
                + "; ".join(f"{name} {servers['Varnish'].describe(paths[0])}" for name, paths in urls.items())
            )
            print(notes[-1])
        # Warm up: Postgres' buffers, fragments, and each worker's own cached copies.
        for server in servers.values():
            for paths in urls.values():
                wrk(server.base, paths, args.connections, 2)
            server.drain()
        rounds = {mode: [] for mode in servers}
        for number in range(args.rounds):
            for mode, server in servers.items():
                rounds[mode].append(one_round(server, urls, args))
                line = "  ".join(f"{name} {r['rps']:.0f}" for name, r in rounds[mode][-1].items())
                print(f"round {number + 1}, {mode}: {line} req/s")
    finally:
        for server in reversed(list(servers.values())):
            server.stop()

    results = {mode: summarise(rounds[mode]) for mode in MODES if mode in rounds}
    search = (
        json.loads(args.search_json.read_text()) if args.search_json and args.search_json.exists() else None
    )
    text = table(results, header, notes, search, args)
    path = RESULTS / f"load-{datetime.now():%Y%m%d-%H%M%S}.md"
    path.write_text(text)
    print()
    print(text)
    print(f"Written to {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
