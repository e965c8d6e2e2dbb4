"""Surrogate keys: each page names what it shows, and each edit purges exactly what it changes.

The keys are what Varnish (``xkey``) or a CDN (``Cache-Tag``) drops pages by; tests/pagecache/
test_varnish.py shows a real Varnish doing it. Here: which keys each kind of page carries, and
the purge matrix, which keys each kind of edit sends to the edge."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from pagecache import tasks
from publications import workflow
from tests.admin_forms import ready, staff_user
from tests.factories import (
    AuthorFactory,
    PublicationFactory,
    PublicationTypeFactory,
    RegionFactory,
    ResearchAreaFactory,
    SeriesFactory,
)
from tests.subscriptions.factories import NewsletterFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def site(commit):
    with commit():
        ada, ben = AuthorFactory(name="Ada Okafor"), AuthorFactory(name="Ben Lindqvist")
        energy, ports = ResearchAreaFactory(name="Energy Security"), ResearchAreaFactory(name="Ports")
        series = SeriesFactory(name="Grid Notes")
        asia = RegionFactory(name="Asia")
        china = RegionFactory(name="China", parent=asia)
        memo = PublicationTypeFactory(name="Policy Memo")
        NewsletterFactory(name="Weekly Update")
        lights = PublicationFactory(
            title="Keeping the Lights On",
            type=memo,
            authors=[ada],
            areas=[energy],
            series=series,
            tags=["transmission"],
            regions=[china],
        )
        storage = PublicationFactory(title="Storage at Scale", type=memo, authors=[ada], areas=[energy])
        harbours = PublicationFactory(title="Harbours", type=memo, authors=[ben], areas=[ports])
    return {
        "ada": ada,
        "ben": ben,
        "energy": energy,
        "ports": ports,
        "series": series,
        "asia": asia,
        "china": china,
        "memo": memo,
        "lights": lights,
        "storage": storage,
        "harbours": harbours,
    }


def keys_of(client, url: str) -> set[str]:
    response = client.get(url)
    assert response.status_code == 200, url
    return set(response["xkey"].split())


def key(obj) -> str:
    return f"{obj._meta.model_name}-{obj.pk}"


# What each page carries ---------------------------------------------------------------------


def test_a_publication_page_names_itself_its_people_topics_and_related_items(client, site):
    keys = keys_of(client, site["lights"].get_absolute_url())

    lights = site["lights"]
    expected = {key(lights), key(site["ada"]), key(site["energy"]), key(site["series"]), key(site["memo"])}
    expected |= {key(site["china"])}
    expected |= {key(tag) for tag in lights.tags.all()}
    expected |= {key(site["storage"])}  # in its "Recent & Related": same author and area
    assert expected <= keys
    assert {"site", "all-newsletter"} <= keys
    assert "all-publication" not in keys  # a new publication elsewhere does not change it


def test_lists_name_the_collections_they_show(client, site):
    home = keys_of(client, reverse("home"))
    assert {"all-publication", "all-researcharea", "all-newsletter", "site"} <= home
    assert key(site["lights"]) not in home  # covered by all-publication

    listing = keys_of(client, reverse("publications:list"))
    expected = {"all-publication", "all-author", "all-researcharea", "all-series", "all-publicationtype"}
    assert expected | {"all-tag", "all-region"} <= listing
    assert "all-region" in keys_of(client, reverse("regions:list"))
    assert "all-region" in keys_of(client, reverse("sitemap"))
    assert not {key(site["ada"]), key(site["lights"])} & listing

    assert "all-publication" in keys_of(client, reverse("feeds:latest"))
    assert {"all-publication", "all-author"} <= keys_of(client, reverse("sitemap"))
    assert {"all-publication", "all-author"} <= keys_of(client, reverse("search") + "?q=grid")
    assert "all-author" in keys_of(client, reverse("authors:list"))
    # Each series with its count and latest piece: a new series or publication changes it.
    assert {"all-series", "all-publication"} <= keys_of(client, reverse("series:list"))


def test_an_expert_page_names_the_expert_and_each_of_their_publications(client, site):
    keys = keys_of(client, site["ada"].get_absolute_url())
    assert {key(site["ada"]), key(site["lights"]), key(site["storage"])} <= keys
    assert key(site["harbours"]) not in keys
    assert "all-publication" not in keys


def test_an_area_and_a_series_page_name_themselves_and_their_publications(client, site):
    area = keys_of(client, site["ports"].get_absolute_url())
    assert {key(site["ports"]), key(site["harbours"]), key(site["ben"])} <= area
    assert key(site["lights"]) not in area
    series = keys_of(client, site["series"].get_absolute_url())
    assert {key(site["series"]), key(site["lights"])} <= series


def test_a_region_page_names_itself_the_regions_inside_it_and_their_publications(client, site):
    asia = keys_of(client, site["asia"].get_absolute_url())
    # Its own key and China's: new work on China purges Asia's page too.
    assert {key(site["asia"]), key(site["china"]), key(site["lights"]), key(site["ada"])} <= asia
    assert key(site["harbours"]) not in asia
    assert "all-publication" not in asia
    feed = keys_of(client, reverse("feeds:region", kwargs={"slug": site["asia"].slug}))
    assert {key(site["asia"]), key(site["lights"])} <= feed


def test_staff_pages_carry_no_keys(client, site, django_user_model):
    client.force_login(staff_user(django_user_model, "eve", None))
    response = client.get(site["lights"].get_absolute_url())
    assert "xkey" not in response
    assert "no-store" in response["Cache-Control"]


# What each edit purges ----------------------------------------------------------------------


@pytest.fixture
def purged(monkeypatch):
    """The keys sent to the edge from here on, one set per purge."""
    sent = []

    class Recorder:
        def purge(self, keys):
            sent.append(set(keys))

    monkeypatch.setattr(tasks, "get_purger", Recorder)
    return sent


def publication_purge(publication, *others) -> set[str]:
    """What a change to a public publication purges: itself, the lists, and its relations."""
    related = [
        publication.type,
        *publication.areas.all(),
        *publication.regions.all(),
        *publication.tags.all(),
    ]
    related += others
    related += [authorship.author for authorship in publication.authorships.all()]
    if publication.series:
        related.append(publication.series)
    return {key(publication), "all-publication"} | {key(item) for item in related}


def test_publishing_purges_its_lists_its_people_and_topics(site, purged, commit, django_user_model):
    editor = staff_user(django_user_model, "eve", "Editor")
    with commit():
        draft = ready(title="Fresh", type=site["memo"], authors=[site["ben"]], areas=[site["ports"]])
    assert purged == []  # a draft shows nowhere

    with commit():
        workflow.publish(draft, by=editor)

    assert purged == [publication_purge(draft)]
    assert key(site["ada"]) not in purged[0]
    assert key(site["energy"]) not in purged[0]


def test_editing_a_draft_purges_nothing(site, purged, commit):
    with commit():
        draft = PublicationFactory(draft=True, type=site["memo"], authors=[site["ada"]])
    with commit():
        draft.title = "Still a draft"
        draft.save()
    assert purged == []


def test_editing_a_public_publication_purges_it_and_its_lists_once(site, purged, commit):
    lights = site["lights"]
    with commit():
        lights.title = "Keeping the Lights On, Revised"
        lights.save()
        lights.areas.add(site["ports"])
        lights.tags.add("storage")

    assert len(purged) == 1  # one purge for the whole transaction
    lights.refresh_from_db()
    assert purged[0] == publication_purge(lights) | {"all-tag"}  # "storage" is a new tag


def test_unpublishing_purges_the_pages_that_showed_it(site, purged, commit, django_user_model):
    editor = staff_user(django_user_model, "eve", "Editor")
    lights = site["lights"]
    with commit():
        workflow.unpublish(lights, by=editor)
    assert purged == [publication_purge(lights)]


def test_taking_an_expert_off_the_byline_purges_their_page(site, purged, commit):
    lights = site["lights"]
    with commit():
        lights.authorships.all().delete()
    assert key(site["ada"]) in purged[0]
    assert key(lights) in purged[0]


def test_editing_an_expert_area_series_type_tag_or_newsletter_purges_its_pages(site, purged, commit):
    with commit():
        newsletter = NewsletterFactory(name="Ports Weekly")
    tag = site["lights"].tags.get()
    for item in [site["ada"], site["energy"], site["asia"], site["series"], site["memo"], tag, newsletter]:
        purged.clear()
        with commit():
            item.name = f"{item.name} (renamed)"
            item.save()
        assert purged == [{key(item), f"all-{item._meta.model_name}"}], item


def test_editing_a_series_lead_expert_purges_the_series_page(client, site, purged, commit):
    """A series page shows its lead expert (name, role, photo): it carries the expert's key."""
    series, ben = site["series"], site["ben"]
    with commit():
        series.lead_expert = ben
        series.save()
    assert purged == [{key(series), "all-series"}]
    page = keys_of(client, series.get_absolute_url())
    assert key(ben) in page

    purged.clear()
    with commit():
        ben.role = "Director, Grid Notes"
        ben.save()
    assert purged == [{key(ben), "all-author"}]
    assert key(ben) in page & purged[0]


