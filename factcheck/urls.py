from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from . import editor_views, views
from .feeds import VerdictFeed
from .sitemaps import SITEMAPS

urlpatterns = [
    path("", views.home, name="home"),
    path("claims/", views.claim_list, name="claim-list"),
    path("claims/<int:pk>/", views.claim_detail, name="claim-detail"),
    path("articles/", views.article_list, name="article-list"),
    path("articles/<int:pk>/", views.article_detail, name="article-detail"),
    path("speakers/", views.speaker_list, name="speaker-list"),
    path("speakers/<int:pk>/", views.speaker_detail, name="speaker-detail"),
    path("sources/<int:pk>/", views.source_detail, name="source-detail"),
    path("search/", views.search_page, name="search"),
    path("methodology/", views.methodology, name="methodology"),
    path("corrections/", views.corrections, name="corrections"),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("accounts/login/", auth_views.LoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("accounts/byline/", editor_views.byline, name="byline"),
    path("review/", editor_views.review_queue, name="review-queue"),
    path("review/statements/<int:pk>/", editor_views.statement_review, name="statement-review"),
    path("review/speakers/merge/", editor_views.speaker_merge, name="speaker-merge"),
    path("review/claims/", editor_views.claims_desk, name="claims-desk"),
    path("review/feeds/", editor_views.feeds, name="feeds"),
    path("review/feeds/<int:pk>/", editor_views.feed_edit, name="feed-edit"),
    path("review/feeds/<int:pk>/poll/", editor_views.feed_poll_now, name="feed-poll"),
    path("claims/<int:pk>/edit/", editor_views.claim_edit, name="claim-edit"),
    path("claims/<int:pk>/verdicts/", editor_views.verdict_new, name="verdict-new"),
    path(
        "claims/<int:pk>/verdicts/<int:verdict_pk>/publish/",
        editor_views.verdict_publish,
        name="verdict-publish",
    ),
    path("claims/<int:pk>/evidence/", editor_views.evidence_new, name="evidence-new"),
    path("claims/<int:pk>/split/", editor_views.claim_split, name="claim-split"),
    path("claims/<int:pk>/merge/", editor_views.claim_merge, name="claim-merge"),
    path("feeds/verdicts/", VerdictFeed(), name="verdict-feed"),
    path("admin/", admin.site.urls),
    path("api/v1/", include("factcheck.api.urls")),
]
