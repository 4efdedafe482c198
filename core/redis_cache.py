"""Django's Redis cache, failing soft: with Redis out of reach the site works uncached.

The cache is shared by every process and host (core/cache.py's versions reach them all at
once), but it holds nothing that is not also somewhere else: sessions are written through to
the database (`cached_db`), everything else is computed again. So a read that cannot reach
Redis is a miss, a write is dropped, and the error is logged here, in one place, once per
outage. After a failure the backend does not try again for RETRY_SECONDS, so that pages stay
fast while Redis is down rather than waiting on a refused connection at every read.
"""

import functools
import logging
import time

from django.core.cache.backends.redis import RedisCache
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

RETRY_SECONDS = 2.0
FAILURES = (RedisConnectionError, RedisTimeoutError, OSError)


def _fail_soft(default):
    """Wraps a cache method: `default(args, kwargs)` answers while Redis is unreachable."""

    def decorate(method):
        @functools.wraps(method)
        def wrapper(self, *args, **kwargs):
            if self._down_until > time.monotonic():
                return default(args, kwargs)
            try:
                result = method(self, *args, **kwargs)
            except FAILURES as error:
                if not self._down_until:
                    logger.warning("Redis cache unreachable, pages served uncached: %s", error)
                self._down_until = time.monotonic() + RETRY_SECONDS
                return default(args, kwargs)
            if self._down_until:
                logger.warning("Redis cache reachable again.")
                self._down_until = 0.0
            return result

        return wrapper

    return decorate


def _get_default(args, kwargs):
    return kwargs.get("default", args[1] if len(args) > 1 else None)


class FailSoftRedisCache(RedisCache):
    """`django.core.cache.backends.redis.RedisCache`; unreachable, a cache that keeps nothing."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._down_until = 0.0

    get = _fail_soft(_get_default)(RedisCache.get)
    get_many = _fail_soft(lambda args, kwargs: {})(RedisCache.get_many)
    has_key = _fail_soft(lambda args, kwargs: False)(RedisCache.has_key)
    add = _fail_soft(lambda args, kwargs: False)(RedisCache.add)
    set = _fail_soft(lambda args, kwargs: None)(RedisCache.set)
    set_many = _fail_soft(lambda args, kwargs: [])(RedisCache.set_many)
    touch = _fail_soft(lambda args, kwargs: False)(RedisCache.touch)
    delete = _fail_soft(lambda args, kwargs: False)(RedisCache.delete)
    delete_many = _fail_soft(lambda args, kwargs: None)(RedisCache.delete_many)
    clear = _fail_soft(lambda args, kwargs: False)(RedisCache.clear)
    # A counter that cannot be read counts nothing (the @ completion's limit lets it pass).
    incr = _fail_soft(lambda args, kwargs: 1)(RedisCache.incr)

    def reachable(self) -> bool:
        """Whether Redis answers now (the health page's question; not failing soft)."""
        try:
            return bool(self._cache.get_client(write=False).ping())
        except FAILURES:
            return False
