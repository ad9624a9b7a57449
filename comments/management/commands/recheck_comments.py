from django.core.management.base import BaseCommand

from comments.services import checking


class Command(BaseCommand):
    help = (
        "Check again with Akismet the comments it could not judge, and send moderators' "
        "spam/ham feedback that could not be delivered (the task worker does it on its own)."
    )

    def handle(self, *args, **options):
        outcome = checking.recheck_unchecked_comments()
        self.stdout.write(
            f"Checked {outcome['checked']} comment(s); {outcome['still_unchecked']} still "
            f"unchecked; {outcome['feedback_sent']} feedback report(s) sent to Akismet."
        )
