"""Search latency on Postgres with many publications (20,000 by default).

    make bench
    DATABASE_URL=postgres://user@host:5432/redcell_bench .venv/bin/python benchmarks/search.py --repeat 5

Creates the database when it is missing, migrates it, tops it up with generated publications
(``manage.py generate_content``) to ``--publications``, then times a mix of typical queries:

- "ranked query": the search itself, best first, first page of 10 with authors;
- "search page": the whole ``/search/?q=…`` response (results, count, highlighted snippets,
  five facets with counts, template), through Django's test client;
- "home page", for scale: what any page of the site costs on the same machine.

It prints the median, p95 and worst of each, the machine's core count, and each query's matches
(and whether its facets were counted over the first results only, publications/search/page.py),
writes them to ``benchmarks/results/search-<date>.md`` and, with ``--json``, the search page's
figures for ``benchmarks/load.py``. It refuses to add generated content to a database holding
other publications (``--force`` overrides).
"""

import argparse
import json
import os
import statistics
import sys
import time
from datetime import datetime
from pathlib import Path
from urllib.parse import urlencode, urlsplit

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/redcell_bench"
RESULTS = ROOT / "benchmarks" / "results"
P95_TARGET_MS = 100

QUERIES = [
    "sanctions",
    "grid resilience",
    "housing",
    "nuclear",
    "cyber ransomware",
    "supply chain",
    '"supply chain"',
    '"export controls"',
    "energy security",
    "climate adaptation",
    "drought -wildfire",
    "tariffs or sanctions",
    "regulating",
    "pandemic preparedness",
    "migrants border",
    "ports shipping",
    "deterrence alliance",
    "student debt",
    "vaccines",
    "okafor",
    "zoning transit",
    "budget deficit",
    "satellites debris",
    "famine",
    "elections disinformation",
    "algorithms audits",
    "the case for reform",
    "lessons from abroad",
    "policymakers",
    "chokepoints -piracy",
]


def ensure_database(url: str) -> None:
    """Create the database named in ``url`` if the server does not have it yet."""
    import psycopg
    from psycopg import sql

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    admin = parts._replace(path="/postgres").geturl()
    with psycopg.connect(admin, autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
            print(f"Created database {name}.")


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def summary(label: str, values: list[float]) -> str:
    return (
        f"{label:<14} median {statistics.median(values):7.1f} ms   p95 {percentile(values, 0.95):7.1f} ms"
        f"   max {max(values):7.1f} ms   ({len(values)} runs)"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--publications", type=int, default=20_000, help="How many publications to search.")
    parser.add_argument("--repeat", type=int, default=5, help="Timed runs of each query.")
    parser.add_argument(
        "--force", action="store_true", help="Add generated content even to a mixed database."
    )
    parser.add_argument("--json", type=Path, help="Also write the search page's figures here, as JSON.")
    args = parser.parse_args()

    url = os.environ.setdefault("DATABASE_URL", DEFAULT_URL)
    if urlsplit(url).scheme not in {"postgres", "postgresql", "pgsql"}:
        print(f"The search benchmark needs PostgreSQL; DATABASE_URL is {url!r}.", file=sys.stderr)
        return 2
    ensure_database(url)

    sys.path.insert(0, str(ROOT))
    # The test settings: the real ones, with a fixed secret, test host names and plain static files.
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "redcell.test_settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.http import QueryDict
    from django.test import Client
    from django.urls import reverse

    from demo.management.commands.generate_content import GENERATED_SLUG
    from publications.models import Publication
    from publications.search.page import search_page

    call_command("migrate", verbosity=0)
    if Publication.objects.exclude(slug__regex=GENERATED_SLUG).exists() and not args.force:
        print(
            "This database holds publications that generate_content did not make; "
            "use a separate benchmark database, or --force.",
            file=sys.stderr,
        )
        return 2
    missing = args.publications - Publication.objects.count()
    if missing > 0:
        print(f"Generating {missing} publications…")
        started = time.perf_counter()
        call_command("generate_content", publications=missing)
        print(f"  took {time.perf_counter() - started:.0f} s")
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
        cursor.execute("SHOW server_version")
        server = cursor.fetchone()[0]

    published = Publication.objects.published()
    client = Client()
    search_url = reverse("search")

    def ranked(query: str) -> int:
        return len(list(published.search(query).with_cards()[:10]))

    def page(query: str) -> None:
        response = client.get(f"{search_url}?{urlencode({'q': query})}")
        assert response.status_code == 200, response.status_code

    hits = {query: published.search(query).count() for query in QUERIES}
    capped = {
        query: search_page(QueryDict(urlencode({"q": query})), published).facets_capped for query in QUERIES
    }
    for query in QUERIES:  # warm caches once, untimed
        ranked(query)
        page(query)

    timings = {"ranked query": [], "search page": [], "home page": []}
    per_query = {query: [] for query in QUERIES}
    for _ in range(args.repeat):
        for query in QUERIES:
            started = time.perf_counter()
            ranked(query)
            timings["ranked query"].append((time.perf_counter() - started) * 1000)
            started = time.perf_counter()
            page(query)
            elapsed = (time.perf_counter() - started) * 1000
            timings["search page"].append(elapsed)
            per_query[query].append(elapsed)
        started = time.perf_counter()
        assert client.get(reverse("home")).status_code == 200
        timings["home page"].append((time.perf_counter() - started) * 1000)

    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    lines = [
        f"Search benchmark, {datetime.now():%Y-%m-%d %H:%M}: {Publication.objects.count()} publications "
        f"({published.count()} published), PostgreSQL {server}, {cores} cores, "
        f"{len(QUERIES)} queries x {args.repeat} runs",
        "",
        f"{'query':<28} {'matches':>8} {'page median':>12}  facets",
    ]
    for query in QUERIES:
        counted = "first results" if capped[query] else "all matches"
        lines.append(
            f"{query:<28} {hits[query]:>8} {statistics.median(per_query[query]):>9.1f} ms  {counted}"
        )
    lines.append("")
    lines += [summary(label, values) for label, values in timings.items()]
    page_p95 = percentile(timings["search page"], 0.95)
    lines += [
        "",
        f"- {'met   ' if page_p95 < P95_TARGET_MS else 'MISSED'} search page p95 under "
        f"{P95_TARGET_MS} ms: {page_p95:.1f} ms",
    ]
    text = "\n".join(lines) + "\n"
    print()
    print(text)
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / f"search-{datetime.now():%Y%m%d-%H%M%S}.md").write_text(text)
    if args.json:
        figures = {
            "queries": len(QUERIES),
            "runs": len(timings["search page"]),
            "median": statistics.median(timings["search page"]),
            "p95": page_p95,
            "max": max(timings["search page"]),
        }
        args.json.write_text(json.dumps(figures, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
