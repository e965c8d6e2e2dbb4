"""The WordPress import at scale: a generated export of 10,000 posts, imported on Postgres.

    make bench-import
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/redcell_wpbench .venv/bin/python benchmarks/wordpress.py

Writes a WXR 1.2 file shaped like a think tank's archive (20 authors, Co-Authors Plus bylines
on a tenth of the posts, nested categories, tags, Gutenberg bodies with footnotes and
captions, featured images on a tenth, drafts, scheduled and private posts, pages), then runs
``manage.py import_wordpress`` on it twice in a process of its own, with the production
settings (the database task queue), into a database of its own (created when missing;
``--fresh`` drops and re-creates it): the first import, then a re-run that should change
nothing. For each it prints the wall time and the peak memory of the importing process (its
``ru_maxrss``), and checks them against the targets: under 2 minutes and 300 MB for the first.
Results go to ``benchmarks/results/wordpress-<date>.md``.
"""

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path
from urllib.parse import urlsplit
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/redcell_wpbench"
RESULTS = ROOT / "benchmarks" / "results"
TARGET_SECONDS = 120
TARGET_MB = 300
SITE = "https://archive.example.org"
WORDS = str.split(
    "sanctions grid resilience tariffs deterrence alliance housing transit vaccines budget deficit "
    "enforcement supply chain minerals ports shipping nuclear treaty migration asylum climate drought "
    "the of and to in a policy government agency congress market risk cost evidence reform"
)


def cdata(text: str) -> str:
    return "<![CDATA[" + text + "]]>"


def paragraph(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def body(rng: random.Random, number: int) -> str:
    parts = []
    for section in range(4):
        parts.append(f"<!-- wp:heading -->\n<h2>Section {section + 1}</h2>\n<!-- /wp:heading -->")
        for _ in range(3):
            note = f"[footnote]{paragraph(rng, 12)}[/footnote]" if rng.random() < 0.3 else ""
            parts.append(f"<!-- wp:paragraph -->\n<p>{paragraph(rng, 45)}{note}</p>\n<!-- /wp:paragraph -->")
    if number % 7 == 0:
        parts.append(
            f'[caption id="attachment_1" width="300"]<img src="{SITE}/wp-content/uploads/2020/01/figure.png" '
            'alt="A figure" width="300" /> What the figure shows[/caption]'
        )
    return "\n\n".join(parts)


def item(post_id: int, fields: dict, terms: str = "", meta: dict | None = None) -> str:
    metas = "".join(
        f"<wp:postmeta><wp:meta_key>{key}</wp:meta_key><wp:meta_value>{cdata(value)}</wp:meta_value></wp:postmeta>"
        for key, value in (meta or {}).items()
    )
    values = "".join(f"<{name}>{value}</{name}>" for name, value in fields.items())
    return f"<item>{values}<wp:post_id>{post_id}</wp:post_id>{terms}{metas}</item>\n"


def write_export(path: Path, posts: int, media: Path) -> None:
    rng = random.Random(17)
    (media / "2020" / "01").mkdir(parents=True, exist_ok=True)
    from PIL import Image

    Image.new("RGB", (320, 200), "steelblue").save(media / "2020" / "01" / "figure.png")
    start = datetime(2010, 1, 1)
    with open(path, "w", encoding="utf-8") as out:
        out.write(
            '<?xml version="1.0" encoding="UTF-8" ?>\n<rss version="2.0" '
            'xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" '
            'xmlns:content="http://purl.org/rss/1.0/modules/content/" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">\n'
            f"<channel><title>Archive</title><link>{SITE}</link><wp:wxr_version>1.2</wp:wxr_version>"
            f"<wp:base_site_url>{SITE}</wp:base_site_url><wp:base_blog_url>{SITE}</wp:base_blog_url>\n"
        )
        for number in range(20):
            out.write(
                f"<wp:author><wp:author_login>{cdata(f'fellow{number}')}</wp:author_login>"
                f"<wp:author_display_name>{cdata(f'Fellow Number {number}')}</wp:author_display_name>"
                "</wp:author>\n"
            )
        for number in range(10):
            out.write(
                f"<wp:category><wp:category_nicename>area-{number}</wp:category_nicename>"
                f"<wp:category_parent></wp:category_parent>"
                f"<wp:cat_name>{cdata(f'Area {number}')}</wp:cat_name></wp:category>\n"
            )
            for sub in range(3):
                out.write(
                    f"<wp:category><wp:category_nicename>area-{number}-{sub}</wp:category_nicename>"
                    f"<wp:category_parent>area-{number}</wp:category_parent>"
                    f"<wp:cat_name>{cdata(f'Topic {number}.{sub}')}</wp:cat_name></wp:category>\n"
                )
        out.write(
            item(
                1,
                {"title": "figure.png", "wp:post_type": "attachment", "wp:status": "inherit"},
                meta={"_wp_attached_file": "2020/01/figure.png", "_wp_attachment_image_alt": "A figure"},
            )
        )
        for number in range(posts):
            post_id = 100 + number
            date = start + timedelta(hours=number * 8)
            status = rng.choices(["publish", "draft", "future", "private"], [90, 6, 2, 2])[0]
            if status == "future":
                date = datetime(2099, 1, 1) + timedelta(hours=number)
            terms = "".join(
                f'<category domain="category" nicename="area-{area}">{cdata("x")}</category>'
                for area in {f"{rng.randrange(10)}-{rng.randrange(3)}", str(rng.randrange(10))}
            )
            terms += "".join(
                f'<category domain="post_tag" nicename="tag-{tag}">{cdata(f"Tag {tag}")}</category>'
                for tag in rng.sample(range(200), 3)
            )
            if number % 10 == 0:
                terms += "".join(
                    f'<category domain="author" nicename="cap-fellow{who}">{cdata(f"fellow{who}")}</category>'
                    for who in rng.sample(range(20), 2)
                )
            slug = f"post-{number}"
            stamp = f"{date:%Y-%m-%d %H:%M:%S}"
            fields = {
                "title": escape(f"{paragraph(rng, 6)[:-1]} &amp; {number}"),
                "link": f"{SITE}/{date:%Y/%m}/{slug}/",
                "dc:creator": cdata(f"fellow{rng.randrange(20)}"),
                "guid": f"{SITE}/?p={post_id}",
                "content:encoded": cdata(body(rng, number)),
                "excerpt:encoded": cdata(paragraph(rng, 25)),
                "wp:post_date_gmt": stamp,
                "wp:post_modified_gmt": stamp,
                "wp:post_name": slug,
                "wp:status": status,
                "wp:post_type": "post",
                "wp:is_sticky": "1" if number % 1000 == 0 else "0",
            }
            meta = {"_thumbnail_id": "1"} if number % 10 == 5 else {}
            out.write(item(post_id, fields, terms, meta))
        for number in range(20):
            fields = {
                "title": f"Page {number}",
                "link": f"{SITE}/page-{number}/",
                "content:encoded": cdata(f"<p>{paragraph(rng, 80)}</p>"),
                "wp:post_name": f"page-{number}",
                "wp:status": "publish",
                "wp:post_type": "page",
                "wp:post_parent": str(50 if number else 0),
            }
            out.write(item(50 + number, fields))
        out.write("</channel></rss>\n")


def ensure_database(url: str, fresh: bool) -> None:
    import psycopg
    from psycopg import sql

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    admin = parts._replace(path="/postgres").geturl()
    with psycopg.connect(admin, autocommit=True) as conn:
        if fresh:
            conn.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(name)))
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


