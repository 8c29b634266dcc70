"""The public website: what each page shows, CSP and offline guarantees, escaping, SEO tags,
and SQL query counts that do not grow with the rows shown."""

import json
import re
from datetime import UTC

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles.models import Source
from factcheck import editorial
from factcheck.models import Claim, ClaimAppearance, Rating, Speaker, Statement, Verdict

pytestmark = pytest.mark.django_db


def json_ld(html: str) -> dict:
    match = re.search(
        r'<script type="application/ld\+json" nonce="([^"]+)">(.*?)</script>', html, re.S
    )
    assert match, "no JSON-LD on the page"
    return json.loads(match.group(2))


def publish(claim, editor, rating="false", summary="نادرست است", **extra) -> Verdict:
    return editorial.verdict_create(
        claim=claim, editor=editor, rating=rating, summary=summary, publish=True, **extra
    )


# --- every page -------------------------------------------------------------------------


def public_paths(article, claim) -> list[str]:
    return [
        "/",
        "/claims/",
        claim.get_absolute_url(),
        claim.speaker.get_absolute_url(),
        article.get_absolute_url(),
        article.source.get_absolute_url(),
        "/articles/",
        "/speakers/",
        "/search/?q=پیامرسان",
        "/methodology/",
        "/corrections/",
    ]


def test_every_page_is_rtl_with_skip_link_landmarks_and_one_h1(client, founding_article, claim):
    for path in public_paths(founding_article, claim):
        response = client.get(path)
        html = response.content.decode()
        assert response.status_code == 200, path
        assert '<html lang="fa" dir="rtl">' in html, path
        assert '<a class="skip-link" href="#content">' in html, path
        assert '<main id="content"' in html and "<header" in html and "<footer" in html, path
        assert html.count("<h1") == 1, path


def test_pages_request_nothing_from_another_host(client, founding_article, claim):
    for path in public_paths(founding_article, claim):
        html = client.get(path).content.decode()
        # Everything a browser loads by itself: scripts, styles, fonts, images, frames.
        loaded = re.findall(r"<(?:script|link|img|iframe|source|audio|video)\b[^>]*>", html)
        for tag in loaded:
            for address in re.findall(r'(?:src|href)="([^"]+)"', tag):
                assert address.startswith("/") or address.startswith("http://testserver/"), (
                    path,
                    tag,
                )


def test_content_security_policy_forbids_inline_scripts_and_other_hosts(client, founding_article):
    policy = client.get("/")["Content-Security-Policy"]
    directives = dict(d.strip().split(" ", 1) for d in policy.split(";") if d.strip())
    assert directives["default-src"] == "'self'"
    # A nonce appears only on pages that use one (those with JSON-LD).
    assert re.fullmatch(r"'self'( 'nonce-[\w+/=-]+')?", directives["script-src"])
    assert "unsafe-inline" not in policy and "http" not in policy
    assert directives["object-src"] == "'none'" and directives["frame-ancestors"] == "'none'"


def test_only_the_json_ld_is_an_inline_script_and_it_carries_the_nonce(client, claim, editor):
    publish(claim, editor)
    response = client.get(claim.get_absolute_url())
    html = response.content.decode()
    nonce = re.search(r"'nonce-([^']+)'", response["Content-Security-Policy"]).group(1)
    scripts = re.findall(r"<script\b[^>]*>", html)
    assert scripts == [f'<script type="application/ld+json" nonce="{nonce}">']


def test_font_and_its_licence_are_served_by_the_site(client):
    html = client.get("/methodology/").content.decode()
    css = re.search(r'href="(/static/css/site\.css)"', html).group(1)
    assert client.get(css).status_code == 200
    for name in ("Vazirmatn-Regular.woff2", "Vazirmatn-Bold.woff2", "OFL.txt"):
        response = client.get(f"/static/fonts/vazirmatn/{name}")
        assert response.status_code == 200, name
    stylesheet = b"".join(client.get(css).streaming_content).decode()
    assert 'url("../fonts/vazirmatn/Vazirmatn-Regular.woff2")' in stylesheet


