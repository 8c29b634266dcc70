"""The JSON API, mounted at /api/v1/."""

from django.urls import path
from rest_framework.routers import DefaultRouter

from . import views

app_name = "api"

router = DefaultRouter()
router.register("claims", views.ClaimViewSet, basename="claim")
router.register("verdicts", views.VerdictViewSet, basename="verdict")
router.register("evidence", views.EvidenceViewSet, basename="evidence")
router.register("speakers", views.SpeakerViewSet, basename="speaker")

urlpatterns = [
    path("claims/<int:pk>/verdicts/", views.ClaimVerdictsView.as_view(), name="claim-verdicts"),
    path("claims/<int:pk>/evidence/", views.ClaimEvidenceView.as_view(), name="claim-evidence"),
    *router.urls,
]
