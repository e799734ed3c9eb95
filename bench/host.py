"""How fast this (shared, virtual) host is running right now, printed beside figures.

The same code measured here has run up to twice as slow from one hour to the next,
whatever else the machine was doing, so a timing means little without this beside it:
the seconds a bare 10-million-iteration Python loop takes (0.34 s on a quiet host here)."""

import os
import time


def loop_seconds() -> float:
    started = time.perf_counter()
    for _ in range(10_000_000):
        pass
    return time.perf_counter() - started


def describe() -> str:
    return (
        f"host: 10M-iteration loop {loop_seconds():.2f} s (0.34 s when quiet), "
        f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs"
    )
