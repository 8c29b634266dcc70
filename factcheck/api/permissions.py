"""Everyone reads; only editors write."""

from rest_framework.permissions import SAFE_METHODS, BasePermission

from factcheck.editorial import is_editor


class EditorOrReadOnly(BasePermission):
    message = "Only editors may change the knowledge base."

    def has_permission(self, request, view) -> bool:
        return request.method in SAFE_METHODS or is_editor(request.user)
