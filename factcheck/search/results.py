"""Search results as the page and the API show them: objects, text, snippet, addresses."""

from dataclasses import dataclass

from django.urls import reverse

from articles.models import Article
from factcheck.models import Claim, Speaker, Statement

from .query import Results, SearchRequest, search, snippet


@dataclass(frozen=True)
class Result:
    type: str
    id: int
    text: str
    snippet: str  # HTML, escaped, with <mark> around matches
    score: float
    path: str  # API path
    web_path: str  # public page


@dataclass(frozen=True)
class SearchPage:
    count: int
    results: list[Result]
    facets: dict[str, dict[str, int]]
    page: int
    page_size: int

    @property
    def pages(self) -> int:
        return max(1, -(-self.count // self.page_size))


def _texts(kind: str, ids: list[int]) -> dict[int, tuple[str, str]]:
    """id -> (display text, text to find the snippet in) for one kind, in one query."""
    if kind == "claim":
        return {c.pk: (c.text, c.text) for c in Claim.objects.filter(pk__in=ids).only("id", "text")}
    if kind == "statement":
        return {
            s.pk: (s.quote, s.quote)
            for s in Statement.objects.filter(pk__in=ids).only("id", "quote")
        }
    if kind == "article":
        rows = Article.objects.filter(pk__in=ids).only("id", "title", "text")
        return {a.pk: (a.title or a.text[:120], a.text) for a in rows}
    rows = Speaker.objects.filter(pk__in=ids).prefetch_related("roles")
    return {s.pk: (s.name, " ".join(r.title for r in s.roles.all()) or s.name) for s in rows}


_PAGES = {
    "claim": ("api:claim-detail", lambda pk, extra: reverse("claim-detail", args=[pk])),
    "statement": ("api:statement-detail", lambda pk, extra: extra),
    "article": ("api:article-detail", lambda pk, extra: reverse("article-detail", args=[pk])),
    "speaker": ("api:speaker-detail", lambda pk, extra: reverse("speaker-detail", args=[pk])),
}


def run_search(request: SearchRequest) -> SearchPage:
    """The page of results for the request; raises SearchUnavailable when the index is down."""
    found: Results = search(request)
    texts: dict[str, dict[int, tuple[str, str]]] = {}
    for kind in {h.type for h in found.hits}:
        texts[kind] = _texts(kind, [h.obj_id for h in found.hits if h.type == kind])
    statement_pages = {
        s.pk: f"{reverse('article-detail', args=[s.article_id])}#statement-{s.pk}"
        for s in Statement.objects.filter(
            pk__in=[h.obj_id for h in found.hits if h.type == "statement"]
        ).only("id", "article_id")
    }
    results = []
    for hit in found.hits:
        shown, searched = texts.get(hit.type, {}).get(hit.obj_id, ("", ""))
        if not shown:
            continue  # deleted since it was indexed
        api_name, web = _PAGES[hit.type]
        results.append(
            Result(
                type=hit.type,
                id=hit.obj_id,
                text=shown,
                snippet=snippet(searched, found.terms),
                score=hit.score,
                path=reverse(api_name, args=[hit.obj_id]),
                web_path=web(hit.obj_id, statement_pages.get(hit.obj_id, "")),
            )
        )
    return SearchPage(found.count, results, found.facets, request.page, request.page_size)
