"""python manage.py evaluate_extraction GOLD.jsonl: precision, recall and F1 of the extractor.

With ``--against SECOND.jsonl`` it scores a second person's annotation of the same articles
instead: how far two annotators agree. ``--cues N`` adds where the misses lie: the N cues
(as annotated) whose statements are most often missed or given the wrong speaker.
"""

import json

from django.core.management.base import BaseCommand, CommandError

from factcheck.management.gold import read_gold_records
from factcheck.nlp.evaluation import agreement, evaluate, format_cues, format_report


class Command(BaseCommand):
    help = (
        "Score the extractor on gold records {id, text, statements} (JSON Lines): spans and "
        "end to end, speaker accuracy, by kind, mention and location, and time per article."
    )
    requires_system_checks: list[str] = []
    requires_migrations_checks = False

    def add_arguments(self, parser):
        parser.add_argument("gold", nargs="+", metavar="GOLD.jsonl")
        parser.add_argument(
            "--errors", metavar="FILE", help="write every miss and error as JSON Lines"
        )
        parser.add_argument(
            "--cues",
            type=int,
            metavar="N",
            help="also list the N cues whose gold statements are most often missed or given "
            "the wrong speaker, and recall by whether the cue's verb is plural",
        )
        parser.add_argument(
            "--against",
            metavar="SECOND.jsonl",
            help="score this second annotation of the same articles, not the extractor",
        )

    def handle(self, *args, **options):
        records = read_gold_records(options["gold"])
        if options["against"]:
            try:
                report = agreement(records, read_gold_records([options["against"]]))
            except ValueError as error:
                raise CommandError(f"{options['against']}: {error}") from error
        else:
            report = evaluate(records)
        self.stdout.write(format_report(report))
        if options["cues"]:
            self.stdout.write("\n" + format_cues(report, options["cues"]))
        if options["errors"]:
            with open(options["errors"], "w", encoding="utf-8") as handle:
                for error in report.errors:
                    handle.write(json.dumps(error, ensure_ascii=False) + "\n")
