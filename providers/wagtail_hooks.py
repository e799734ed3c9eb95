from wagtail import hooks
from wagtail.permissions import register_permission_policy

from .models import ProblemReport
from .problem_reports import ProblemReportViewSet, policy

# Registered before any viewset asks for ProblemReport's policy (see wagtail.permissions).
register_permission_policy(ProblemReport, policy)


@hooks.register("register_admin_viewset")
def register_problem_reports():
    return ProblemReportViewSet("problem_reports")
