"""WordPress authors and taxonomies as experts and research areas, each matched on a re-run by
its WordPress login or category slug (``ImportedItem``), so nothing is made twice."""

import hashlib

from django.contrib.contenttypes.models import ContentType

from authors.models import Author
from research_areas.models import ResearchArea

from .cleaning import plain
from .index import Index, Person
from .models import ImportedItem

# WordPress's default category, which means "none".
NO_CATEGORY = {"uncategorized", "uncategorised"}


def checksum(*parts) -> str:
    return hashlib.sha256("\x1f".join(str(part) for part in parts).encode()).hexdigest()


class Directory:
    """Experts and areas of one run, made or found once and then kept at hand."""

    def __init__(self, index: Index, report, category_map: dict[str, str] | None = None):
        self.index = index
        # Category slug -> research area (slug or name; empty: no area), from --category-map.
        self.category_map = category_map or {}
        self.site = index.site
        self.report = report
        self.authors: dict[str, Author | None] = {}
        self.areas: dict[str, ResearchArea | None] = {}

    def _record(self, kind: str, wp_id: str) -> ImportedItem:
        record = ImportedItem.objects.filter(site=self.site, kind=kind, wp_id=wp_id).first()
        return record or ImportedItem(site=self.site, kind=kind, wp_id=wp_id)

    def _save_record(self, record: ImportedItem, target, digest: str) -> None:
        if record.pk and record.checksum == digest and record.object_id == target.pk:
            return
        record.content_type = ContentType.objects.get_for_model(target)
        record.object_id, record.checksum = target.pk, digest
        record.save()

    def refresh(self) -> None:
        """Bring experts and areas an earlier run made up to date with this export, even where
        none of their posts changed (a new bio, a renamed or moved category)."""
        earlier = set(
            ImportedItem.objects.filter(
                site=self.site, kind__in=[ImportedItem.Kind.AUTHOR, ImportedItem.Kind.CATEGORY]
            ).values_list("kind", "wp_id")
        )
        for person in [*self.index.users.values(), *self.index.guests.values()]:
            if (ImportedItem.Kind.AUTHOR, person.key) in earlier:
                self.author(person)
        for slug in self.index.categories:
            if (ImportedItem.Kind.CATEGORY, slug) in earlier:
                self.area(slug, {"names_seen": set()})

    # Experts ---------------------------------------------------------------------------------

    def byline(self, item) -> tuple[list[Author], list[str]]:
        """The item's experts in byline order: its Co-Authors Plus authors when it has them,
        else its WordPress author; and a note for each name the export does not describe."""
        notes, people = [], []
        coauthors = [(nicename, text) for domain, nicename, text in item.terms if domain == "author"]
        if coauthors:
            for nicename, text in coauthors:
                login = text or nicename.removeprefix("cap-")
                person = self.index.guests.get(login) or self.index.users.get(login)
                if person is None:
                    person = self.index.guests.get(nicename.removeprefix("cap-"))
                if person is None:
                    notes.append(
                        f'unknown co-author "{login}" (not described in the export): left off the byline'
                    )
                people.append(person)
        else:
            login = item.get("dc:creator")
            person = self.index.users.get(login)
            if person is None and login:
                notes.append(
                    f'unknown author "{login}" (not among the export\'s authors): left off the byline'
                )
            people.append(person)
        authors = []
        for person in people:
            author = self.author(person) if person else None
            if author is not None and author not in authors:
                authors.append(author)
        return authors, notes

    def author(self, person: Person) -> Author:
        if person.key in self.authors:
            return self.authors[person.key]
        record = self._record(ImportedItem.Kind.AUTHOR, person.key)
        digest = checksum(person.name, person.bio, person.website)
        author = Author.objects.filter(pk=record.object_id).first() if record.pk else None
        if author is not None and record.checksum == digest:
            self.report.count("experts", "unchanged")
        elif author is not None:
            author.name, author.bio = person.name[:160], person.bio or author.bio
            author.website = person.website[:200] or author.website
            author.save()
            self.report.count("experts", "updated")
        else:
            # An expert staff already made under the same name is the same person.
            author = Author.objects.filter(name__iexact=person.name).first()
            if author is not None:
                self.report.count("experts", "unchanged")
            else:
                author = Author(name=person.name[:160], bio=person.bio, website=person.website[:200])
                author.save()
                self.report.count("experts", "created")
        self._save_record(record, author, digest)
        self.authors[person.key] = author
        return author

    # Research areas --------------------------------------------------------------------------

    def areas_of(self, item) -> list[ResearchArea]:
        slugs = [nicename for domain, nicename, _ in item.terms if domain == "category"]
        areas = [self.area(slug, {"names_seen": set()}) for slug in slugs if slug not in NO_CATEGORY]
        return list(dict.fromkeys(area for area in areas if area is not None))

    def area(self, slug: str, state: dict) -> ResearchArea | None:
        """The area for a category, with its parents (made first): the hierarchy is kept."""
        if slug in self.areas:
            return self.areas[slug]
        if slug in self.category_map:
            self.areas[slug] = self.mapped_area(self.category_map[slug])
            return self.areas[slug]
        category = self.index.categories.get(slug)
        if category is None or slug in state["names_seen"]:  # unknown, or a loop of parents
            return None
        state["names_seen"].add(slug)
        parent_slug = category.get("wp:category_parent", "")
        parent = self.area(parent_slug, state) if parent_slug and parent_slug not in NO_CATEGORY else None
        name = plain(category.get("wp:cat_name")) or slug
        description = plain(category.get("wp:category_description", ""))
        record = self._record(ImportedItem.Kind.CATEGORY, slug)
        digest = checksum(name, description, parent.pk if parent else "")
        area = ResearchArea.objects.filter(pk=record.object_id).first() if record.pk else None
        if area is not None and record.checksum == digest:
            self.report.count("research areas", "unchanged")
        else:
            created = area is None
            if created:
                area = ResearchArea.objects.filter(name__iexact=name).first()
                taken = area is not None and ImportedItem.objects.filter(
                    kind=ImportedItem.Kind.CATEGORY, object_id=area.pk, site=self.site
                ).exclude(wp_id=slug)
                if area is not None and taken.exists():
                    # Two categories of one name under different parents ("Europe" in two places).
                    name, area = f"{name} ({parent.name if parent else slug})", None
                created = area is None
            area = area or ResearchArea()
            area.name = self._free_name(name[:120], area)
            area.description, area.parent = description or area.description, parent
            area.save()
            self.report.count("research areas", "created" if created else "updated")
        self._save_record(record, area, digest)
        self.areas[slug] = area
        return area

    def mapped_area(self, target: str) -> ResearchArea | None:
        """The area a category is mapped to by the operator: found by slug or name, else made."""
        if not target:
            return None
        area = ResearchArea.objects.filter(slug=target).first()
        area = area or ResearchArea.objects.filter(name__iexact=target).first()
        if area is None:
            area = ResearchArea.objects.create(name=target[:120])
            self.report.count("research areas", "created")
        return area

    def _free_name(self, name: str, area: ResearchArea) -> str:
        candidate, number = name, 1
        while ResearchArea.objects.filter(name=candidate).exclude(pk=area.pk).exists():
            number += 1
            candidate = f"{name[:114]} ({number})"
        return candidate
