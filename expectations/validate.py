"""Run a suite on a Polars frame with GX (pandas datasource, whole frame); optionally keep Data Docs.

Without a GX folder everything lives in memory. With one (``validate(..., gx_dir=...)``)
the suites and the last validation results of each suite are kept as JSON under it,
and the Data Docs site is rebuilt as HTML in ``<gx_dir>/docs/``: every check that
validates updates the same site, so its index shows every suite and its recent runs.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")

import great_expectations as gx  # noqa: E402
import polars as pl  # noqa: E402
from great_expectations.data_context.types.base import (  # noqa: E402
    DataContextConfig,
    InMemoryStoreBackendDefaults,
    ProgressBarsConfig,
)
from great_expectations.data_context.types.resource_identifiers import (  # noqa: E402
    ExpectationSuiteIdentifier,
    ValidationResultIdentifier,
)
from great_expectations.expectations.metadata_types import FailureSeverity  # noqa: E402

from expectations.offline_docs import make_offline  # noqa: E402

# Validation results kept per suite, and so shown in the Data Docs; older ones are removed.
KEPT_RESULTS = 10
EXAMPLES = 5


@dataclass
class Failure:
    expectation: str
    column: str | None
    severity: str
    unexpected_count: int | None
    examples: list
    # Key columns and the offending value of the first failing rows.
    example_rows: list[dict] = field(default_factory=list)
    # Set when GX could not evaluate the expectation at all (a missing column, a type it cannot compare).
    exception: str | None = None


@dataclass
class SuiteResult:
    suite: str
    success: bool
    evaluated: int
    rows: int
    failing_rows: int
    failures: list[Failure] = field(default_factory=list)

    @property
    def errors(self) -> list[Failure]:
        return [f for f in self.failures if f.severity == "error"]

    @property
    def warnings(self) -> list[Failure]:
        return [f for f in self.failures if f.severity != "error"]


def validate(frame: pl.DataFrame, suite: gx.ExpectationSuite, gx_dir: Path | None = None) -> SuiteResult:
    """Validate the frame's scalar columns; list and struct columns are not GX's business.

    ``suite.meta["row_key"]`` names the columns that identify a row in the examples.
    """
    scalar = frame.select([name for name, dtype in frame.schema.items() if not dtype.is_nested()])
    with _locked(gx_dir):
        context = _context(gx_dir)
        batch = (
            context.data_sources.add_pandas("frames")
            .add_dataframe_asset(suite.name)
            .add_batch_definition_whole_dataframe("whole")
        )
        suite = context.suites.add_or_update(suite)
        definition = context.validation_definitions.add(gx.ValidationDefinition(name=suite.name, data=batch, suite=suite))
        # COMPLETE: the index of every failing row, to count rows that fail several expectations once.
        outcome = definition.run(batch_parameters={"dataframe": scalar.to_pandas()}, result_format="COMPLETE")
        if gx_dir is not None:
            latest = _prune_results(context, gx_dir, suite.name)
            # Render this suite and this run; the other pages are already there, the index lists them all.
            context.build_data_docs(resource_identifiers=[ExpectationSuiteIdentifier(name=suite.name), latest])
            make_offline(gx_dir / "docs")
    key = [c for c in suite.meta.get("row_key", []) if c in scalar.columns]
    failures, failing = [], set()
    for result in outcome.results:
        if result.success:
            continue
        config = result.expectation_config
        indices = [i for i in result.result.get("unexpected_index_list") or [] if isinstance(i, int)]
        failing.update(indices)
        columns = _columns(config.kwargs)
        failures.append(
            Failure(
                expectation=config.type,
                column=config.kwargs.get("column") or (",".join(columns) or None),
                severity="error" if config.severity == FailureSeverity.CRITICAL else "warning",
                unexpected_count=result.result.get("unexpected_count"),
                examples=list(result.result.get("unexpected_list") or [])[:EXAMPLES],
                example_rows=scalar[indices[:EXAMPLES]]
                .select(list(dict.fromkeys(key + [c for c in columns if c in scalar.columns])))
                .to_dicts()
                if indices
                else [],
                exception=_exception(result.exception_info),
            )
        )
    return SuiteResult(suite.name, outcome.success, len(outcome.results), scalar.height, len(failing), failures)


def docs_index(gx_dir: Path) -> Path:
    return gx_dir / "docs" / "index.html"


def _context(gx_dir: Path | None):
    config = DataContextConfig(
        store_backend_defaults=InMemoryStoreBackendDefaults(init_temp_docs_sites=False),
        progress_bars=ProgressBarsConfig(globally=False),
    )
    if gx_dir is not None:
        # The site's index lists what the stores hold, so the stores outlive the check that wrote them.
        config.stores[config.expectations_store_name] = _file_store("ExpectationsStore", gx_dir / "suites")
        config.stores[config.validation_results_store_name] = _file_store("ValidationResultsStore", gx_dir / "validations")
        config.data_docs_sites = {
            "local_site": {
                "class_name": "SiteBuilder",
                "show_how_to_buttons": False,
                "store_backend": {"class_name": "TupleFilesystemStoreBackend", "base_directory": str(gx_dir / "docs")},
            }
        }
    return gx.get_context(project_config=config)


def _file_store(class_name: str, directory: Path) -> dict:
    return {
        "class_name": class_name,
        "store_backend": {"class_name": "TupleFilesystemStoreBackend", "base_directory": str(directory)},
    }


@contextlib.contextmanager
def _locked(gx_dir: Path | None) -> Iterator[None]:
    """Checks run in parallel processes; one at a time writes the stores and rebuilds the site."""
    if gx_dir is None:
        yield
        return
    gx_dir.mkdir(parents=True, exist_ok=True)
    with open(gx_dir / ".lock", "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _prune_results(context, gx_dir: Path, suite_name: str) -> ValidationResultIdentifier:
    """Keep the suite's last KEPT_RESULTS validation results; returns the latest's key."""
    store = context.validation_results_store
    keys = sorted(
        (k for k in store.list_keys() if k.expectation_suite_identifier.name == suite_name),
        key=lambda k: k.run_id.run_time,
    )
    for key in keys[:-KEPT_RESULTS]:
        store.remove_key(key)
    # The file stores remove files, not the run folders they were in.
    for folder in (gx_dir / "validations" / suite_name, gx_dir / "docs" / "validations" / suite_name):
        for path in sorted(folder.rglob("*"), reverse=True):
            if path.is_dir() and not any(path.iterdir()):
                path.rmdir()
    return keys[-1]


def _columns(kwargs: dict) -> list[str]:
    """The columns an expectation looks at, whatever its kind (column, column list, column pair)."""
    if kwargs.get("column"):
        return [kwargs["column"]]
    if kwargs.get("column_list"):
        return list(kwargs["column_list"])
    return [kwargs[k] for k in ("column_A", "column_B") if kwargs.get(k)]


def _exception(info: dict) -> str | None:
    # GX reports a raised metric either flat or keyed by the metric that raised.
    if info.get("raised_exception"):
        return info.get("exception_message")
    nested = [v.get("exception_message") for v in info.values() if isinstance(v, dict) and v.get("exception_message")]
    return nested[0] if nested else None
