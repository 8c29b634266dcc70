"""The one place side effects are hooked for writes that bypass factcheck.editorial.

The Django admin, bulk scripts and the shell save models directly; these handlers run the
same service functions the editorial workflows call, so a verdict published in the admin
updates its claim exactly as one published through the site or the API.
"""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from .models import Claim, Verdict


@receiver(post_save, sender=Verdict)
@receiver(post_delete, sender=Verdict)
def verdict_changed(sender, instance: Verdict, **kwargs) -> None:
    from .editorial import claim_refresh

    claim = Claim.objects.filter(pk=instance.claim_id).first()
    if claim is not None:
        claim_refresh(claim)