def test_share_tags_canonical_and_feed_link(client, claim, editor):
    publish(claim, editor, rating="mostly-true", summary="حضور ۱۲ کشور تأیید شد")
    html = client.get(f"{claim.get_absolute_url()}?utm_source=x").content.decode()
    url = f"http://testserver{claim.get_absolute_url()}"
    assert f'<link rel="canonical" href="{url}">' in html
    assert f'<meta property="og:url" content="{url}">' in html
    assert '<meta property="og:type" content="article">' in html
    assert re.search(r'<meta property="og:title" content="عمدتاً درست: «چندی پیش', html)
    assert '<meta property="og:description" content="حضور ۱۲ کشور تأیید شد">' in html
    assert '<meta name="twitter:card" content="summary">' in html
    assert '<link rel="alternate" type="application/atom+xml"' in html
    assert 'href="/feeds/verdicts/"' in html


def test_canonical_of_a_later_list_page_keeps_the_page(client, founding_article):
    html = client.get("/claims/?page=2&page_size=5&rating=").content.decode()
    assert '<link rel="canonical" href="http://testserver/claims/?page=2">' in html


def test_sitemap_lists_public_pages(client, founding_article, claim):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    xml = response.content.decode()
    for path in ("/", "/methodology/", "/corrections/", claim.get_absolute_url()):
        assert f"<loc>http://testserver{path}</loc>" in xml
    assert f"<loc>http://testserver{founding_article.get_absolute_url()}</loc>" in xml
    assert f"http://testserver{claim.speaker.get_absolute_url()}" in xml


def test_rejected_claims_are_not_in_the_sitemap(client, founding_article, claim, editor):
    for appearance in claim.appearances.all():
        statement = appearance.statement
        editorial.statement_reject(statement=statement, editor=editor, reason="نادرست")
    xml = client.get("/sitemap.xml").content.decode()
    assert f"http://testserver{claim.get_absolute_url()}<" not in xml


# --- escaping ---------------------------------------------------------------------------


def test_editor_text_is_escaped_on_the_claim_page_and_in_json_ld(client, claim, editor):
    publish(
        claim,
        editor,
        summary="</script><script>alert(1)</script>",
        reasoning="<img src=x onerror=alert(2)>",
    )
    html = client.get(claim.get_absolute_url()).content.decode()
    assert "<script>alert(1)" not in html and "<img src=x" not in html
    assert "&lt;/script&gt;&lt;script&gt;alert(1)" in html
    assert json_ld(html)["claimReviewed"] == claim.text


# --- home -------------------------------------------------------------------------------


def test_home_shows_latest_verdicts_checked_speakers_and_recent_articles(
    client, founding_article, claim, editor
):
    publish(claim, editor, rating="half-true", summary="بخشی درست است")
    response = client.get("/")
    html = response.content.decode()
    assert [c.pk for c in response.context["checked"]] == [claim.pk]
    assert "نیمه‌درست" in html and "بخشی درست است" in html
    assert "۱ ادعای بررسی‌شده از" in html
    assert founding_article.title in html


# --- claims list ------------------------------------------------------------------------


def shown(client, query: str) -> set[int]:
    return {c.pk for c in client.get(f"/claims/?page_size=100&{query}").context["page"]}


def test_claims_filter_by_rating_and_unrated(client, founding_article, claim, editor):
    publish(claim, editor, rating="false")
    assert shown(client, "rating=false") == {claim.pk}
    assert claim.pk not in shown(client, "rating=unrated")
    assert len(shown(client, "rating=unrated")) == Claim.objects.count() - 1


def test_claims_filter_by_speaker_source_and_type(client, founding_article, claim):
    everything = shown(client, "")
    assert shown(client, f"speaker={claim.speaker_id}") == everything
    assert shown(client, f"source={founding_article.source_id}") == everything
    other = Source.objects.create(name="منبع دیگر")
    assert shown(client, f"source={other.pk}") == set()
    assert shown(client, f"claim_type={claim.claim_type}") == set(
        Claim.objects.filter(claim_type=claim.claim_type).values_list("pk", flat=True)
    )


def test_claims_filter_by_date_in_tehran_time(client, founding_article, claim):
    # 21:00 UTC on 25 July is 00:30 on 26 July in Tehran.
    Claim.objects.filter(pk=claim.pk).update(
        first_seen_at=timezone.datetime(2023, 7, 25, 21, 0, tzinfo=UTC)
    )
    assert claim.pk in shown(client, "date_from=2023-07-26&date_to=2023-07-26")
    assert claim.pk not in shown(client, "date_from=2023-07-27")
    assert claim.pk not in shown(client, "date_to=2023-07-25")