def test_editing_a_region_purges_the_regions_it_lies_in(site, purged, commit):
    with commit():
        site["china"].description = "Renamed provinces."
        site["china"].save()
    assert purged == [{key(site["china"]), "all-region", key(site["asia"])}]


def test_moving_a_region_purges_the_pages_of_its_new_region(site, purged, commit):
    with commit():
        europe = RegionFactory(name="Europe")
        ukraine = RegionFactory(name="Ukraine")
    purged.clear()
    with commit():
        ukraine.parent = europe
        ukraine.save()
    assert purged == [{key(ukraine), "all-region", key(europe)}]


def test_filing_a_public_publication_under_a_region_purges_that_region(site, purged, commit):
    harbours = site["harbours"]
    with commit():
        harbours.regions.add(site["asia"])
    assert purged == [publication_purge(harbours)]
    assert key(site["asia"]) in purged[0]


def test_a_scheduled_publication_is_purged_at_its_moment(site, commit, monkeypatch, settings):
    """With the database queue, the purge waits in the queue until the publication goes live."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.EDGE_PURGER, settings.VARNISH_PURGE_URLS = "varnish", "http://varnish.invalid"
    enqueued = []
    monkeypatch.setattr(
        tasks.purge_keys.__class__,
        "enqueue",
        lambda task, *args: (
            task.func is tasks.purge_keys.func and enqueued.append((task.run_after, set(args[0])))
        ),
    )
    moment = timezone.now() + timedelta(hours=3)
    with commit():
        scheduled = PublicationFactory(
            title="Due Later", type=site["memo"], published_at=moment, authors=[site["ben"]]
        )

    assert enqueued == [(moment, publication_purge(scheduled))]


def test_a_deploy_purges_everything(purged, commit):
    from django.core.management import call_command

    with commit():
        call_command("migrate", verbosity=0)
    assert {"site"} in purged


def test_a_public_file_names_its_publication_so_unpublishing_purges_it(client, site, commit):
    from django.core.files.base import ContentFile

    lights = site["lights"]
    with commit():
        lights.pdf.save("lights.pdf", ContentFile(b"%PDF-1.7 lights"))
    response = client.get(lights.pdf.url)
    assert response.status_code == 200
    assert key(lights) in response["xkey"].split()
    b"".join(response.streaming_content)


def test_with_no_edge_an_edit_queues_no_purge(site, commit, monkeypatch, settings):
    settings.EDGE_PURGER = "none"
    enqueued = []
    monkeypatch.setattr(
        tasks.purge_keys.__class__,
        "enqueue",
        lambda task, *args: task.func is tasks.purge_keys.func and enqueued.append(args),
    )
    with commit():
        PublicationFactory(title="Nobody to tell")
    assert enqueued == []
    settings.EDGE_PURGER, settings.VARNISH_PURGE_URLS = "varnish", "http://varnish.invalid"
    with commit():
        PublicationFactory(title="Told to Varnish")
    assert len(enqueued) == 1
