"""Edge purges as background work: ``pagecache.purging`` queues one ``purge_keys`` per
transaction, after it commits, so an edit never waits on Varnish or a CDN, and one that is down
is asked again later.

Until a purge gets through, the edge serves the old page for at most ``EDGE_CACHE_SECONDS``;
the site itself (the page cache) is fresh at once.
"""

import logging
from datetime import timedelta

from django.utils import timezone
from django_tasks import task

from .purgers import get_purger

logger = logging.getLogger(__name__)

# After a failed purge the task is queued again this much later, then given up (the pages
# expire from the edge by themselves within EDGE_CACHE_SECONDS).
RETRY_DELAYS = [
    timedelta(seconds=10),
    timedelta(minutes=1),
    timedelta(minutes=5),
    timedelta(minutes=30),
    timedelta(hours=2),
]


@task()
def purge_keys(keys: list[str], attempt: int = 1) -> int:
    """Drops every page tagged with one of ``keys`` from the edge; the number of keys sent."""
    if not keys:
        return 0
    try:
        get_purger().purge(keys)
    except Exception:
        backend = purge_keys.get_backend()
        if attempt <= len(RETRY_DELAYS) and backend.supports_defer:
            delay = RETRY_DELAYS[attempt - 1]
            purge_keys.using(run_after=timezone.now() + delay).enqueue(keys, attempt + 1)
            logger.warning(
                "Purging %s keys (%s) failed (attempt %s); retrying in %s",
                len(keys),
                _some(keys),
                attempt,
                delay,
                exc_info=True,
            )
        else:
            logger.error(
                "Purging %s keys (%s) failed (attempt %s); not retrying. The edge serves those "
                "pages until they expire (EDGE_CACHE_SECONDS).",
                len(keys),
                _some(keys),
                attempt,
                exc_info=True,
            )
        raise
    return len(keys)


def _some(keys: list[str]) -> str:
    return " ".join(keys[:10]) + (" …" if len(keys) > 10 else "")