def test_invalid_filters_are_ignored_and_kept_in_pagination(client, founding_article):
    response = client.get("/claims/?rating=nonsense&page_size=2")
    assert response.status_code == 200
    html = client.get("/claims/?claim_type=factual&page_size=2").content.decode()
    assert 'href="?claim_type=factual&amp;page_size=2&amp;page=2"' in html


# --- claim page -------------------------------------------------------------------------


def test_claim_page_shows_the_claim_in_its_paragraph_with_role_and_appearances(client, claim):
    html = client.get(claim.get_absolute_url()).content.decode()
    assert f'<mark class="sentence">{claim.text}</mark>' in html
    assert "وزیر ارتباطات و فناوری اطلاعات" in html
    assert "سمت در زمان این سخن" in html
    assert "این ادعا هنوز راستی‌آزمایی نشده است" in html
    first = claim.appearances.first().statement
    assert f'href="/articles/{first.article_id}/#statement-{first.pk}"' in html


def test_claim_page_groups_evidence_by_stance(client, claim, editor):
    for stance, title in [("supports", "سند موافق"), ("refutes", "سند مخالف")]:
        editorial.evidence_add(
            claim=claim, editor=editor, url="https://e.example/", title=title, stance=stance
        )
    html = client.get(claim.get_absolute_url()).content.decode()
    supports = html.index("شواهدی که ادعا را تأیید می‌کنند")
    refutes = html.index("شواهدی که ادعا را رد می‌کنند")
    assert supports < html.index("سند موافق") < refutes < html.index("سند مخالف")


def test_claim_page_timeline_shows_the_correction_and_its_reason(client, claim, editor):
    publish(claim, editor, rating="true", summary="درست")
    publish(claim, editor, rating="false", summary="نادرست", correction_reason="سند تازه رسید")
    html = client.get(claim.get_absolute_url()).content.decode()
    timeline = html[html.index('id="verdict-history"') :]
    assert timeline.index("نادرست") < timeline.index("درست</span>")
    assert "اصلاحیه: سند تازه رسید" in timeline
    assert "حکم کنونی" in timeline


def test_claim_page_links_the_same_claim_by_another_speaker(client, claim):
    other = Speaker.objects.create(name="گوینده دیگر", name_key="گوینده دیگر")
    twin = Claim.objects.create(speaker=other, text=claim.text, fingerprint=claim.fingerprint)
    appearance = claim.appearances.first()
    ClaimAppearance.objects.create(
        claim=twin, statement=appearance.statement, start=appearance.start, end=appearance.end + 0
    )
    html = client.get(claim.get_absolute_url()).content.decode()
    assert "همین ادعا از زبان دیگران" in html and twin.get_absolute_url() in html


def test_claim_page_lists_other_claims_of_the_speaker_on_the_topic(client, claim):
    related = client.get(claim.get_absolute_url()).context["on_topic"]
    assert related and claim not in related
    assert all(c.speaker_id == claim.speaker_id for c in related)


def test_claim_page_has_a_share_link(client, claim):
    html = client.get(claim.get_absolute_url()).content.decode()
    url = f"http://testserver{claim.get_absolute_url()}"
    assert f'<input id="share-url" type="url" value="{url}" readonly>' in html
    assert "https://t.me/share/url?url=http%3A%2F%2Ftestserver%2Fclaims%2F" in html


# --- speaker page -----------------------------------------------------------------------


def test_speaker_page_chart_names_every_rating_with_its_count(client, founding_article, editor):
    speaker = Speaker.objects.get()
    for claim, rating in zip(speaker.claims.all(), ["false", "false", "true"], strict=False):
        publish(claim, editor, rating=rating)
    html = client.get(speaker.get_absolute_url()).content.decode()
    svg = html[html.index("<svg") : html.index("</svg>")]
    assert 'role="img"' in svg and '<title id="chart-title">' in svg and "<desc" in svg
    assert "نادرست: ۲" in svg and "درست: ۱" in svg
    for label in Rating.labels:
        assert f">{label}</text>" in svg


