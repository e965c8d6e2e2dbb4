from django.core.management.base import BaseCommand, CommandError

from subscriptions.models import Newsletter
from subscriptions.sending import digest_send


class Command(BaseCommand):
    help = (
        "E-mail a newsletter's confirmed subscribers what was published since its last digest. "
        "Safe to run again, or after a crash: nobody gets the same digest twice."
    )

    def add_arguments(self, parser):
        parser.add_argument("slug", help="The newsletter's slug (see the admin).")

    def handle(self, *args, slug, **options):
        newsletter = Newsletter.objects.filter(slug=slug).first()
        if newsletter is None:
            known = ", ".join(Newsletter.objects.values_list("slug", flat=True)) or "none yet"
            raise CommandError(f"No newsletter with the slug {slug!r} (known: {known}).")
        if not newsletter.active:
            raise CommandError(f"{newsletter} is not active; tick Active in the admin to send it.")
        report = digest_send(newsletter=newsletter)
        self.stdout.write(str(report))
        if report.digest is not None and not report.finished:
            raise CommandError("Some e-mails failed; run the command again later to retry them.")
