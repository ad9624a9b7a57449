import json

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from comments.services import privacy


class Command(BaseCommand):
    help = (
        "Print, as JSON, everything stored with a commenter's e-mail address "
        "(answering a request for a copy of one's data)."
    )

    def add_arguments(self, parser):
        parser.add_argument("email", help="The commenter's e-mail address.")

    def handle(self, *args, **options):
        try:
            data = privacy.export_commenter_data(email=options["email"])
        except ValidationError:
            raise CommandError(f"“{options['email']}” is not a valid e-mail address.") from None
        if not data["comments"]:
            raise CommandError(f"No comments were posted with the address “{data['email']}”.")
        self.stdout.write(json.dumps(data, indent=2, ensure_ascii=False))
