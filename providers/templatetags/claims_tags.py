from django import template

from providers.claims.selectors import claimable

register = template.Library()


@register.inclusion_tag("providers/includes/claim_link_inner.html")
def claim_link(page):
    """ "Is this your business?" on a live listing nobody runs (one query)."""
    return {"page": page, "claimable": claimable(page=page)}
