"""Moderation of listings: the Wagtail workflow providers' changes go through, what the
provider is told about the outcome, freshness reminders and the moderators' admin views."""
