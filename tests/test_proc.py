"""bench.proc reads this very process's memory and CPU time as the operating system counts them."""

from __future__ import annotations

import os

from bench.proc import cpu_seconds, rss_bytes, stat_cpu_seconds

MEGABYTE = 2**20


def test_resident_memory_grows_by_what_the_process_touches() -> None:
    before = rss_bytes(os.getpid())
    block = bytearray(b"x" * (64 * MEGABYTE))  # written, so every page is resident
    grown = rss_bytes(os.getpid()) - before
    del block
    assert 60 * MEGABYTE <= grown <= 80 * MEGABYTE


def test_cpu_time_grows_with_work() -> None:
    before = cpu_seconds(os.getpid())
    sum(number * number for number in range(2_000_000))
    assert cpu_seconds(os.getpid()) > before


def test_cpu_time_is_user_plus_system_ticks_after_the_command_name() -> None:
    # A command name may hold spaces and ") ", which must not shift the fields after it.
    # Fields 4 to 13 (ppid to cmajflt) are 1 to 10 so that a field off by one gives another sum.
    before_utime = "R " + " ".join(str(number) for number in range(1, 11))
    stat = f"4242 (web ) (1 2) {before_utime} 250 70 900 800 20 0 1 0 3087690"
    assert stat_cpu_seconds(stat, clock_ticks=100) == 3.2
