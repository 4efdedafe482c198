"""Django's file-based cache, culled now and then rather than at every write.

Django's `FileBasedCache.set` lists the whole cache directory to count its entries before
every write: 29 ms a write with 13 000 entries on this machine, several writes for a page
that was not cached, so that a warm site served distinct pages slower than with the caches
off. Here a process counts the entries once every CULL_EVERY writes: the directory may hold
that many entries more than MAX_ENTRIES (per process) between two counts.
"""

import itertools

from django.core.cache.backends.filebased import FileBasedCache

CULL_EVERY = 200


class FileCache(FileBasedCache):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._writes = itertools.count(1)

    def _cull(self):
        if next(self._writes) % CULL_EVERY == 0:
            super()._cull()
