"""python manage.py add_editor USERNAME [--byline NAME]: let a person edit the knowledge base."""

import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand

from factcheck.models import EditorProfile


class Command(BaseCommand):
    help = (
        "Add USERNAME to the editors group (creating the account with a generated password "
        "if it does not exist) and optionally set the byline readers see on their verdicts."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument(
            "--byline", default=None, help="public name on verdicts (a pseudonym is fine)"
        )

    def handle(self, *args, username: str, byline: str | None, **options):
        users = get_user_model()
        user = users.objects.filter(username=username).first()
        if user is None:
            password = secrets.token_urlsafe(12)
            user = users.objects.create_user(username=username, password=password)
            self.stdout.write(
                f"created {username} with password {password} (change it after signing in)"
            )
        user.groups.add(Group.objects.get(name=settings.EDITORS_GROUP))
        if byline is not None:
            EditorProfile.objects.update_or_create(user=user, defaults={"byline": byline})
        self.stdout.write(f"{username} is an editor")
