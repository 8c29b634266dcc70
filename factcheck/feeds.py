"""Atom feed of newly published verdicts."""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed

from .models import Verdict


class VerdictFeed(Feed):
    feed_type = Atom1Feed
    title = "حکم‌های تازه راستی‌آزمایی"
    subtitle = "تازه‌ترین حکم‌های منتشرشده درباره ادعاهای خبرهای فارسی"
    link = "/claims/"

    def items(self):
        return Verdict.objects.published().select_related("claim__speaker").newest_first()[:50]

    def item_title(self, verdict: Verdict) -> str:
        speaker = verdict.claim.speaker.name if verdict.claim.speaker else "گوینده نامشخص"
        return f"{verdict.get_rating_display()}: «{verdict.claim.text[:120]}» ({speaker})"

    def item_description(self, verdict: Verdict) -> str:
        return verdict.summary

    def item_link(self, verdict: Verdict) -> str:
        return verdict.get_absolute_url()

    def item_pubdate(self, verdict: Verdict):
        return verdict.published_at

    def item_updateddate(self, verdict: Verdict):
        return verdict.updated_at

    def item_author_name(self, verdict: Verdict) -> str:
        return verdict.byline
