"""'Recent & Related': the publications listed under a publication, ranked by what they share
with it: hand-picked first, then the same series, then more authors, areas and tags in common,
then recency.

Only the latest ``RELATED_POOL`` of each kind of match are candidates, so the cost does not grow
with the number of publications. Each pool is a small queryset over the caller's queryset (which
is ``published()``), and their union is the candidates:

- the strong matches: hand-picked items, the latest of the same series, the latest by the same
  authors;
- the latest sharing an area or a tag and nothing stronger (not picked, another series, no author
  in common);
- the latest of all.

One statement gathers the candidates, ranks them and reads the winners for their cards; a second
reads the winners' bylines. On a public publication page the result is kept with the page's other
fragments (fragments.py), so it is worked out once per content version, not once per reader.

The rule "weaker matches only when the stronger ones are too few" needs no condition here: an
item of a weaker pool shares nothing that ranks it above a strong match, so it reaches the list
only when the strong matches are fewer than ``limit``, and then every strong pool holds all the
matches of its kind (a pool that is not full holds them all), so the weaker pools hold what the
rule would have looked at. The area-and-tag pool, the one that is costly to read, is still left
unread when the same series or the same authors fill the list on their own.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Case, Exists, IntegerField, OuterRef, Q, Subquery, When
from taggit.models import TaggedItem

# Candidates of each kind (at least ``limit``): enough for a good list, few enough to rank quickly.
RELATED_POOL = 50
NEWEST = ("-published_at", "-pk")


class _Count(Subquery):
    """How many rows a queryset has, as a subquery."""

    template = "(SELECT COUNT(*) FROM (%(subquery)s) AS counted)"
    output_field = IntegerField()

    def __init__(self, queryset):
        super().__init__(queryset.order_by().values("pk"))


def _flag(condition: Q) -> Case:
    """1 or 0, never NULL: ``series_id = 3`` is NULL without a series, which Postgres sorts first."""
    return Case(When(condition, then=1), default=0)


def related_to(queryset, publication, limit: int) -> list:
    """Up to ``limit`` items of ``queryset`` related to ``publication``, best first, with what
    their cards show: one statement, and the cards' prefetch.

    The publication's authors, areas and tags come from what its page prefetched (a query each
    otherwise). Models are reached through the queryset's own, so models.py can import this."""
    model = queryset.model
    links = {name: model._meta.get_field(name) for name in ("related", "areas", "authorships")}
    pool = max(RELATED_POOL, limit)
    others = queryset.exclude(pk=publication.pk)
    newest = others.order_by(*NEWEST).values_list("pk", flat=True)
    authors = [authorship.author_id for authorship in publication.authorships.all()]
    areas = [area.pk for area in publication.areas.all()]
    tags = [tag.pk for tag in publication.tags.all()]

    # Read through ``others`` with the winners, so hidden picks need no filter here.
    picks = (
        links["related"]
        .remote_field.through.objects.filter(from_publication_id=publication.pk)
        .values_list("to_publication_id", flat=True)
    )
    pools = [picks]
    stronger = Q(pk__in=picks)
    rank = {"is_picked": _flag(stronger)}
    if publication.series_id:
        in_series = Q(series_id=publication.series_id)
        pools.append(newest.filter(in_series)[:pool])
        stronger |= in_series
        rank["in_series"] = _flag(in_series)
    if authors:
        authorships = links["authorships"].related_model.objects.filter(author_id__in=authors)
        by_authors = Q(pk__in=authorships.values("publication_id"))
        pools.append(newest.filter(by_authors)[:pool])
        stronger |= by_authors
        rank["shared_authors"] = _Count(authorships.filter(publication_id=OuterRef("pk")))
    if areas or tags:
        topic = Q(pk__in=[])
        if areas:
            area_links = links["areas"].remote_field.through.objects.filter(researcharea_id__in=areas)
            topic |= Q(pk__in=area_links.values("publication_id"))
            rank["shared_areas"] = _Count(area_links.filter(publication_id=OuterRef("pk")))
        if tags:
            content_type = ContentType.objects.get_for_model(model)
            tag_links = TaggedItem.objects.filter(content_type=content_type, tag_id__in=tags)
            topic |= Q(pk__in=tag_links.values("object_id"))
            rank["shared_tags"] = _Count(tag_links.filter(object_id=OuterRef("pk")))
        # The database skips this pool when the series or the authors fill the list on their own.
        enough = [~Exists(strong[limit - 1 :]) for strong in pools[1:]]
        pools.append(newest.filter(topic, *enough).exclude(stronger)[:pool])
    pools.append(newest[:limit])

    ranked = (
        others.in_any(*pools)
        .annotate(**rank)
        .order_by(*(f"-{key}" for key in rank), *NEWEST)
        .with_cards()[:limit]
    )
    return list(ranked)
