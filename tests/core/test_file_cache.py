"""The file cache counts its entries once every CULL_EVERY writes, and still keeps to its
size give or take that many."""

import time

from core.file_cache import CULL_EVERY, FileCache


def test_the_cache_stays_near_its_size_without_listing_itself_at_every_write(tmp_path):
    cache = FileCache(str(tmp_path), {"OPTIONS": {"MAX_ENTRIES": 300}})
    started = time.perf_counter()
    for number in range(5 * CULL_EVERY):
        cache.set(f"key-{number}", "x" * 100, 60)
    elapsed = time.perf_counter() - started
    entries = len(list(tmp_path.glob("*.djcache")))
    assert entries <= 300 + CULL_EVERY
    assert cache.get(f"key-{5 * CULL_EVERY - 1}") == "x" * 100
    assert elapsed < 5 * CULL_EVERY * 0.01  # well under 10 ms a write


def test_the_cull_runs_once_every_cull_every_writes(tmp_path, monkeypatch):
    cache = FileCache(str(tmp_path), {"OPTIONS": {"MAX_ENTRIES": 10}})
    listed = []
    original = cache._list_cache_files
    monkeypatch.setattr(cache, "_list_cache_files", lambda: listed.append(1) or original())
    for number in range(2 * CULL_EVERY):
        cache.set(f"key-{number}", "x", 60)
    assert len(listed) == 2
