"""Fixtures for the moderators' admin views (test_moderation_admin, test_moderation_checks)."""

from datetime import timedelta

import pytest
from django.utils import timezone

from tests import builders


@pytest.fixture
def moderator(db):
    return builders.build_user(username="mod", email="mod@example.org", groups=["Moderators"])


@pytest.fixture
def listings(directory, thurrock_postcodes):
    now = timezone.now()
    today = timezone.localdate()
    grays = builders.build_provider(directory=directory, title="Grays Companions")
    builders.build_check(page=grays, kind="insurance", expires_on=today + timedelta(days=10))
    southend = builders.build_provider(
        directory=directory,
        title="Southend Shared Lives",
        kind="shared_lives",
        postcode="SS1 1AA",
        town="Southend",
        last_confirmed_at=now - timedelta(days=200),
    )
    cardiff = builders.build_provider(
        directory=directory, title="Cardiff Care Co", postcode="CF10 1EP", town="Cardiff"
    )
    draft = builders.build_provider(directory=directory, title="Draft Helpers", live=False)
    # A live listing with changes awaiting approval.
    pending = builders.build_provider(directory=directory, title="Pending Changes Ltd")
    pending.summary = "Changed."
    pending.save_revision()
    pending.get_workflow().start(pending, None)
    # A new listing awaiting its first approval.
    awaiting = builders.build_provider(directory=directory, title="Awaiting Approval", live=False)
    awaiting.get_workflow().start(awaiting, None)
    return {
        "grays": grays,
        "southend": southend,
        "cardiff": cardiff,
        "draft": draft,
        "pending": pending,
        "awaiting": awaiting,
    }
