"""These tests need the OpenSearch node: `scripts/test-opensearch.sh` starts it and runs them."""

import pytest
from django.conf import settings


def pytest_collection_modifyitems(config, items):
    if items and not settings.OPENSEARCH_URLS:
        raise pytest.UsageError(
            "tests/opensearch needs OpenSearch: run scripts/test-opensearch.sh (or make test)."
        )
