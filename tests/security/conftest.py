import io
import logging

import pytest
from django.core.cache import cache

from redcell.redaction import RedactingFilter


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
