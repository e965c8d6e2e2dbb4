import pytest

from tests.factories import AuthorFactory, PublicationFactory, RegionFactory, days_ago


@pytest.fixture
def places(db):
    """Asia > East Asia > China, and Europe beside them, with published work filed at each level
    of Asia, a draft and a scheduled piece on China that must never show, and work on Europe that
    Asia's pages must leave out."""
    asia = RegionFactory(name="Asia", description="The continent, its seas and its trade.")
    east_asia = RegionFactory(name="East Asia", parent=asia)
    china = RegionFactory(name="China", parent=east_asia)
    korea = RegionFactory(name="Korean Peninsula", parent=east_asia)
    europe = RegionFactory(name="Europe")
    ada, ben = AuthorFactory(name="Ada Okafor"), AuthorFactory(name="Ben Lindqvist")
    return {
        "asia": asia,
        "east_asia": east_asia,
        "china": china,
        "korea": korea,
        "europe": europe,
        "ada": ada,
        "ben": ben,
        "on_asia": PublicationFactory(
            title="Shipping lanes of Asia", authors=[ada], regions=[asia], published_at=days_ago(3)
        ),
        "on_china": PublicationFactory(
            title="Export controls and China", authors=[ada], regions=[china], published_at=days_ago(2)
        ),
        "on_both": PublicationFactory(
            title="Chips from China and Korea",
            authors=[ben],
            regions=[china, korea, east_asia],
            published_at=days_ago(1),
        ),
        "draft": PublicationFactory(title="Draft on China", regions=[china], draft=True),
        "scheduled": PublicationFactory(title="Coming on China", regions=[china], scheduled=True),
        "on_europe": PublicationFactory(
            title="Gas storage in Europe", authors=[ben], regions=[europe], published_at=days_ago(4)
        ),
    }
