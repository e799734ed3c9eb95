"""Claiming a listing nobody runs yet ("Is this your business?"): a provider asks, a
moderator decides in the Wagtail admin, and on approval the provider owns the listing
and runs it through the portal like any other."""
