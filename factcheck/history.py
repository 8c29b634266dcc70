"""The change log of a claim: every recorded change to it, its verdicts, evidence and statements."""

from dataclasses import dataclass
from datetime import datetime

from .models import Claim, Evidence, Statement, Verdict

_ACTIONS = {"+": "ایجاد", "~": "ویرایش", "-": "حذف"}
_SKIPPED_FIELDS = {"version", "updated_at"}


@dataclass(frozen=True)
class Change:
    field: str
    old: str
    new: str


@dataclass(frozen=True)
class HistoryEntry:
    when: datetime
    who: str
    what: str  # "claim 12", "verdict 3", ...
    action: str
    reason: str
    changes: tuple[Change, ...]


def _entries(records, label: str) -> list[HistoryEntry]:
    records = list(records)
    entries = []
    for index, record in enumerate(records):
        previous = records[index + 1] if index + 1 < len(records) else None
        changes: tuple[Change, ...] = ()
        if previous is not None and record.history_type == "~":
            delta = record.diff_against(previous)
            changes = tuple(
                Change(c.field, str(c.old), str(c.new))
                for c in delta.changes
                if c.field not in _SKIPPED_FIELDS
            )
        user = record.history_user
        entries.append(
            HistoryEntry(
                when=record.history_date,
                who=user.get_username() if user else "سامانه",
                what=f"{label} {record.id}",
                action=_ACTIONS.get(record.history_type, record.history_type),
                reason=record.history_change_reason or "",
                changes=changes,
            )
        )
    return entries


def claim_history(claim: Claim) -> list[HistoryEntry]:
    """Who changed what and when, newest first, for the claim and everything hanging on it."""
    statement_ids = claim.appearances.values_list("statement_id", flat=True)
    sources = [
        (claim.history.select_related("history_user"), "ادعا"),
        (Verdict.history.filter(claim_id=claim.pk).select_related("history_user"), "حکم"),
        (Evidence.history.filter(claim_id=claim.pk).select_related("history_user"), "شاهد"),
        (
            Statement.history.filter(id__in=list(statement_ids)).select_related("history_user"),
            "نقل قول",
        ),
    ]
    entries: list[HistoryEntry] = []
    for records, label in sources:
        by_object: dict[int, list] = {}
        for record in records.order_by("-history_date", "-history_id"):
            by_object.setdefault(record.id, []).append(record)
        for object_records in by_object.values():
            entries.extend(_entries(object_records, label))
    return sorted(entries, key=lambda e: e.when, reverse=True)
