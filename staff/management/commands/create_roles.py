"""``manage.py create_roles``: make the Author, Editor and Subscriber manager groups.

``migrate`` already does this after every run; the command is for putting back a permission
taken away by hand, and for reading what each role may do."""

from django.core.management.base import BaseCommand, CommandError

from staff import roles


class Command(BaseCommand):
    help = "Create the staff roles (groups) and give them their permissions. Safe to run again."

    def handle(self, *args, **options):
        added = roles.sync_roles()
        missing = roles.missing_permissions()
        if missing:
            raise CommandError(f"These permissions named in staff/roles.py do not exist: {missing}")
        for name, count in added.items():
            if count:
                self.stdout.write(f"{name}: {count} permission{'s' if count != 1 else ''} added.")
            else:
                self.stdout.write(f"{name}: already in place.")
