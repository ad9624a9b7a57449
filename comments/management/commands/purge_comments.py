from django.core.management.base import BaseCommand

from comments.services import privacy


class Command(BaseCommand):
    help = "Delete blatant spam (Akismet's discard verdict) older than COMMENTS_DISCARD_AFTER_DAYS."

    def handle(self, *args, **options):
        deleted = privacy.purge_discarded_spam()
        self.stdout.write(f"Deleted {deleted} discarded spam comment(s).")
