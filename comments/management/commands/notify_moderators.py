from django.core.management.base import BaseCommand

from comments.services import notifications


class Command(BaseCommand):
    help = "E-mail the Moderators group one digest of the comments waiting for review."

    def handle(self, *args, **options):
        count = notifications.notify_moderators()
        self.stdout.write(f"Digest sent for {count} comment(s)." if count else "Nothing waiting.")
