"""Run a suite on a Polars frame with an ephemeral GX context (pandas datasource, whole frame)."""

from __future__ import annotations

import os
from dataclasses import dataclass, field

os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")

import great_expectations as gx  # noqa: E402
import polars as pl  # noqa: E402


@dataclass
class Failure:
    expectation: str
    column: str | None
    severity: str
    unexpected_count: int | None
    examples: list


@dataclass
class SuiteResult:
    suite: str
    success: bool
    evaluated: int
    failures: list[Failure] = field(default_factory=list)

    @property
    def errors(self) -> list[Failure]:
        return [f for f in self.failures if f.severity == "error"]

    @property
    def warnings(self) -> list[Failure]:
        return [f for f in self.failures if f.severity != "error"]


def validate(frame: pl.DataFrame, suite: gx.ExpectationSuite) -> SuiteResult:
    """Validate the frame's scalar columns; list and struct columns are not GX's business."""
    scalar = frame.select([name for name, dtype in frame.schema.items() if not dtype.is_nested()])
    context = gx.get_context(mode="ephemeral")
    batch = (
        context.data_sources.add_pandas("frames")
        .add_dataframe_asset(suite.name)
        .add_batch_definition_whole_dataframe("whole")
    )
    suite = context.suites.add(suite)
    definition = context.validation_definitions.add(gx.ValidationDefinition(name=suite.name, data=batch, suite=suite))
    outcome = definition.run(batch_parameters={"dataframe": scalar.to_pandas()}, result_format="SUMMARY")
    failures = []
    for result in outcome.results:
        if result.success:
            continue
        config = result.expectation_config
        failures.append(Failure(
            expectation=config.type,
            column=config.kwargs.get("column"),
            severity=(config.meta or {}).get("severity", "error"),
            unexpected_count=result.result.get("unexpected_count"),
            examples=list(result.result.get("partial_unexpected_list") or [])[:5],
        ))
    return SuiteResult(suite.name, outcome.success, len(outcome.results), failures)
