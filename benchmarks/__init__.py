"""Benchmarks: a synthetic corpus, end-to-end throughput against a spaCy NER baseline, and
query latency on large synthetic stores. Run everything with `python -m benchmarks.run`
(or `make bench`); the numbers are printed, never asserted."""
