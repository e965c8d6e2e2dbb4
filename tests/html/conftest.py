import os

import pytest


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/html/" in str(item.path).replace(os.sep, "/"):
            item.add_marker(pytest.mark.html)
