"""Anonymous requests are throttled at FACTCHECK_ANON_RATE (DRF rate syntax: 120/minute)."""

from django.conf import settings
from rest_framework.throttling import AnonRateThrottle


class AnonThrottle(AnonRateThrottle):
    def get_rate(self) -> str | None:
        # Read at request time (not import time) so deployments and tests can change it.
        return settings.FACTCHECK_ANON_RATE or None
