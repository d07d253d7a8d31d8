"""Benchmarks: `make bench` (python -m bench). Each bench/bench_*.py has a main(args)."""
