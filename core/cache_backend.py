"""Django's Redis cache, falling back to the process's own memory while Redis does not answer.

Redis makes the page cache and the sign-up rate limits shared by every web process; losing it
must slow the site down, never take it down. When a command cannot reach Redis (connection
refused or reset, or a timeout), the operation is done in a local-memory cache instead, exactly
as on a site without ``REDIS_URL``: pages are kept per process and the rate limits are counted
per process, looser by the number of processes but still in force. After a failure Redis is
left alone for ``RETRY_SECONDS``, so an outage costs each process one short timeout per
interval, not one per call; then Redis is asked again, and used as soon as it answers.

Only an unreachable Redis is forgiven. Any other Redis error (a wrong command, a server that
refuses writes) is a fault to see, and is raised as before.

OPTIONS, besides those Django hands to the Redis connection pool:

``RETRY_SECONDS`` (default 5)
    how long to use local memory before asking Redis again;
``FALLBACK_MAX_ENTRIES`` (default 1000)
    the size of the local-memory cache, as on a site without Redis.

The pool's socket timeouts default to one second (``socket_connect_timeout``,
``socket_timeout``), so a Redis host that swallows packets holds a request a second at most.
"""

import itertools
import logging
import threading
from time import monotonic

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.locmem import LocMemCache
from django.core.cache.backends.redis import RedisCache
from django.core.signals import setting_changed
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger("redcell.security")

UNREACHABLE = (RedisConnectionError, RedisTimeoutError)
SOCKET_TIMEOUT_SECONDS = 1
RETRY_SECONDS = 5
FALLBACK_MAX_ENTRIES = 1000
LOG_INTERVAL_SECONDS = 60


class _ProcessState:
    """What this process keeps for one Redis: the local memory used while Redis is away, whether
    it is being left alone and until when, and when the log last said so.

    Shared by all threads: Django makes a cache object per thread, and an outage should cost a
    process one timeout and one log line, not each of its threads.
    """

    _names = itertools.count()

    def __init__(self, fallback_params: dict):
        self.fallback = LocMemCache(f"redcell-fallback-{next(self._names)}", fallback_params)
        self.lock = threading.Lock()
        self.down = False
        self.retry_at = 0.0
        self.logged_at: float | None = None
        self.outage_logged = False

    def skipping_redis(self) -> bool:
        return self.down and monotonic() < self.retry_at

    def redis_failed(self, error: Exception, retry_seconds: float) -> None:
        with self.lock:
            now = monotonic()
            self.down = True
            self.retry_at = now + retry_seconds
            if self.logged_at is not None and now - self.logged_at < LOG_INTERVAL_SECONDS:
                return
            self.logged_at = now
            self.outage_logged = True
        logger.error(
            "event=cache_unavailable error=%s fallback=local-memory retry_seconds=%g",
            type(error).__name__,
            retry_seconds,
        )

    def redis_answered(self) -> None:
        if not self.down:
            return
        with self.lock:
            if not self.down:
                return
            self.down = False
            logged, self.outage_logged = self.outage_logged, False
            # What was kept meanwhile would be stale by the next outage.
            self.fallback.clear()
        if logged:
            logger.info("event=cache_available")


_processes: dict[str, _ProcessState] = {}
_processes_lock = threading.Lock()


def _forget_processes(*, setting, **kwargs):
    # A new cache configuration (in tests) starts like a new process.
    if setting == "CACHES":
        with _processes_lock:
            for state in _processes.values():
                state.fallback.clear()
            _processes.clear()


setting_changed.connect(_forget_processes, dispatch_uid="core.cache_backend.forget")


class FallbackRedisCache(RedisCache):
    """Django's Redis cache that answers from local memory while Redis cannot be reached."""

    def __init__(self, server, params):
        options = dict(params.get("OPTIONS", {}))
        self.retry_seconds = float(options.pop("RETRY_SECONDS", RETRY_SECONDS))
        fallback_entries = int(options.pop("FALLBACK_MAX_ENTRIES", FALLBACK_MAX_ENTRIES))
        options.setdefault("socket_connect_timeout", SOCKET_TIMEOUT_SECONDS)
        options.setdefault("socket_timeout", SOCKET_TIMEOUT_SECONDS)
        super().__init__(server, {**params, "OPTIONS": options})
        location = server if isinstance(server, str) else ",".join(server)
        with _processes_lock:
            if location not in _processes:
                # Same prefix, version and timeout as Redis, so keys mean the same in both.
                fallback_params = {**params, "OPTIONS": {"MAX_ENTRIES": fallback_entries}}
                _processes[location] = _ProcessState(fallback_params)
            self._process = _processes[location]

    def _redis_or_fallback(self, operation: str, *args, **kwargs):
        process = self._process
        if not process.skipping_redis():
            try:
                result = getattr(super(), operation)(*args, **kwargs)
            except UNREACHABLE as error:
                process.redis_failed(error, self.retry_seconds)
            else:
                process.redis_answered()
                return result
        return getattr(process.fallback, operation)(*args, **kwargs)

    def ping(self) -> bool:
        """Whether Redis answers now: asked even while it is being left alone (for /healthz)."""
        try:
            self._cache.get_client(write=True).ping()
        except UNREACHABLE as error:
            self._process.redis_failed(error, self.retry_seconds)
            return False
        self._process.redis_answered()
        return True

    # Every operation of Django's cache API ends in one of these; get_or_set(), decr(),
    # incr_version() and the async variants call them.

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._redis_or_fallback("add", key, value, timeout, version=version)

    def get(self, key, default=None, version=None):
        return self._redis_or_fallback("get", key, default, version=version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._redis_or_fallback("set", key, value, timeout, version=version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._redis_or_fallback("touch", key, timeout, version=version)

    def delete(self, key, version=None):
        return self._redis_or_fallback("delete", key, version=version)

    def get_many(self, keys, version=None):
        return self._redis_or_fallback("get_many", keys, version=version)

    def has_key(self, key, version=None):
        return self._redis_or_fallback("has_key", key, version=version)

    def incr(self, key, delta=1, version=None):
        return self._redis_or_fallback("incr", key, delta, version=version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._redis_or_fallback("set_many", data, timeout, version=version)

    def delete_many(self, keys, version=None):
        return self._redis_or_fallback("delete_many", keys, version=version)

    def clear(self):
        self._process.fallback.clear()
        return self._redis_or_fallback("clear")
