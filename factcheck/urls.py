from django.contrib import admin
from django.urls import path

from . import views

urlpatterns = [
    path("", views.home, name="home"),
    path("claims/", views.claim_list, name="claim-list"),
    path("claims/<int:pk>/", views.claim_detail, name="claim-detail"),
    path("articles/", views.article_list, name="article-list"),
    path("articles/<int:pk>/", views.article_detail, name="article-detail"),
    path("speakers/", views.speaker_list, name="speaker-list"),
    path("speakers/<int:pk>/", views.speaker_detail, name="speaker-detail"),
    path("sources/<int:pk>/", views.source_detail, name="source-detail"),
    path("admin/", admin.site.urls),
]
