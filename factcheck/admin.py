"""The Django admin, for superusers. Saves here run the same side effects as the site:
version bumps below, and the claim's current verdict through factcheck.signals."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import (
    Claim,
    ClaimAppearance,
    EditorProfile,
    Evidence,
    Speaker,
    SpeakerAlias,
    SpeakerRole,
    Statement,
    Verdict,
)
from .services import claim_fingerprint


class VersionedAdmin(SimpleHistoryAdmin):
    """An admin save is an edit like any other: it moves the version on, so a concurrent
    editor working from the old version gets a conflict instead of overwriting it."""

    def save_model(self, request, obj, form, change):
        if change:
            obj.version += 1
        super().save_model(request, obj, form, change)


class SpeakerAliasInline(admin.TabularInline):
    model = SpeakerAlias
    extra = 0


class SpeakerRoleInline(admin.TabularInline):
    model = SpeakerRole
    extra = 0


@admin.register(Speaker)
class SpeakerAdmin(VersionedAdmin):
    list_display = ["name", "kind", "created_at"]
    list_filter = ["kind"]
    search_fields = ["name", "aliases__name", "roles__title"]
    readonly_fields = ["version"]
    inlines = [SpeakerAliasInline, SpeakerRoleInline]


class ClaimAppearanceInline(admin.TabularInline):
    model = ClaimAppearance
    extra = 0
    raw_id_fields = ["statement", "claim"]


class VerdictInline(admin.StackedInline):
    model = Verdict
    extra = 0
    fields = [
        "rating",
        "summary",
        "reasoning",
        "status",
        "published_at",
        "editor",
        "byline",
        "is_correction",
        "correction_reason",
    ]
    raw_id_fields = ["editor"]


class EvidenceInline(admin.TabularInline):
    model = Evidence
    extra = 0
    fields = ["title", "url", "publisher", "published_on", "stance", "article", "added_by"]
    raw_id_fields = ["article", "added_by"]


@admin.register(Statement)
class StatementAdmin(VersionedAdmin):
    list_display = ["quote_preview", "speaker", "kind", "location", "confidence", "review_status"]
    list_filter = ["kind", "location", "review_status", "article__source"]
    search_fields = ["quote", "speaker__name", "speaker_mention"]
    raw_id_fields = ["article", "speaker", "reviewed_by"]
    readonly_fields = ["version"]
    list_select_related = ["speaker"]
    inlines = [ClaimAppearanceInline]

    @admin.display(description="quote")
    def quote_preview(self, obj: Statement) -> str:
        return obj.quote[:80]


@admin.register(Claim)
class ClaimAdmin(VersionedAdmin):
    list_display = [
        "text_preview",
        "speaker",
        "claim_type",
        "check_worthiness",
        "check_worthy",
        "current_verdict",
        "first_seen_at",
    ]
    list_filter = ["claim_type", "check_worthy", "promise_status", "current_verdict__rating"]
    search_fields = ["text", "speaker__name"]
    raw_id_fields = ["speaker", "assignee", "current_verdict"]
    readonly_fields = ["version", "current_verdict", "fingerprint"]
    list_select_related = ["speaker", "current_verdict"]
    inlines = [ClaimAppearanceInline, VerdictInline, EvidenceInline]

    def save_model(self, request, obj, form, change):
        # The fingerprint follows the wording: an edited text is matched as the new text.
        obj.fingerprint = claim_fingerprint(obj.text)
        super().save_model(request, obj, form, change)

    @admin.display(description="text")
    def text_preview(self, obj: Claim) -> str:
        return obj.text[:80]


@admin.register(Verdict)
class VerdictAdmin(VersionedAdmin):
    list_display = ["claim", "rating", "status", "published_at", "byline", "is_correction"]
    list_filter = ["rating", "status", "is_correction"]
    search_fields = ["summary", "claim__text", "byline"]
    raw_id_fields = ["claim", "editor"]
    readonly_fields = ["version"]


@admin.register(Evidence)
class EvidenceAdmin(VersionedAdmin):
    list_display = ["title", "claim", "stance", "publisher", "added_by", "added_at"]
    list_filter = ["stance"]
    search_fields = ["title", "url", "claim__text"]
    raw_id_fields = ["claim", "article", "added_by"]
    readonly_fields = ["version"]


@admin.register(EditorProfile)
class EditorProfileAdmin(admin.ModelAdmin):
    list_display = ["user", "byline"]
    search_fields = ["user__username", "byline"]
