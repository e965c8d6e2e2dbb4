import time

from django.core.cache import DEFAULT_CACHE_ALIAS, caches
from django.core.cache.backends.locmem import LocMemCache
from django.db import DatabaseError, connection
from django.db.models import Case, Count, Min, When
from django.db.models.functions import Greatest
from django.http import JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django_tasks import DEFAULT_TASK_BACKEND_ALIAS, task_backends
from django_tasks.backends.immediate import ImmediateBackend
from django_tasks_db.backend import DatabaseBackend
from django_tasks_db.models import DBTaskResult, get_date_max

from core.links import absolute_url
from events.search import Events
from publications.fragments import Fragments, cards
from publications.models import Publication
from publications.search.page import search_page
from research_areas.models import ResearchArea

HOME_FEATURED = 3
HOME_LATEST = 9
# Seconds the oldest ready task may wait for a worker before /healthz calls the site degraded.
QUEUE_LAG_LIMIT_SECONDS = 300


def home(request):
    """The latest featured publications, then the latest of the rest: read together, as the
    latest ``HOME_FEATURED`` featured and the latest ``HOME_FEATURED + HOME_LATEST`` of all hold
    both lists. All of it is a fragment kept under the content version (publications/fragments.py),
    which also expires when the next scheduled publication or event change comes: a home page
    rendered afresh then reads none of it."""
    fragments = Fragments(request, "home")
    context = {"fragments": fragments}
    with fragments.recording():
        if not fragments.found:
            context |= _home_lists(request)
        return render(request, "home.html", context)


def _home_lists(request) -> dict:
    published = Publication.objects.published()
    newest = ("-published_at", "-pk")
    latest_featured = published.filter(featured=True).order_by(*newest).values("pk")[:HOME_FEATURED]
    latest_of_all = published.order_by(*newest).values("pk")[: HOME_FEATURED + HOME_LATEST]
    shown = list(published.card_rows().in_any(latest_featured, latest_of_all).order_by(*newest))
    featured = [publication for publication in shown if publication.featured][:HOME_FEATURED]
    latest = [publication for publication in shown if publication not in featured][:HOME_LATEST]
    # Both lists' cards at once, so the bylines of those not kept are read in one query.
    rendered = cards(request, featured + latest, large_first=True)
    return {
        "featured": rendered[: len(featured)],
        "latest": rendered[len(featured) :],
        "areas": ResearchArea.objects.filter(parent__isnull=True),
    }


def search(request):
    """``/search/?q=…``: published publications and events matching the query, with facets to
    narrow them (``publications.search.page``; events take part through ``events.search``)."""
    page = search_page(request.GET, Publication.objects.published(), others=(Events(),))
    response = render(request, "publications/search.html", {"search": page, "form": page.form})
    response["X-Robots-Tag"] = "noindex, follow"
    return response


@never_cache
def healthz(request):
    """Each dependency's state, for monitoring. The status code is for load balancers: 200 while
    this instance can serve readers (its database answers), 503 when it cannot. A cache that is
    down or an e-mail queue that lags slows the site or its mail but does not stop it: 200,
    with "status": "degraded"."""
    database = _database_health()
    report = {
        "status": "ok",
        "database": database,
        "cache": _cache_health(),
        "tasks": _task_queue_health() if database["status"] == "ok" else {"status": "unknown"},
    }
    if database["status"] != "ok":
        report["status"] = "down"
    elif report["cache"]["status"] == "down" or report["tasks"]["status"] == "lagging":
        report["status"] = "degraded"
    return JsonResponse(report, status=503 if report["status"] == "down" else 200)


def _database_health() -> dict:
    started = time.perf_counter()
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        status = "down"
    else:
        status = "ok"
    return {"status": status, "ms": round((time.perf_counter() - started) * 1000, 1)}


def _cache_health() -> dict:
    """Whether the shared cache answers, asked for real rather than through the local-memory
    fallback that hides its absence from readers; "local" when each process keeps its own."""
    cache = caches[DEFAULT_CACHE_ALIAS]
    if isinstance(cache, LocMemCache):
        return {"status": "local"}
    try:
        if hasattr(cache, "ping"):
            answers = cache.ping()
        else:
            cache.get("redcell:healthz")
            answers = True
    except Exception:
        answers = False
    return {"status": "ok" if answers else "down"}


def _task_queue_health() -> dict:
    """The e-mail queue: for the database queue, how many tasks are ready to run and how long
    the oldest has waited for a worker (a stopped worker shows here first)."""
    backend = task_backends[DEFAULT_TASK_BACKEND_ALIAS]
    name = f"{type(backend).__module__}.{type(backend).__qualname__}"
    if isinstance(backend, ImmediateBackend):
        return {"status": "immediate", "backend": name}
    if not isinstance(backend, DatabaseBackend):
        return {"status": "unknown", "backend": name}
    ready = DBTaskResult.objects.ready().filter(backend_name=backend.alias)
    # A task is ready from when it was queued, or from its run_after if that came later.
    ready_since = Case(
        When(run_after=get_date_max(), then="enqueued_at"), default=Greatest("run_after", "enqueued_at")
    )
    queue = ready.aggregate(ready=Count("pk"), oldest=Min(ready_since))
    lag = max(0, int((timezone.now() - queue["oldest"]).total_seconds())) if queue["oldest"] else 0
    return {
        "status": "lagging" if lag > QUEUE_LAG_LIMIT_SECONDS else "ok",
        "backend": name,
        "ready": queue["ready"],
        "lag_seconds": lag,
    }


def robots(request):
    return render(
        request,
        "robots.txt",
        {"sitemap_url": absolute_url(reverse("sitemap"))},
        content_type="text/plain; charset=utf-8",
    )


def page_not_found(request, exception):
    return render(request, "404.html", status=404)


def server_error(request):
    """Rendered without context processors' database work, so it shows even when the database is down."""
    return render(request, "500.html", status=500)
