"""Filtering only when asked: building a FilterSet's form costs milliseconds a request."""

from django_filters.rest_framework import DjangoFilterBackend


class FilterBackend(DjangoFilterBackend):
    def filter_queryset(self, request, queryset, view):
        filterset_class = self.get_filterset_class(view, queryset)
        if filterset_class is None:
            return queryset
        wanted = set(request.query_params)
        if not wanted & set(filterset_class.base_filters):
            return queryset
        return super().filter_queryset(request, queryset, view)
