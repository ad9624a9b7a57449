from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from comments.models import Comment
from comments.services import privacy


class Command(BaseCommand):
    help = (
        "Erase a commenter's name, e-mail address, website, text, IP address and user agent "
        "from every comment posted with their address (answering a request for erasure)."
    )

    def add_arguments(self, parser):
        parser.add_argument("email", help="The commenter's e-mail address.")
        parser.add_argument(
            "--noinput",
            "--no-input",
            action="store_false",
            dest="interactive",
            help="Do not ask for confirmation.",
        )

    def handle(self, *args, **options):
        email = options["email"]
        try:
            email = privacy.commenter_email(email)
        except ValidationError:
            raise CommandError(f"“{email}” is not a valid e-mail address.") from None
        count = Comment.objects.filter(author_email__iexact=email).count()
        if not count:
            raise CommandError(f"No comments were posted with the address “{email}”.")
        if options["interactive"]:
            answer = input(
                f"Erase {count} comment(s) posted with “{email}”? This cannot be undone. "
                "Type 'yes' to continue: "
            )
            if answer != "yes":
                raise CommandError("Erasure cancelled.")
        erased = privacy.erase_commenter_data(email=email)
        self.stdout.write(f"Erased {erased} comment(s) posted with “{email}”.")
