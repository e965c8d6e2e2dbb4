"""``manage.py demo_logins``: one staff login for each role, with known passwords, so the demo
can be tried as an author, an editor and a subscriber manager (``load_demo`` runs it).

Only with ``DEBUG`` on: known passwords have no place on a real site, so without ``DEBUG`` it
makes nothing and says so. The author is linked to an expert of the demo who has unpublished
work, so the author's own drafts can be seen and edited."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand
from django.db import transaction

from authors.models import Author
from publications.models import Publication
from staff import roles

# username, role, password: known, printed, and for the demo only.
LOGINS = [
    ("demo-author", roles.AUTHOR, "demo-author-password"),
    ("demo-editor", roles.EDITOR, "demo-editor-password"),
    ("demo-subscribers", roles.SUBSCRIBER_MANAGER, "demo-subscribers-password"),
]


class Command(BaseCommand):
    help = "Create a demo login for each staff role (DEBUG only) and print them."

    def add_arguments(self, parser):
        parser.add_argument("--admin-url", default="/admin/", help="The admin address to print.")

    def handle(self, *args, **options):
        if not settings.DEBUG:
            self.stdout.write("Demo logins for each role: skipped (DEBUG is off; they have known passwords).")
            return
        with transaction.atomic():
            roles.sync_roles()
            for username, role, password in LOGINS:
                user, _ = get_user_model().objects.get_or_create(username=username)
                user.email = f"{username}@example.org"
                user.is_staff, user.is_superuser, user.is_active = True, False, True
                user.set_password(password)
                user.save()
                user.groups.set([Group.objects.get(name=role)])
                if role == roles.AUTHOR:
                    link_to_an_expert(user)
        self.stdout.write(f"Logins for each role, at {options['admin_url']}:")
        for username, role, password in LOGINS:
            self.stdout.write(f"  {role:<20} user: {username:<18} password: {password}")


def link_to_an_expert(user) -> None:
    """An expert with unpublished work and no account of their own (the first by name) becomes
    the demo author, unless one already is."""
    if Author.objects.filter(user=user).exists():
        return
    unpublished = Publication.objects.exclude(status=Publication.Status.PUBLISHED)
    expert = (
        Author.objects.filter(user__isnull=True, publications__in=unpublished).order_by("name").first()
        or Author.objects.filter(user__isnull=True).order_by("name").first()
    )
    if expert is not None:
        expert.user = user
        expert.save(update_fields=["user"])