def timed(command: list[str], env: dict) -> tuple[float, float, str]:
    """Wall seconds, peak memory (MB) of the process and its output's last lines."""
    started = time.perf_counter()
    with tempfile.TemporaryFile() as output:
        process = subprocess.Popen(command, env=env, cwd=ROOT, stdout=output, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
        elapsed = time.perf_counter() - started
        output.seek(0)
        text = output.read().decode(errors="replace")
    if process.returncode:
        raise SystemExit(f"{' '.join(command)} failed:\n{text[-3000:]}")
    return elapsed, usage.ru_maxrss / 1024, text


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--posts", type=int, default=10_000, help="How many posts the export holds.")
    parser.add_argument(
        "--fresh", action="store_true", help="Drop and re-create the benchmark database first."
    )
    args = parser.parse_args()
    url = os.environ.setdefault("DATABASE_URL", DEFAULT_URL)
    if urlsplit(url).scheme not in {"postgres", "postgresql", "pgsql"}:
        print(f"The import benchmark needs PostgreSQL; DATABASE_URL is {url!r}.", file=sys.stderr)
        return 2
    ensure_database(url, args.fresh)
    env = {**os.environ, "SECRET_KEY": "benchmark-only", "ALLOWED_HOSTS": "localhost", "DEBUG": "0"}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    python = sys.executable
    subprocess.run([python, "manage.py", "migrate", "--no-input", "-v", "0"], env=env, cwd=ROOT, check=True)
    with tempfile.TemporaryDirectory() as folder:
        export, media = Path(folder) / "export.xml", Path(folder) / "uploads"
        started = time.perf_counter()
        write_export(export, args.posts, media)
        size_mb = export.stat().st_size / 1024 / 1024
        print(f"Wrote {args.posts} posts, {size_mb:.1f} MB, in {time.perf_counter() - started:.1f} s")
        command = [python, "manage.py", "import_wordpress", str(export), "--media-dir", str(media)]
        runs = []
        for name in ("first import", "re-run, unchanged"):
            seconds, megabytes, text = timed([*command, "--report", str(Path(folder) / "report.txt")], env)
            counts = next(line for line in text.splitlines() if line.startswith("publications"))
            runs.append((name, seconds, megabytes, " ".join(counts.split())))
            print(f"{name}: {seconds:.1f} s, peak {megabytes:.0f} MB ({counts.split(None, 1)[1].strip()})")
    first_seconds, first_mb = runs[0][1], runs[0][2]
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    lines = [
        f"WordPress import benchmark, {datetime.now():%Y-%m-%d %H:%M}: {args.posts} posts ({size_mb:.1f} MB "
        f"WXR), PostgreSQL, {cores} cores",
        "",
        *(
            f"- {name}: {seconds:.1f} s, peak memory {mb:.0f} MB; {counts}"
            for name, seconds, mb, counts in runs
        ),
        "",
        f"- {'met   ' if first_seconds < TARGET_SECONDS else 'MISSED'} under {TARGET_SECONDS} s: "
        f"{first_seconds:.1f} s",
        f"- {'met   ' if first_mb < TARGET_MB else 'MISSED'} under {TARGET_MB} MB: {first_mb:.0f} MB",
    ]
    text = "\n".join(lines) + "\n"
    print("\n" + text)
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / f"wordpress-{datetime.now():%Y%m%d-%H%M%S}.md").write_text(text)
    return 0 if first_seconds < TARGET_SECONDS and first_mb < TARGET_MB else 1


if __name__ == "__main__":
    sys.exit(main())
