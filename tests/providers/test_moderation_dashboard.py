"""The "Awaiting your review" panel on a moderator's admin dashboard: a bounded number of
queries however many listings wait, the ones waiting longest first, and a link to the
full list in the moderators' provider listing."""

import re
from datetime import timedelta

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from tests import builders

LISTING_URL = reverse("provider_listings:index")


def submit_new_listings(directory, count, *, start=0):
    """`count` new listings submitted for approval a day apart, oldest first."""
    pages = []
    for n in range(start, start + count):
        page = builders.build_provider(directory=directory, title=f"Awaiting {n:02}", live=False)
        with time_machine.travel(timezone.now() - timedelta(days=100 - n), tick=False):
            page.get_workflow().start(page, None)
        pages.append(page)
    return pages


def dashboard_queries(client) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/admin/")
    assert response.status_code == 200
    return len(queries)


def test_the_dashboard_makes_as_many_queries_for_8_listings_awaiting_review_as_for_2(
    client, moderator, directory, thurrock_postcodes
):
    client.force_login(moderator)
    submit_new_listings(directory, 2)
    client.get("/admin/")  # caches filled (content types, site root)
    two = dashboard_queries(client)

    submit_new_listings(directory, 6, start=2)
    eight = dashboard_queries(client)

    assert eight == two


def test_the_panel_shows_the_ten_waiting_longest_and_links_to_them_all(
    client, moderator, directory, thurrock_postcodes
):
    pages = submit_new_listings(directory, 12)
    client.force_login(moderator)

    html = client.get("/admin/").content.decode()

    shown = re.findall(r">(Awaiting \d\d)</a>", html)
    assert shown == [f"Awaiting {n:02}" for n in range(10)]
    for page in pages[:10]:
        assert f'href="{reverse("wagtailadmin_pages:edit", args=[page.pk])}"' in html
    assert "Approve" in html  # Wagtail's own actions, per listing
    full_list = f"{LISTING_URL}?state=in_review"
    assert f'href="{full_list}"' in html
    assert "View all 12 listings awaiting approval" in html
    listed = client.get(full_list).content.decode()
    assert all(page.title in listed for page in pages)


def test_the_full_list_lists_new_listings_and_changes_awaiting_approval(
    client, moderator, listings
):
    client.force_login(moderator)

    html = client.get("/admin/").content.decode()
    listed = client.get(LISTING_URL, {"state": "in_review"}).content.decode()

    assert "View all 2 listings awaiting approval" in html
    assert "Awaiting Approval" in listed
    assert "Pending Changes Ltd" in listed
    assert "Grays Companions" not in listed
    assert "Draft Helpers" not in listed


def test_staff_who_review_nothing_see_no_panel(client, moderator, listings):
    client.force_login(builders.build_user(groups=["Analysts"]))

    html = client.get("/admin/").content.decode()

    assert "Awaiting your review" not in html
    assert "listings awaiting approval" not in html


@pytest.mark.parametrize("reapproval", [False, True])
def test_tasks_with_status_matches_wagtail_for_each_workflow_state(
    settings, moderator, directory, thurrock_postcodes, reapproval
):
    from wagtail.models import GroupApprovalTask, WorkflowTask

    from providers.moderation.selectors import tasks_with_status

    settings.WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT = reapproval
    workflow = directory.get_workflow()
    second = GroupApprovalTask.objects.create(name="Second look")
    WorkflowTask.objects.create(workflow=workflow, task=second, sort_order=1)
    new, first_approved, rejected, resumed = submit_new_listings(directory, 4)
    for page in (first_approved, rejected, resumed):
        page.current_workflow_state.current_task_state.approve(user=moderator)
    for page in (rejected, resumed):  # at the second task
        page.current_workflow_state.current_task_state.reject(user=moderator)
    resumed.refresh_from_db()
    resumed.save_revision()
    resumed.current_workflow_state.resume(moderator)
    states = [page.current_workflow_state for page in (new, first_approved, rejected, resumed)]

    found = tasks_with_status(workflow_states=states)

    def shown(tasks):
        return [(task.pk, task.status, str(task.status_display)) for task in tasks]

    for state in states:
        assert shown(found[state.pk]) == shown(state.all_tasks_with_status())
    assert [status for _pk, status, _display in shown(found[states[1].pk])] == [
        "approved",
        "in_progress",
    ]
    # Resumed on a new revision: its first approval stands only without re-approval.
    assert shown(found[states[3].pk])[0][1] == (None if reapproval else "approved")
