"""Load and import benchmarks for tdkt: `make bench` (see bench/README.md)."""
