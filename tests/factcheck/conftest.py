import importlib
from collections.abc import Iterator

import pytest
from django.contrib.auth.models import Group, Permission, User

from articles.parsed import ParsedArticle
from factcheck.models import Claim
from factcheck.services import article_ingest


@pytest.fixture
def editor(db) -> User:
    user = User.objects.create_user("editor", password="correct horse battery")
    user.groups.add(Group.objects.get(name="editors"))
    return user


@pytest.fixture
def other_editor(db) -> User:
    user = User.objects.create_user("editor2", password="correct horse battery")
    user.groups.add(Group.objects.get(name="editors"))
    return user


@pytest.fixture
def reader(db) -> User:
    return User.objects.create_user("reader", password="correct horse battery")


@pytest.fixture
def founding_article(db, founding_text):
    article, _ = article_ingest(
        parsed=ParsedArticle(
            text=founding_text,
            title="زارعپور: پیامرسانهای داخلی حافظ حریم خصوصی هستند!",
            url="https://www.didarnews.ir/fa/news/153318",
        )
    )
    return article


@pytest.fixture
def claim(founding_article) -> Claim:
    return Claim.objects.get(text__startswith="چندی پیش اجلاس وزرای ارتباطات")


@pytest.fixture
def sample_kb(db, editor):
    """The bundled samples ingested, with published verdicts and evidence on some claims."""
    from pathlib import Path

    from django.core.management import call_command

    from factcheck import editorial

    samples = Path(__file__).resolve().parents[2] / "samples"
    call_command(
        "ingest", str(samples), "--no-progress", "--workers=0", stdout=__import__("io").StringIO()
    )
    ratings = ["true", "false", "half-true", "misleading", "mostly-true"]
    for index, claim in enumerate(Claim.objects.order_by("id")[:120]):
        editorial.verdict_create(
            claim=claim,
            editor=editor,
            rating=ratings[index % len(ratings)],
            summary=f"حکم {index}",
            publish=True,
        )
        editorial.evidence_add(
            claim=claim,
            editor=editor,
            url=f"https://evidence.example/{index}",
            title=f"سند {index}",
            stance="context",
        )
    return samples


@pytest.fixture
def editors_group(transactional_db) -> Iterator[Group]:
    """The ``editors`` group; transactional tests flush the one its migration made."""
    migration = importlib.import_module("factcheck.migrations.0003_editors_group")

    def ensure() -> Group:
        group, _ = Group.objects.get_or_create(name="editors")
        codenames = [
            f"{action}_{model}"
            for model, actions in migration.EDITOR_PERMISSIONS.items()
            for action in actions
        ]
        group.permissions.set(
            Permission.objects.filter(content_type__app_label="factcheck", codename__in=codenames)
        )
        return group

    yield ensure()
    ensure()  # for the tests that run after this one's flush
