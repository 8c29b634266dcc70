"""The JSON API, mounted at /api/v1/."""

from django.conf import settings
from django.urls import path, re_path, register_converter
from django.utils.csp import CSP
from django.views.decorators.csp import csp_override
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.routers import DefaultRouter

from . import exports, search, views

app_name = "api"


class IdConverter:
    """Object ids of at most 18 digits: anything longer cannot exist and gets a 404."""

    regex = "[0-9]{1,18}"

    def to_python(self, value: str) -> int:
        return int(value)

    def to_url(self, value: int) -> str:
        return str(value)


register_converter(IdConverter, "id")


class Router(DefaultRouter):
    def get_lookup_regex(self, viewset, lookup_prefix=""):
        return f"(?P<{lookup_prefix}pk>[0-9]{{1,18}})"


router = Router()
router.register("claims", views.ClaimViewSet, basename="claim")
router.register("verdicts", views.VerdictViewSet, basename="verdict")
router.register("evidence", views.EvidenceViewSet, basename="evidence")
router.register("speakers", views.SpeakerViewSet, basename="speaker")
router.register("statements", views.StatementViewSet, basename="statement")
router.register("articles", views.ArticleViewSet, basename="article")
router.register("sources", views.SourceViewSet, basename="source")

# Swagger UI's scripts are files of the site (the split view serves its init script too);
# its styles are set inline, so only this page allows inline styles.
api_docs = csp_override({**settings.SECURE_CSP, "style-src": [CSP.SELF, CSP.UNSAFE_INLINE]})(
    SpectacularSwaggerSplitView.as_view(url_name="api:schema")
)

urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", api_docs, name="docs"),
    path("exports/claims.jsonl", exports.claims_jsonl, name="export-claims-jsonl"),
    path("exports/claims.csv", exports.claims_csv, name="export-claims-csv"),
    path("exports/statements.jsonl", exports.statements_jsonl, name="export-statements-jsonl"),
    path("exports/statements.csv", exports.statements_csv, name="export-statements-csv"),
    path("exports/claimreview.json", exports.claimreview_json, name="export-claimreview"),
    path("search/", search.SearchView.as_view(), name="search"),
    path("claims/<id:pk>/verdicts/", views.ClaimVerdictsView.as_view(), name="claim-verdicts"),
    path("claims/<id:pk>/evidence/", views.ClaimEvidenceView.as_view(), name="claim-evidence"),
    *router.urls,
    re_path(r"^[\s\S]*$", views.not_found),  # any path, newlines included
]
