"""Signals that other apps may listen to (providers depends on no other app)."""

from django.dispatch import Signal

# A listing's last_confirmed_at was written outside a publish (reconfirming it; importing
# it again): sent with page_id and confirmed_at, inside the transaction that wrote it.
# Publishing sends Wagtail's page_published as usual.
listing_confirmed = Signal()
