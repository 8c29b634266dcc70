from django.contrib import admin

from .models import Article, ArticleRevision, Source


class ArticleRevisionInline(admin.TabularInline):
    model = ArticleRevision
    extra = 0
    fields = ("replaced_at", "title", "content_hash")
    readonly_fields = fields
    can_delete = False


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):
    search_fields = ["name"]
    list_display = ["name", "homepage", "created_at"]


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ["title", "source", "published_at", "news_code", "created_at"]
    list_filter = ["source", "published_at"]
    search_fields = ["title", "url", "news_code", "external_id"]
    date_hierarchy = "published_at"
    readonly_fields = ["content_hash", "created_at", "updated_at"]
    inlines = [ArticleRevisionInline]
    list_select_related = ["source"]
