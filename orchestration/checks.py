"""Great Expectations suites as Dagster asset checks.

A failed error-severity expectation fails a blocking check, which stops the assets
downstream in the same run: bad events never reach the warehouse, and the served
marts stay those of the last good run. Warning-severity failures show with
WARN severity and block nothing.
"""


import dagster as dg
import polars as pl

from expectations.suites import events_suite
from expectations.validate import SuiteResult, validate


def check_result(result: SuiteResult) -> dg.AssetCheckResult:
    failed = result.errors or result.warnings
    return dg.AssetCheckResult(
        passed=not failed,
        severity=dg.AssetCheckSeverity.ERROR if result.errors else dg.AssetCheckSeverity.WARN,
        metadata={
            "expectations": result.evaluated,
            "failed_expectations": len(result.failures),
            "failing_rows": sum(f.unexpected_count or 0 for f in result.failures),
            "failures": dg.MetadataValue.json([
                {"expectation": f.expectation, "column": f.column, "severity": f.severity,
                 "unexpected_count": f.unexpected_count, "examples": [str(x) for x in f.examples]}
                for f in result.failures
            ]),
        },
        description="; ".join(f"{f.expectation}({f.column}) failed on {f.unexpected_count} rows" for f in result.failures) or None,
    )


@dg.asset_check(asset="events", blocking=True, description="GX suite 'events': EVENTS.md enumerations, gazetteer ids, sane counts.")
def events_contract(events: pl.DataFrame) -> dg.AssetCheckResult:
    return check_result(validate(events, events_suite()))
