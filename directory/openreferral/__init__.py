"""The Open Referral UK (HSDS 3.0) read API: what the directory publishes for reuse.

Only live, public, visible listings (providers.selectors.visible_listings). A home-based
provider (a micro-enterprise without business premises, and every Shared Lives scheme)
is located at the centroid of its outward postcode, never closer; only a micro-enterprise's
business premises address is published as an address."""
