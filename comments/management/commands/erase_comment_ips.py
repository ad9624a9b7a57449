from django.conf import settings
from django.core.management.base import BaseCommand

from comments.services import privacy


class Command(BaseCommand):
    help = (
        "Erase the IP address, user agent and referrer of comments older than "
        "COMMENTS_IP_RETENTION_DAYS (the task worker also does it every hour)."
    )

    def handle(self, *args, **options):
        erased = privacy.erase_comment_ips()
        self.stdout.write(
            f"Erased the IP address, user agent and referrer of {erased} comment(s) older than "
            f"{settings.COMMENTS_IP_RETENTION_DAYS} days."
        )
