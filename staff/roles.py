"""The newsroom's roles, as Django groups with model permissions.

Model permissions say what kind of thing a role may touch; which publications each may see
is ``Publication.objects.visible_to(user)``, and which it may change, publications/workflow.py.

``sync_roles`` runs after every ``migrate`` (see apps.py) and as ``manage.py create_roles``.
It only ever adds: a permission granted by hand in the admin stays, and one taken away
comes back at the next migrate only if it is listed here.
"""

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions

from publications.models import PUBLISH

AUTHOR = "Author"
EDITOR = "Editor"
SUBSCRIBER_MANAGER = "Subscriber manager"


def _all(app_label: str, *models: str) -> list[str]:
    return [
        f"{app_label}.{action}_{model}" for model in models for action in ("add", "change", "delete", "view")
    ]


ROLES: dict[str, list[str]] = {
    # Writes publications and submits them; sees (for picking them in forms) the experts,
    # areas, regions, series, types and tags, and changes none of them.
    AUTHOR: [
        *_all("publications", "publication", "authorship"),
        # The media library: upload, and change their own uploads (publications/admin/library.py).
        "publications.add_bodyimage",
        "publications.change_bodyimage",
        "publications.view_bodyimage",
        "publications.view_publicationtype",
        "authors.view_author",
        "research_areas.view_researcharea",
        "regions.view_region",
        "series.view_series",
        "taggit.view_tag",
    ],
    # Everything editorial, including publishing, the site's pages and menus, and the
    # newsletters (not their subscribers).
    EDITOR: [
        *_all("publications", "publication", "authorship", "publicationtype", "bodyimage"),
        PUBLISH,
        *_all("authors", "author"),
        *_all("research_areas", "researcharea"),
        *_all("regions", "region"),
        *_all("series", "series"),
        *_all("taggit", "tag"),
        *_all("subscriptions", "newsletter"),
        *_all("website", "page", "menuitem"),
        *_all("events", "event", "eventtype", "speaker"),
        "events.view_registration",
        "subscriptions.view_digest",
        "subscriptions.view_delivery",
        # Linking an expert to a staff account picks the account from a list.
        "auth.view_user",
        # The audit log: who published, scheduled or unpublished what.
        "admin.view_logentry",
    ],
    # The people on the mailing lists, and nothing editorial.
    SUBSCRIBER_MANAGER: [
        *_all("subscriptions", "subscriber", "subscription"),
        "subscriptions.view_consentevent",
        "subscriptions.view_newsletter",
        "subscriptions.view_digest",
        "subscriptions.view_delivery",
        # Event registrants: seen and exported (CSV), never changed from the admin.
        "events.view_registration",
        "events.view_event",
    ],
}


# Apps only a superuser's admin shows: logins and lockouts, two-factor devices, the task queue,
# accounts. A role given one of their permissions by hand may still open them by address.
TECHNICAL_APPS = frozenset(
    {
        "auth",
        "axes",
        "django_otp",
        "otp_totp",
        "otp_static",
        "django_tasks",
        "django_tasks_database",
        "reversion",
    }
)

# Lists a role may only pick from in forms (an author's experts, areas, series, types, tags):
# left out of its sidebar and home page while it may not change them.
PICK_LISTS = frozenset(
    {
        "authors.author",
        "research_areas.researcharea",
        "regions.region",
        "series.series",
        "publications.publicationtype",
        "taggit.tag",
    }
)


def sync_roles(*, using: str = "default", apps=global_apps) -> dict[str, int]:
    """Create the groups and give each the permissions listed above. Idempotent.

    Returns how many permissions each group was given now (0 when already in place)."""
    group_model = apps.get_model("auth", "Group")
    permission_model = apps.get_model("auth", "Permission")
    # Permissions are made after migrate by a signal that may not have reached every app yet.
    for app_config in global_apps.get_app_configs():
        create_permissions(app_config, verbosity=0, using=using, apps=apps)
    added = {}
    for name, codes in ROLES.items():
        group, _ = group_model.objects.using(using).get_or_create(name=name)
        wanted = set()
        for code in codes:
            app_label, codename = code.split(".")
            wanted |= set(
                permission_model.objects.using(using)
                .filter(content_type__app_label=app_label, codename=codename)
                .values_list("pk", flat=True)
            )
        missing = wanted - set(group.permissions.values_list("pk", flat=True))
        group.permissions.add(*missing)
        added[name] = len(missing)
    return added


def missing_permissions() -> list[str]:
    """Permissions named in ``ROLES`` that no installed model has (a typo or a removed model)."""
    from django.contrib.auth.models import Permission

    existing = {
        f"{app_label}.{codename}"
        for app_label, codename in Permission.objects.values_list("content_type__app_label", "codename")
    }
    return sorted({code for codes in ROLES.values() for code in codes} - existing)


def after_migrate(sender, using="default", apps=global_apps, **kwargs):
    """``post_migrate`` receiver: keep the roles in place on every migrate (tests included)."""
    try:
        apps.get_model("auth", "Group")
    except LookupError:  # auth is not migrated (yet) in this run
        return
    sync_roles(using=using, apps=apps)
