"""python manage.py requeue_stale_tasks: queue again the tasks a dead worker left RUNNING."""

from datetime import timedelta

from django.core.management.base import BaseCommand

from factcheck.tasks import stale_tasks_requeue


class Command(BaseCommand):
    help = (
        "Queue again tasks marked running for longer than --older-than seconds (default an "
        "hour): their worker died. Run it with --older-than 0 before starting the only worker."
    )

    def add_arguments(self, parser):
        parser.add_argument("--older-than", type=float, default=3600, metavar="SECONDS")
        parser.add_argument(
            "--queue-name", default="", help="only these queues (comma-separated; default all)"
        )

    def handle(self, *args, older_than, queue_name, **options):
        queues = [name for name in queue_name.split(",") if name]
        count = stale_tasks_requeue(older_than=timedelta(seconds=older_than), queues=queues)
        self.stdout.write(f"requeued {count} stale task(s)")
