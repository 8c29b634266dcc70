"""python manage.py poll_feeds [--every SECONDS]: queue a poll of every feed that is due."""

import time

from django.core.management.base import BaseCommand
from django.db import DatabaseError, close_old_connections

from factcheck.tasks import feeds_enqueue_due


class Command(BaseCommand):
    help = (
        "Queue a poll task for every active feed whose interval has passed (the worker runs "
        "them). Once by default, for cron or a systemd timer; --every SECONDS keeps checking."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--every",
            type=float,
            default=None,
            metavar="SECONDS",
            help="keep running, checking for due feeds every SECONDS",
        )

    def handle(self, *args, every: float | None, **options):
        if every is None:
            self.stdout.write(f"queued {feeds_enqueue_due()} feed poll(s)")
            return
        while True:
            try:
                queued = feeds_enqueue_due()
            except DatabaseError as error:  # unavailable for a moment: try again next round
                self.stderr.write(f"could not read the feeds: {error}")
            else:
                if queued:
                    self.stdout.write(f"queued {queued} feed poll(s)")
            # Like a request: drop a connection the database closed while this one slept.
            close_old_connections()
            time.sleep(every)
