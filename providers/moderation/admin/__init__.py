"""Moderators' views in the Wagtail admin (registered in providers/wagtail_hooks.py)."""
