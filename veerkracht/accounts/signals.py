from __future__ import annotations

from django.db.models.signals import post_save
from django.dispatch import receiver

from .models import Profile, User


@receiver(post_save, sender=User)
def ensure_profile(sender: type[User], instance: User, created: bool, **kwargs) -> None:
    # Users are also created by allauth and createsuperuser, not only by our services.
    if created:
        Profile.objects.get_or_create(user=instance)
