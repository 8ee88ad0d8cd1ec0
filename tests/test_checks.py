"""Great Expectations suites run as Dagster asset checks: bad frames fail and name the expectation."""

import dagster as dg
import polars as pl

from orchestration.checks import events_contract
from transforms.extract import extract_frames
from transforms.ingest import read_landing

from conftest import SAMPLE_LANDING


def sample_events() -> pl.DataFrame:
    articles, _ = read_landing(SAMPLE_LANDING)
    return extract_frames(articles)[0]


def test_clean_events_pass():
    result = events_contract(sample_events())
    assert result.passed


def test_unknown_event_type_fails_with_error_severity():
    events = sample_events().with_columns(pl.when(pl.int_range(pl.len()) == 0).then(pl.lit("riot")).otherwise(pl.col("event_type")).alias("event_type"))
    result = events_contract(events)
    assert not result.passed
    assert result.severity == dg.AssetCheckSeverity.ERROR
    failures = result.metadata["failures"].value
    assert any(f["expectation"] == "expect_column_values_to_be_in_set" and f["column"] == "event_type" and f["examples"] == ["riot"] for f in failures)


def test_location_outside_the_gazetteer_fails():
    events = sample_events().with_columns(pl.lit("atlantis").alias("location_id"))
    result = events_contract(events)
    assert not result.passed
    assert any(f["column"] == "location_id" for f in result.metadata["failures"].value)
