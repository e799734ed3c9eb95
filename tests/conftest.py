import pytest

from tests import builders


@pytest.fixture
def home(db):
    return builders.build_home()
