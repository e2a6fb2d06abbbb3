"""bench.proc reads this very process's memory and CPU time as the operating system counts them."""

from __future__ import annotations

import os

from bench.proc import cpu_seconds, rss_bytes

MEGABYTE = 2**20


def test_resident_memory_grows_by_what_the_process_touches() -> None:
    before = rss_bytes(os.getpid())
    block = bytearray(b"x" * (64 * MEGABYTE))  # written, so every page is resident
    grown = rss_bytes(os.getpid()) - before
    del block
    assert 60 * MEGABYTE <= grown <= 80 * MEGABYTE


def test_cpu_time_grows_with_work_and_matches_os_times() -> None:
    before = cpu_seconds(os.getpid())
    sum(number * number for number in range(2_000_000))
    after = cpu_seconds(os.getpid())
    times = os.times()
    assert after > before
    assert abs(after - (times.user + times.system)) < 0.05
