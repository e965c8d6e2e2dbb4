"""Work done once per transaction (core.transactions.AfterCommit)."""

import pytest
from django.db import transaction

from core.transactions import AfterCommit

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def runs():
    """Each run of the handler, as the items it was given."""
    found = []
    return found, AfterCommit(lambda items, using: found.append(items))


def test_many_additions_in_one_transaction_run_the_handler_once_after_the_commit(runs):
    found, after_commit = runs
    with transaction.atomic():
        for item in (1, 2, 2, 3):
            after_commit.add(item)
        assert found == []
    assert found == [{1, 2, 3}]


def test_outside_a_transaction_it_runs_at_once(runs):
    found, after_commit = runs
    after_commit.add("a")
    after_commit.add("b")
    assert found == [{"a"}, {"b"}]


def test_what_a_rolled_back_transaction_added_runs_with_the_next_commit(runs):
    found, after_commit = runs
    with transaction.atomic():
        after_commit.add(1)
        transaction.set_rollback(True)
    assert found == []
    with transaction.atomic():
        after_commit.add(2)
    assert found == [{1, 2}]
