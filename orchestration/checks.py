"""Great Expectations suites as Dagster asset checks.

Every check is blocking. A failed expectation of GX severity ``critical`` fails its
check with ERROR severity, which stops the assets downstream in the same run: bad
articles are not extracted, bad events never reach the warehouse, and a bad mart is
not published, so the served marts stay those of the last good run. A failed
``warning`` expectation fails the check with WARN severity and blocks nothing.

Each run also rebuilds the GX Data Docs in ``<warehouse>/gx/docs/`` (see the README).

Great Expectations is imported when a check runs, not with the definitions: it takes seconds
to import, and a run with nothing new runs no check.
"""

from pathlib import Path
from typing import TYPE_CHECKING

import dagster as dg
import polars as pl
from dagster_dbt import get_asset_key_for_model

from orchestration.assets.serving import PUBLISHED_MARTS
from orchestration.resources import Warehouse
from orchestration.settings import dbt_vars
from transforms.parts import Parts

if TYPE_CHECKING:
    from expectations.validate import SuiteResult


def gx_dir(warehouse: Warehouse) -> Path:
    return warehouse.path / "gx"


def _shown(value):
    """JSON metadata takes plain values; dates, timestamps and numpy numbers are shown as text."""
    return value if value is None or isinstance(value, (bool, int, float, str)) else str(value)


def check_result(result: "SuiteResult", docs: Path | None = None) -> dg.AssetCheckResult:
    failed = result.errors or result.warnings
    metadata = {
        "rows": result.rows,
        "failing_rows": result.failing_rows,
        "expectations": result.evaluated,
        "failed_expectations": len(result.failures),
        "failures": dg.MetadataValue.json(
            [
                {
                    "expectation": f.expectation,
                    "column": f.column,
                    "severity": f.severity,
                    "unexpected_count": f.unexpected_count,
                    "exception": f.exception,
                    "examples": [_shown(x) for x in f.examples],
                    "example_rows": [{k: _shown(v) for k, v in row.items()} for row in f.example_rows],
                }
                for f in result.failures
            ]
        ),
    }
    if docs is not None:
        metadata["data_docs"] = dg.MetadataValue.path(str(docs))
    return dg.AssetCheckResult(
        passed=not failed,
        severity=dg.AssetCheckSeverity.ERROR if result.errors else dg.AssetCheckSeverity.WARN,
        metadata=metadata,
        description="; ".join(
            f"{f.severity}: {f.expectation}({f.column}) failed on {f.unexpected_count} rows"
            if f.exception is None
            else f"{f.severity}: {f.expectation}({f.column}) could not run: {f.exception}"
            for f in result.failures
        )
        or None,
    )


def run_suite(frame: pl.DataFrame, suite, warehouse: Warehouse) -> dg.AssetCheckResult:
    from expectations.validate import docs_index, validate

    folder = gx_dir(warehouse)
    return check_result(validate(frame, suite, folder), docs_index(folder))


# The frames of a check are a run's ``Parts`` or, called directly, Polars frames; left unannotated
# because Dagster types an input by its annotation and takes no union.
@dg.asset_check(
    asset="raw_articles",
    blocking=True,
    description="GX suite 'raw_articles': ids unique, text not empty, publication date in a sane range.",
)
def raw_articles_contract(raw_articles, warehouse: Warehouse) -> dg.AssetCheckResult:
    from expectations.derived import articles_to_validate
    from expectations.suites import raw_articles_suite

    suite = raw_articles_suite()
    # A part at a time, and only the columns the suite reads: of the text, whether it is there (its
    # length, text_chars, is taken first), so a batch of a million articles is validated in little memory.
    # The stand-in is a new column: a slice of the text would keep each part's whole text in memory.
    named = {getattr(e, "column", None) for e in suite.expectations} | set(suite.meta.get("row_key", []))
    frame = pl.concat(
        articles_to_validate(part)
        .select(c for c in (*part.columns, "text_chars") if c in named)
        .with_columns(text=pl.when(pl.col("text").is_not_null()).then(pl.lit("")))
        for part in _parts(raw_articles)
    )
    return run_suite(frame, suite, warehouse)


@dg.asset_check(
    asset="events",
    blocking=True,
    additional_ins={"raw_articles": dg.AssetIn("raw_articles")},
    description="GX suite 'events': EVENTS.md enumerations, gazetteer ids, sane counts, dates not after publication, evidence inside the article text.",
)
def events_contract(events, raw_articles, warehouse: Warehouse) -> dg.AssetCheckResult:
    from expectations.derived import events_to_validate
    from expectations.suites import events_suite

    # Part i of the events was extracted from part i of the articles, and an event names its own article.
    frame = pl.concat(
        events_to_validate(part, articles) for part, articles in zip(_parts(events), _parts(raw_articles), strict=True)
    )
    return run_suite(frame, events_suite(), warehouse)


def _parts(frame: pl.DataFrame | Parts) -> list[pl.DataFrame] | Parts:
    """A batch's frames part by part: a frame is one part; an empty batch of parts one empty part."""
    if isinstance(frame, pl.DataFrame):
        return [frame]
    return frame if len(frame) else [pl.DataFrame(schema=frame.schema)]


def mart_contract(model: str, dbt_models: dg.AssetsDefinition) -> dg.AssetChecksDefinition:
    """The check of one dbt mart: reads the built table from the working database and validates it."""

    @dg.asset_check(
        asset=get_asset_key_for_model([dbt_models], model),
        name=f"{model}_contract",
        blocking=True,
        description=f"GX suite '{model}' on the built mart (expectations/marts.py).",
    )
    def _contract(warehouse: Warehouse) -> dg.AssetCheckResult:
        from expectations.marts import MART_CONTRACTS, mart_frame

        with warehouse.connect() as con:
            frame = mart_frame(con, model)
        # The vars the build was given (Warehouse.dbt_vars) over dbt_project.yml's: the suite sees what dbt saw.
        return run_suite(frame, MART_CONTRACTS[model].build_suite(dbt_vars(warehouse.dbt_vars())), warehouse)

    return _contract


def mart_contracts(dbt_models: dg.AssetsDefinition) -> list[dg.AssetChecksDefinition]:
    """One check per published mart, on the marts among ``dbt_models``: each has its contract in
    ``expectations.marts.MART_CONTRACTS`` (tests/test_expectations_marts.py), read when the check runs."""
    return [mart_contract(model, dbt_models) for model in PUBLISHED_MARTS]
