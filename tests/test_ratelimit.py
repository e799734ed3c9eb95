"""The per-address rate limit any app's public form may use (home.ratelimit)."""

from home.ratelimit import consume, consume_rolling, give_back_rolling, is_limited

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


ROLLING = {"limit": 3, "window_seconds": 24 * 3600}
HOUR = 3600


def test_a_rolling_window_counts_the_last_24_hours_not_the_calendar_day():
    def consume_at(hours):
        return consume_rolling(
            scope="invite", address="7", now=HOUR_START + hours * HOUR, **ROLLING
        )

    assert consume_at(0) and consume_at(0.5) and consume_at(20)
    assert not consume_at(20.5)
    assert not consume_at(23.9)  # a fixed daily window would have started again by now
    assert consume_at(24)  # the first two no longer count: two more may go
    assert consume_at(24.5)
    assert not consume_at(25)
    assert consume_rolling(scope="invite", address="8", now=HOUR_START + 25 * HOUR, **ROLLING)


def test_a_refused_or_given_back_try_does_not_count():
    for _n in range(5):
        consume_rolling(scope="invite", address="7", now=HOUR_START, **ROLLING)
    give_back_rolling(scope="invite", address="7", window_seconds=24 * HOUR, now=HOUR_START)

    assert consume_rolling(scope="invite", address="7", now=HOUR_START + 1, **ROLLING)
    assert not consume_rolling(scope="invite", address="7", now=HOUR_START + 2, **ROLLING)
