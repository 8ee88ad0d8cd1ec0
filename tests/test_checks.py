"""Great Expectations suites run as Dagster asset checks: a frame that breaks one expectation
fails the check and names that expectation; the clean frame passes."""

import datetime as dt

import dagster as dg
import polars as pl
import pytest
from conftest import SAMPLE_LANDING

from orchestration.checks import events_contract, gx_dir, raw_articles_contract
from orchestration.resources import Warehouse
from transforms.extract import extract_frames
from transforms.ingest import read_landing


@pytest.fixture(scope="module")
def sample():
    articles, _ = read_landing(SAMPLE_LANDING)
    return articles, extract_frames(articles)[0]


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory):
    return Warehouse(directory=str(tmp_path_factory.mktemp("checks-warehouse")))


def at_row(column: str, row: int, value) -> pl.Expr:
    """The column with one row's value replaced."""
    return pl.when(pl.int_range(pl.len()) == row).then(pl.lit(value)).otherwise(pl.col(column)).alias(column)


def failure(result: dg.AssetCheckResult, expectation: str, column: str) -> dict:
    failures = [f for f in result.metadata["failures"].value if f["expectation"] == expectation and f["column"] == column]
    assert failures, f"{expectation}({column}) not among {result.metadata['failures'].value}"
    return failures[0]


def test_clean_articles_pass(sample, warehouse):
    result = raw_articles_contract(sample[0], warehouse=warehouse)
    assert result.passed
    assert result.metadata["failing_rows"].value == 0


def test_blank_text_fails(sample, warehouse):
    result = raw_articles_contract(sample[0].with_columns(at_row("text", 0, " \n ")), warehouse=warehouse)
    assert not result.passed
    assert result.severity == dg.AssetCheckSeverity.ERROR
    assert failure(result, "expect_column_values_to_be_between", "text_chars")["unexpected_count"] == 1
    assert result.description == "error: expect_column_values_to_be_between(text_chars) failed on 1 rows"


# Each breaks one expectation on its own row, so one validation shows that every rule is enforced.
ARTICLE_BREAKS = [
    ("expect_column_values_to_not_be_null", "article_id", lambda a: a.with_columns(at_row("article_id", 0, None))),
    ("expect_column_values_to_be_unique", "file", lambda a: a.with_columns(at_row("file", 2, a["file"][1]))),
    (
        "expect_column_values_to_be_between",
        "published_on",
        lambda a: a.with_columns(at_row("published_on", 3, dt.date(1999, 12, 31))),
    ),
    ("expect_column_values_to_not_be_null", "text", lambda a: a.with_columns(at_row("text", 4, None))),
]


def test_every_article_rule_is_enforced(sample, warehouse):
    articles = sample[0]
    for _, _, breaks in ARTICLE_BREAKS:
        articles = breaks(articles)
    result = raw_articles_contract(articles, warehouse=warehouse)
    assert result.severity == dg.AssetCheckSeverity.ERROR
    for expectation, column, _ in ARTICLE_BREAKS:
        assert failure(result, expectation, column)["severity"] == "error"
    # Rows 1 and 2 share a file name, both fail; the article with no text also fails text_chars.
    assert result.metadata["failing_rows"].value == 5


def test_future_publication_fails(sample, warehouse):
    result = raw_articles_contract(
        sample[0].with_columns(at_row("published_on", 0, dt.date.today() + dt.timedelta(days=30))), warehouse=warehouse
    )
    assert failure(result, "expect_column_values_to_be_between", "published_on")["unexpected_count"] == 1


def test_clean_events_pass(sample, warehouse):
    result = events_contract(sample[1], sample[0], warehouse=warehouse)
    assert result.passed, result.description
    assert result.metadata["data_docs"].value == str(gx_dir(warehouse) / "docs" / "index.html")


def _with_spans(events: pl.DataFrame, row: int, spans: list[dict]) -> pl.DataFrame:
    column = events["evidence_spans"].to_list()
    column[row] = spans
    return events.with_columns(pl.Series("evidence_spans", column, dtype=events.schema["evidence_spans"]))


def _with_countries(events: pl.DataFrame, row: int, countries: list[str]) -> pl.DataFrame:
    column = events["country"].to_list()
    column[row] = countries
    return events.with_columns(pl.Series("country", column, dtype=events.schema["country"]))


