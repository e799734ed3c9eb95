"""The per-address rate limit any app's public form may use (home.ratelimit)."""

from home.ratelimit import consume, is_limited

RULE = {"limit": 2, "window_seconds": 3600}
HOUR_START = 1_800_000_000.0  # the first second of an hour's window


def test_an_address_may_do_it_limit_times_in_a_window():
    assert consume(scope="form", address="192.0.2.1", now=HOUR_START, **RULE)
    assert not is_limited(scope="form", address="192.0.2.1", now=HOUR_START, **RULE)
    assert consume(scope="form", address="192.0.2.1", now=HOUR_START + 1, **RULE)

    assert is_limited(scope="form", address="192.0.2.1", now=HOUR_START + 2, **RULE)
    assert not consume(scope="form", address="192.0.2.1", now=HOUR_START + 3, **RULE)


def test_other_addresses_scopes_and_windows_are_counted_apart():
    for _n in range(3):
        consume(scope="form", address="192.0.2.1", now=HOUR_START, **RULE)

    assert not is_limited(scope="form", address="192.0.2.2", now=HOUR_START, **RULE)
    assert not is_limited(scope="other", address="192.0.2.1", now=HOUR_START, **RULE)
    assert not is_limited(scope="form", address="192.0.2.1", now=HOUR_START + 3600, **RULE)
