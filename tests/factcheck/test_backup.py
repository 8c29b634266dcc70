"""`manage.py backup` and `restore`: the whole knowledge base, history and audit included."""

import json
import zipfile
from io import StringIO

import pytest
from django.apps import apps
from django.contrib.admin.models import ADDITION, LogEntry
from django.contrib.auth.models import Group, User
from django.contrib.contenttypes.models import ContentType
from django.core.management import CommandError, call_command
from rest_framework.test import APIClient

from factcheck import editorial
from factcheck.backup import backed_up_models
from factcheck.models import Claim, Verdict

# Transactional: flushing inside a test transaction is refused by PostgreSQL (pending triggers).
pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("editors_group"),
]


def snapshot() -> dict[str, list]:
    """Every backed-up row, as values, ordered by primary key; a content type by its name
    (content types are made anew on restore, under new ids)."""
    names = {ct.pk: (ct.app_label, ct.model) for ct in ContentType.objects.all()}
    rows = {}
    for model in backed_up_models():
        values = list(model._base_manager.order_by("pk").values())
        for row in values:
            if "content_type_id" in row:
                row["content_type_id"] = names.get(row["content_type_id"])
        rows[model._meta.label] = values
    return rows


@pytest.fixture
def knowledge_base(sample_kb, editor):
    claim = Claim.objects.order_by("pk").first()
    first = Verdict.objects.filter(claim=claim).get()
    editorial.verdict_create(
        claim=claim,
        editor=editor,
        rating="false",
        summary="بازبینی شد",
        publish=True,
        correction_reason="سند تازه",
    )
    assert Verdict.objects.filter(claim=claim).count() == 2 and first.pk
    LogEntry.objects.log_actions(
        user_id=editor.pk, queryset=[claim], action_flag=ADDITION, change_message="ثبت دستی"
    )
    return claim


def test_round_trip_keeps_every_row_history_and_audit(knowledge_base, tmp_path):
    before = snapshot()
    path = tmp_path / "kb.zip"
    out = StringIO()
    call_command("backup", str(path), stdout=out)
    assert "backed up" in out.getvalue()
    with zipfile.ZipFile(path) as archive:
        manifest = json.loads(archive.read("manifest.json"))
    assert manifest["counts"]["factcheck.HistoricalVerdict"] >= 2
    assert manifest["counts"]["admin.LogEntry"] == 1

    # Lose everything but what migrating an empty database makes, then bring it back.
    call_command("flush", interactive=False, verbosity=0)
    Group.objects.create(name="editors")
    assert not Claim.objects.exists()
    out = StringIO()
    call_command("restore", str(path), stdout=out)
    assert "search index rebuilt" in out.getvalue()
    assert snapshot() == before
    # Foreign keys to content types and permissions survived by natural key.
    entry = LogEntry.objects.get()
    assert entry.content_type == ContentType.objects.get_for_model(Claim)
    assert Group.objects.get(name="editors").permissions.filter(codename="add_verdict").exists()
    # The restored editor can sign in, and search finds restored claims.
    assert User.objects.get(username="editor").check_password("correct horse battery")
    found = APIClient().get("/api/v1/search/", {"q": "پیام‌رسان"}).json()
    assert found["count"] > 0


def test_restore_refuses_a_database_with_data_unless_replace(knowledge_base, tmp_path):
    path = tmp_path / "kb.zip"
    call_command("backup", str(path), stdout=StringIO())
    Claim.objects.filter(pk=knowledge_base.pk).update(text="تغییری پس از پشتیبان")
    with pytest.raises(CommandError, match="--replace"):
        call_command("restore", str(path), stdout=StringIO())
    call_command("restore", str(path), "--replace", stdout=StringIO())
    assert Claim.objects.get(pk=knowledge_base.pk).text != "تغییری پس از پشتیبان"


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"not a zip", "not a backup"), (None, "does not exist")],
)
def test_restore_of_a_bad_file_is_a_clear_error_and_changes_nothing(
    knowledge_base, tmp_path, content, message
):
    path = tmp_path / "bad.zip"
    if content is not None:
        path.write_bytes(content)
    before = Claim.objects.count()
    with pytest.raises(CommandError, match=message):
        call_command("restore", str(path), "--replace", stdout=StringIO())
    assert Claim.objects.count() == before


def test_a_backup_that_fails_to_load_leaves_the_database_as_it_was(knowledge_base, tmp_path):
    path = tmp_path / "kb.zip"
    call_command("backup", str(path), stdout=StringIO())
    broken = tmp_path / "broken.zip"
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(broken, "w") as target:
        target.writestr("manifest.json", source.read("manifest.json"))
        xml = source.read("data.xml").decode()
        dangling = (
            '<object model="factcheck.claimappearance" pk="999999">'
            '<field name="claim" rel="ManyToOneRel" to="factcheck.claim">999999</field>'
            "</object></django-objects>"
        )
        target.writestr("data.xml", xml.replace("</django-objects>", dangling))
    before = snapshot()
    with pytest.raises(CommandError, match="restore failed"):
        call_command("restore", str(broken), "--replace", stdout=StringIO())
    assert snapshot() == before


def test_backup_to_a_missing_folder_is_a_clear_error(db, tmp_path):
    with pytest.raises(CommandError, match="does not exist"):
        call_command("backup", str(tmp_path / "nowhere" / "kb.zip"), stdout=StringIO())


def test_every_model_is_either_backed_up_or_declared_derived():
    backed = {model._meta.label_lower for model in backed_up_models()}
    for model in apps.get_models():
        label = model._meta.label_lower
        if model._meta.proxy or label in backed:
            continue
        assert model._meta.app_label in {
            "contenttypes",
            "sessions",
            "django_tasks_database",
        } or label in {
            "auth.permission",
            "factcheck.searchdocument",
            "factcheck.searchterm",
        }, f"{label} is neither backed up nor declared derived"