def _base_as_governorate(events: pl.DataFrame, row: int) -> pl.DataFrame:
    base = events.with_row_index("row").filter(pl.col("location_kind") == "base")["row"][row]
    return events.with_columns(at_row("location_kind", base, "governorate"))


EVENT_BREAKS = [
    ("expect_column_values_to_be_in_set", "event_type", lambda e: e.with_columns(at_row("event_type", 0, "riot"))),
    ("expect_column_values_to_be_in_set", "actor", lambda e: e.with_columns(at_row("actor", 1, "aliens"))),
    ("expect_column_values_to_be_in_set", "weapon", lambda e: e.with_columns(at_row("weapon", 2, "catapult"))),
    ("expect_column_values_to_be_in_set", "location_id", lambda e: e.with_columns(at_row("location_id", 3, "atlantis"))),
    ("expect_column_values_to_be_in_set", "location_kind_matches_gazetteer", lambda e: _base_as_governorate(e, 0)),
    ("expect_column_values_to_be_in_set", "countries_known", lambda e: _with_countries(e, 4, ["SY", "XX"])),
    ("expect_column_values_to_be_between", "killed", lambda e: e.with_columns(at_row("killed", 5, -1))),
    ("expect_column_values_to_be_between", "injured", lambda e: e.with_columns(at_row("injured", 6, 5000))),
    ("expect_column_values_to_be_between", "munition_count", lambda e: e.with_columns(at_row("munition_count", 7, 1000))),
    (
        "expect_column_values_to_be_between",
        "days_after_publication",
        lambda e: e.with_columns(at_row("date", 8, e["published_on"][8] + dt.timedelta(days=2))),
    ),
    ("expect_column_values_to_be_between", "day_offset", lambda e: e.with_columns(at_row("day_offset", 9, 2))),
    (
        "expect_column_values_to_be_in_set",
        "evidence_inside_text",
        lambda e: _with_spans(e, 10, [{"start": 0, "end": 10_000_000}]),
    ),
    ("expect_column_values_to_be_between", "evidence_span_count", lambda e: _with_spans(e, 11, [])),
    ("expect_column_values_to_be_in_set", "article_found", lambda e: e.with_columns(at_row("article_id", 12, "unknown-article"))),
    ("expect_column_values_to_be_unique", "event_id", lambda e: e.with_columns(at_row("event_id", 13, e["event_id"][14]))),
    ("expect_column_values_to_not_be_null", "actor", lambda e: e.with_columns(at_row("actor", 15, None))),
]


def test_every_event_rule_is_enforced(sample, warehouse):
    events = sample[1]
    assert events.height > 15, "the sample needs a row for each break"
    for _, _, breaks in EVENT_BREAKS:
        events = breaks(events)
    result = events_contract(events, sample[0], warehouse=warehouse)
    assert result.severity == dg.AssetCheckSeverity.ERROR
    for expectation, column, _ in EVENT_BREAKS:
        assert failure(result, expectation, column)["severity"] == "error"
        assert f"{expectation}({column})" in result.description


def test_evidence_before_the_text_fails(sample, warehouse):
    result = events_contract(_with_spans(sample[1], 0, [{"start": -5, "end": 3}]), sample[0], warehouse=warehouse)
    assert not result.passed
    assert failure(result, "expect_column_values_to_be_in_set", "evidence_inside_text")["unexpected_count"] == 1


def test_failure_examples_name_the_rows(sample, warehouse):
    events = sample[1].with_columns(at_row("event_type", 0, "riot"))
    result = events_contract(events, sample[0], warehouse=warehouse)
    failed = failure(result, "expect_column_values_to_be_in_set", "event_type")
    assert failed["examples"] == ["riot"]
    assert failed["example_rows"] == [{"event_id": events["event_id"][0], "article": events["article"][0], "event_type": "riot"}]
    assert result.metadata["failing_rows"].value == 1


def test_a_warning_does_not_block(sample, warehouse):
    # 100 rockets is within the error bound (500) but past the warning one (60).
    result = events_contract(sample[1].with_columns(at_row("munition_count", 0, 100)), sample[0], warehouse=warehouse)
    assert not result.passed
    assert result.severity == dg.AssetCheckSeverity.WARN
    assert failure(result, "expect_column_values_to_be_between", "munition_count")["severity"] == "warning"
