"""Signals other apps may listen to (providers never imports them)."""

from django.dispatch import Signal

# Sent with `page` (a ProviderPage) after its owner confirms the listing is still right:
# last_confirmed_at changed on the live row without a publish.
listing_confirmed = Signal()
