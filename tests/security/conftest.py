import io
import logging

import pytest
from django.core.cache import cache

from core.redaction import RedactingFilter


@pytest.fixture(autouse=True)
def fresh_counters():
    """Rate-limit counters and cached pages live in the cache, which outlives a test."""
    cache.clear()
    yield
    cache.clear()


class LogCapture:
    def __init__(self, stream: io.StringIO):
        self.stream = stream

    @property
    def text(self) -> str:
        return self.stream.getvalue()

    def events(self, name: str) -> list[str]:
        return [line for line in self.text.splitlines() if f"event={name}" in line]


@pytest.fixture
def security_log():
    """What the site's log handler writes, after redaction, exactly as an operator would read it
    (pytest's own ``caplog`` sees records before the handler's filter)."""
    handlers = [
        handler
        for handler in logging.getLogger().handlers
        if any(isinstance(f, RedactingFilter) for f in handler.filters)
    ]
    assert handlers, "LOGGING has no handler with the redacting filter"
    stream = io.StringIO()
    previous = [handler.setStream(stream) for handler in handlers]
    yield LogCapture(stream)
    for handler, old in zip(handlers, previous, strict=True):
        handler.setStream(old)


def read(response) -> bytes:
    """The body of any response. A streamed one (a file) is read to the end, which closes it
    the way the test client expects; calling ``close()`` by hand would also close the test's
    database connection on PostgreSQL."""
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content
