"""The one place side effects are hooked for every write path.

The Django admin, bulk scripts and the shell save models directly; these handlers run the
same service functions the editorial workflows call, so a verdict published in the admin
updates its claim (and the search index) exactly as one published through the site or API.
"""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from articles.models import Article

from . import tasks
from .models import Claim, Speaker, Statement, Verdict


@receiver(post_save, sender=Verdict)
@receiver(post_delete, sender=Verdict)
def verdict_changed(sender, instance: Verdict, **kwargs) -> None:
    if kwargs.get("raw"):
        return  # a fixture or a restore: rows arrive as they were, nothing to derive
    from .editorial import claim_refresh

    claim = Claim.objects.filter(pk=instance.claim_id).first()
    if claim is not None:
        claim_refresh(claim)
    tasks.reindex_on_commit("claim", [instance.claim_id])


_KINDS = {Claim: "claim", Statement: "statement", Speaker: "speaker", Article: "article"}


@receiver(post_save)
@receiver(post_delete)
def searchable_changed(sender, instance, **kwargs) -> None:
    if kwargs.get("raw"):
        return  # a restore rebuilds the whole index afterwards
    kind = _KINDS.get(sender)
    if kind is not None:
        tasks.reindex_on_commit(kind, [instance.pk])
