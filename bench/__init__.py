"""Benchmark harness: a data generator (bench.generate) and a load test (bench.run)."""
