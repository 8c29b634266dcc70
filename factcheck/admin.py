"""The Django admin, for superusers. Saves here run the same side effects as the site:
version bumps below, and the claim's current verdict through factcheck.signals."""

from django.contrib import admin, messages
from simple_history.admin import SimpleHistoryAdmin

from articles.models import Feed

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
from .tasks import feed_poll_enqueue


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


@admin.register(Feed)
class FeedAdmin(admin.ModelAdmin):
    """Feeds polled by the worker (`manage.py poll_feeds` queues those that are due)."""

    list_display = [
        "url",
        "source_name",
        "interval_minutes",
        "active",
        "last_polled_at",
        "next_poll_at",
        "last_result",
        "has_error",
    ]
    list_filter = ["active"]
    search_fields = ["url", "source_name"]
    readonly_fields = ["last_polled_at", "last_result", "last_error", "claimed_at", "created_at"]
    actions = ["poll_now"]

    @admin.display(boolean=True, description="error")
    def has_error(self, feed: Feed) -> bool:
        return bool(feed.last_error)

    @admin.action(description="Poll the selected feeds now")
    def poll_now(self, request, queryset) -> None:
        queued = [feed for feed in queryset if feed_poll_enqueue(feed.pk, force=True)]
        busy = len(queryset) - len(queued)
        self.message_user(request, f"{len(queued)} feed(s) queued for polling.")
        if busy:
            self.message_user(
                request, f"{busy} feed(s) are being polled already.", messages.WARNING
            )
