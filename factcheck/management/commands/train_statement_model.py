"""python manage.py train_statement_model: retrain the model that weighs the rules' statements.

Run it after changing the extraction rules: the model learns from what the rules find on the
annotated sets. ``--cross-validate`` prints what it adds on each set when trained on the
others, and writes nothing.
"""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from factcheck.management.gold import read_gold_records
from factcheck.nlp.scoring import MODEL_PATH, load_model
from factcheck.nlp.training import cross_validate, scored_article, train

# test.jsonl is never trained on (the rule for the test set), nor check9.jsonl, the
# long articles scored blind, nor check11 to check27, the later blind draws: they
# stay measures of articles the model has not seen. check10 joined once it was scored and
# studied.
TRAINING_SETS = ["dev", "valid", "check", *(f"check{n}" for n in range(2, 9)), "check10"]


def _default_sets() -> list[str]:
    folder = Path(settings.BASE_DIR) / "tests" / "data" / "extraction"
    return [str(folder / f"{name}.jsonl") for name in TRAINING_SETS]


class Command(BaseCommand):
    help = (
        "Train the statement model on gold records (JSON Lines; by default the development "
        "and check sets in tests/data/extraction) and write it beside the engine."
    )
    requires_system_checks: list[str] = []
    requires_migrations_checks = False

    def add_arguments(self, parser):
        parser.add_argument("gold", nargs="*", metavar="GOLD.jsonl")
        parser.add_argument("--out", default=str(MODEL_PATH), help="where to write the model")
        parser.add_argument(
            "--cross-validate",
            action="store_true",
            help="score each file with a model trained on the other files; write nothing",
        )

    def handle(self, *args, **options):
        names = options["gold"] or _default_sets()
        sets = {
            Path(name).stem: [scored_article(r) for r in read_gold_records([name])]
            for name in names
        }
        if options["cross_validate"]:
            self._report(cross_validate(sets))
            return
        articles = [article for group in sets.values() for article in group]
        model = train(articles)
        out = Path(options["out"])
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(model.to_json() + "\n", encoding="utf-8")
        load_model.cache_clear()
        examples = sum(len(a.examples) for a in articles)
        self.stdout.write(
            f"trained on {examples} statements of {len(articles)} articles; "
            f"{len(model.weights)} weights written to {out}"
        )

    def _report(self, results) -> None:
        self.stdout.write(
            f"{'held out':<14}{'rules: F1':>11}{'ind. recall':>13}{'model: F1':>11}{'ind. recall':>13}"
        )
        for result in results:
            (rules_f1, rules_ind), (model_f1, model_ind) = result.rules, result.model
            self.stdout.write(
                f"{result.name:<14}{rules_f1:>11.3f}{rules_ind:>13.3f}"
                f"{model_f1:>11.3f}{model_ind:>13.3f}"
            )
