"""Benchmarks: a synthetic corpus generator and the command that times the pipeline on it."""
