"""sitemap.xml: the public pages search engines should know, with when each last changed."""

from django.contrib.sitemaps import Sitemap
from django.db.models import Exists, OuterRef
from django.urls import reverse

from articles.models import Article, Source

from .models import Claim, Speaker


class PageSitemap(Sitemap):
    changefreq = "daily"

    def items(self) -> list[str]:
        return ["home", "claim-list", "speaker-list", "article-list", "methodology", "corrections"]

    def location(self, name: str) -> str:
        return reverse(name)


class ClaimSitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.8

    def items(self):
        return Claim.objects.visible().only("id", "updated_at").order_by("id")

    def lastmod(self, claim: Claim):
        return claim.updated_at


class SpeakerSitemap(Sitemap):
    changefreq = "weekly"

    def items(self):
        with_claims = Exists(Claim.objects.filter(speaker=OuterRef("pk")))
        return Speaker.objects.filter(with_claims).only("id", "updated_at").order_by("id")

    def lastmod(self, speaker: Speaker):
        return speaker.updated_at


class ArticleSitemap(Sitemap):
    changefreq = "monthly"

    def items(self):
        return Article.objects.only("id", "updated_at").order_by("id")

    def lastmod(self, article: Article):
        return article.updated_at


class SourceSitemap(Sitemap):
    changefreq = "weekly"

    def items(self):
        return Source.objects.order_by("id")


SITEMAPS = {
    "pages": PageSitemap,
    "claims": ClaimSitemap,
    "speakers": SpeakerSitemap,
    "articles": ArticleSitemap,
    "sources": SourceSitemap,
}
