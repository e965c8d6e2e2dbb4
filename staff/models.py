"""What a staff member sets for themselves: the time zone the admin shows dates in."""

import zoneinfo

from django.conf import settings
from django.db import models


def time_zone_choices() -> list[tuple[str, str]]:
    return [(name, name.replace("_", " ")) for name in sorted(zoneinfo.available_timezones())]


class StaffProfile(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="staff_profile"
    )
    time_zone = models.CharField(
        max_length=64,
        blank=True,
        help_text="Dates and times in the admin are shown, and read, in this time zone. "
        "Empty: the site's own time zone.",
    )

    def __str__(self):
        return f"Settings of {self.user}"


def time_zone_of(user) -> zoneinfo.ZoneInfo | None:
    """The zone ``user`` chose, or None (the site's). A zone name the system no longer knows
    counts as none."""
    if not getattr(user, "is_authenticated", False):
        return None
    return zone_named(StaffProfile.objects.filter(user=user).values_list("time_zone", flat=True).first())


def zone_named(name: str | None) -> zoneinfo.ZoneInfo | None:
    if not name:
        return None
    try:
        return zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return None
