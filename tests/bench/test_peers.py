"""bench.peers without the peers: its tables and the reasons it gives. The peers themselves are
checked by hand (`python -m bench.peers --check`, bench/peers/README.md)."""

from urllib.parse import urlsplit

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bench import peers


def test_every_pair_names_a_page_kind_of_its_peer():
    assert peers.PAIRS
    for portal_kind, (name, kind) in peers.PAIRS.items():
        assert name in peers.PEERS, portal_kind
        assert kind in peers.KINDS[name], portal_kind


def test_every_page_kind_of_a_peer_is_compared_with_a_portal_page():
    paired = set(peers.PAIRS.values())
    for name in peers.PEERS:
        assert {(name, kind) for kind in peers.KINDS[name]} <= paired


@given(
    role=st.from_regex(r"[a-z]{1,10}", fullmatch=True),
    port=st.integers(1024, 65535),
    database=st.from_regex(r"[a-z_]{0,12}", fullmatch=True),
)
def test_a_peer_has_its_own_database_in_the_given_cluster(role, port, database):
    url = peers.database_url_of("machina", f"postgres://{role}@127.0.0.1:{port}/{database}")
    parts = urlsplit(url)
    assert (parts.scheme, parts.netloc, parts.path) == (
        "postgres",
        f"{role}@127.0.0.1:{port}",
        "/peer_machina",
    )


def test_an_unknown_peer_is_not_available():
    assert "bakerydemo, machina" in peers.available("phpbb")


def test_bakerydemo_needs_its_checkout(monkeypatch, tmp_path):
    monkeypatch.delenv("BENCH_BAKERYDEMO", raising=False)
    assert "BENCH_BAKERYDEMO is not set" in peers.available("bakerydemo")
    monkeypatch.setenv("BENCH_BAKERYDEMO", str(tmp_path))
    assert "is not a checkout" in peers.available("bakerydemo")
    (tmp_path / "bakerydemo" / "settings").mkdir(parents=True)
    (tmp_path / "bakerydemo" / "settings" / "production.py").touch()
    assert peers.available("bakerydemo") is None


def test_preparing_a_peer_that_cannot_run_says_why(monkeypatch):
    monkeypatch.delenv("BENCH_BAKERYDEMO", raising=False)
    with pytest.raises(RuntimeError, match="BENCH_BAKERYDEMO is not set"):
        peers.prepare("bakerydemo", "postgres://blocal@127.0.0.1:1/")
