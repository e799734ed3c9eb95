"""The public side of a listing: its profile page and the two forms under it ("Contact this
provider" and "Report a problem with this listing"), mounted as Wagtail routes on the page."""
