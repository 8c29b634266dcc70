from django.contrib import admin

from .models import Claim, ClaimAppearance, Speaker, SpeakerAlias, SpeakerRole, Statement


class SpeakerAliasInline(admin.TabularInline):
    model = SpeakerAlias
    extra = 0


class SpeakerRoleInline(admin.TabularInline):
    model = SpeakerRole
    extra = 0


@admin.register(Speaker)
class SpeakerAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "created_at"]
    list_filter = ["kind"]
    search_fields = ["name", "aliases__name", "roles__title"]
    inlines = [SpeakerAliasInline, SpeakerRoleInline]


class ClaimAppearanceInline(admin.TabularInline):
    model = ClaimAppearance
    extra = 0
    raw_id_fields = ["statement", "claim"]


@admin.register(Statement)
class StatementAdmin(admin.ModelAdmin):
    list_display = ["quote_preview", "speaker", "kind", "location", "confidence", "review_status"]
    list_filter = ["kind", "location", "review_status", "article__source"]
    search_fields = ["quote", "speaker__name", "speaker_mention"]
    raw_id_fields = ["article", "speaker"]
    list_select_related = ["speaker"]
    inlines = [ClaimAppearanceInline]

    @admin.display(description="quote")
    def quote_preview(self, obj: Statement) -> str:
        return obj.quote[:80]


@admin.register(Claim)
class ClaimAdmin(admin.ModelAdmin):
    list_display = ["text_preview", "speaker", "claim_type", "check_worthiness", "first_seen_at"]
    list_filter = ["claim_type"]
    search_fields = ["text", "speaker__name"]
    raw_id_fields = ["speaker"]
    list_select_related = ["speaker"]
    inlines = [ClaimAppearanceInline]

    @admin.display(description="text")
    def text_preview(self, obj: Claim) -> str:
        return obj.text[:80]
