from django.core.management.base import BaseCommand

from events.sending import reminders_send


class Command(BaseCommand):
    help = (
        "E-mail registrants of events starting within a day and within an hour. Run it every few "
        "minutes from cron; each reminder is sent once however often it runs."
    )

    def handle(self, *args, **options):
        report = reminders_send()
        self.stdout.write(
            f"Reminders sent: {report['day']} the day before, {report['hour']} the hour before."
        )
