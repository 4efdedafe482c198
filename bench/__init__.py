"""Benchmarks of the portal at a national scale: `python -m bench` (see bench/README.md)."""