def test_speaker_page_shows_aliases_roles_and_promise_record(client, founding_article):
    speaker = Speaker.objects.get()
    promise = speaker.claims.first()
    Claim.objects.filter(pk=promise.pk).update(claim_type="promise", promise_status="kept")
    html = client.get(speaker.get_absolute_url()).content.decode()
    assert "سمت‌ها در گذر زمان" in html and "وزیر ارتباطات و فناوری اطلاعات" in html
    assert "کارنامهٔ وعده‌ها" in html
    assert '<tr><th scope="row">عمل شده</th><td>۱</td></tr>' in html


# --- article and source pages -----------------------------------------------------------


def test_article_page_links_claim_sentences_and_anchors_each_statement_once(
    client, founding_article
):
    html = client.get(founding_article.get_absolute_url()).content.decode()
    claim = Claim.objects.first()
    assert f'<a class="claim-link" href="/claims/{claim.pk}/">' in html
    for statement in Statement.objects.filter(article=founding_article):
        assert html.count(f'id="statement-{statement.pk}"') == 1


def test_article_page_shows_jalali_and_gregorian_dates(client, founding_article):
    founding_article.published_at = timezone.make_aware(timezone.datetime(2023, 7, 26, 12, 13))
    founding_article.save()
    html = client.get(founding_article.get_absolute_url()).content.decode()
    assert '<time datetime="2023-07-26T12:13:00+03:30">۴ مرداد ۱۴۰۲، ساعت ۱۲:۱۳</time>' in html
    assert "(۲۶ ژوئیه ۲۰۲۳)" in html


def test_source_page_lists_articles_and_most_quoted_speakers(client, founding_article):
    html = client.get(founding_article.source.get_absolute_url()).content.decode()
    assert founding_article.title in html
    assert "عیسی زارع‌پور" in html
    assert f'href="/claims/?source={founding_article.source_id}"' in html


# --- methodology and corrections --------------------------------------------------------


def test_methodology_explains_every_rating(client):
    html = client.get("/methodology/").content.decode()
    for value, label in Rating.choices:
        assert f'id="rating-{value}"' in html and label in html
    assert "گفت:" in html and "خطا می‌کند" in html


def test_corrections_list_each_replacing_verdict_with_reason_and_previous_rating(
    client, claim, editor
):
    publish(claim, editor, rating="true", summary="نخست")
    publish(claim, editor, rating="false", summary="دوم", correction_reason="آمار رسمی تازه")
    response = client.get("/corrections/")
    html = response.content.decode()
    [(verdict, previous)] = response.context["rows"]
    assert (verdict.summary, previous.summary) == ("دوم", "نخست")
    assert "آمار رسمی تازه" in html
    assert html.index('rating-true">درست') < html.index('rating-false">نادرست')


def test_corrections_page_without_corrections(client, claim, editor):
    publish(claim, editor)
    html = client.get("/corrections/").content.decode()
    assert "تاکنون هیچ حکمی اصلاح نشده است" in html


# --- SQL queries do not grow with the rows shown -----------------------------------------


def queries(client, path: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(path).status_code == 200, path
    return len(captured)


def test_list_pages_cost_the_same_queries_for_5_and_50_rows(client, sample_kb, editor):
    for claim in Claim.objects.filter(current_verdict__isnull=False)[:60]:
        publish(claim, editor, rating="unproven", correction_reason="بازبینی")
    speaker = Speaker.objects.most_checked().first()
    source = Source.objects.first()
    paths = [
        "/claims/",
        "/claims/?rating=unproven",
        f"/claims/?source={source.pk}",
        "/articles/",
        "/speakers/",
        speaker.get_absolute_url(),
        source.get_absolute_url(),
        "/corrections/",
    ]
    for path in paths:
        joiner = "&" if "?" in path else "?"
        few = client.get(f"{path}{joiner}page_size=5").context["page"]
        many = client.get(f"{path}{joiner}page_size=50").context["page"]
        assert len(many) > len(few) == 5, path
        assert queries(client, f"{path}{joiner}page_size=5") == queries(
            client, f"{path}{joiner}page_size=50"
        ), path


def test_api_docs_run_no_inline_script_and_relax_only_styles(client):
    response = client.get("/api/v1/docs/")
    policy = response["Content-Security-Policy"]
    assert "script-src 'self';" in policy and "style-src 'self' 'unsafe-inline'" in policy
    assert re.findall(r"<script>", response.content.decode()) == []
