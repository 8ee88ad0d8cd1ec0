"""The dbt project as Dagster assets: `dbt build`, so dbt's tests run as asset checks.

dbt sources in schema raw keep dbt-dagster's default keys (["raw", table]), which are
the keys of the Python landing assets: Dagster draws one connected graph, and the tests
on those sources are checks of the raw assets.

dbt runs only when the marts would change (``marts_build_reason``): a batch since the last
publish changed what they read, the dbt project changed, or the run is ``--full``. Otherwise
the tables are reported unchanged, without dbt, and publishing serves the new raw record
beside the marts it already serves. A build for new data alone (``DATA_BUILD_SELECTION``)
leaves the seeds and views as they are: those are not materialised in that run.
"""

import contextlib
import graphlib
import io
import shutil
import time
from collections.abc import Iterator, Mapping
from typing import Any, NamedTuple

import dagster as dg
from dagster_dbt import DagsterDbtTranslator, DagsterDbtTranslatorSettings, DbtCliResource, dbt_assets
from dagster_dbt.metadata_set import DbtMetadataSet

from orchestration.batches import marts_build_reason, project_not_served
from orchestration.dbt_setup import dbt_project, dbt_project_digest
from orchestration.resources import Warehouse

# Seconds between two progress lines of a long `dbt build`.
PROGRESS_EVERY_SECONDS = 10


def test_description(test: Mapping[str, Any]) -> str:
    """What a dbt data test checks, in words: its own description, else its kind, column and arguments."""
    if test.get("description"):
        return test["description"]
    metadata = test.get("test_metadata") or {}
    kwargs = {k: v for k, v in (metadata.get("kwargs") or {}).items() if k not in ("model", "column_name")}
    column = test.get("column_name")
    subject = f"column {column}" if column else "the table"
    kind = metadata.get("name") or test["name"]
    shown = {
        "not_null": f"{subject} has no nulls",
        "unique": f"{subject} has no duplicate values",
        "accepted_values": f"{subject} takes only the values {kwargs.get('values')}",
        "relationships": f"every {subject} value is in {kwargs.get('to')}.{kwargs.get('field')}",
        "unique_combination": f"the columns {kwargs.get('columns')} are unique together",
    }.get(kind)
    return f"dbt test {kind}: {shown}" if shown else f"dbt test {kind} on {subject}: {kwargs}"


class MilitiaDbtTranslator(DagsterDbtTranslator):
    def get_group_name(self, dbt_resource_props: Mapping[str, Any]) -> str | None:
        # Group by layer folder: staging, intermediate, marts.
        fqn = dbt_resource_props.get("fqn", [])
        return fqn[1] if len(fqn) > 2 else super().get_group_name(dbt_resource_props)

    def get_asset_check_spec(self, asset_spec, manifest, unique_id, project):
        spec = super().get_asset_check_spec(asset_spec, manifest, unique_id, project)
        if spec is None or spec.description:
            return spec
        return spec._replace(description=test_description(manifest["nodes"][unique_id]))


class _LinesToLog(io.TextIOBase):
    """dagster-dbt prints every dbt log line to stdout; this sends them to the run's debug log instead."""

    def __init__(self, log):
        self._log, self._pending = log, ""

    def write(self, text: str) -> int:
        *lines, self._pending = (self._pending + text).split("\n")
        for line in lines:
            if line.strip():
                self._log.debug(line)
        return len(text)


class MartsBuild(NamedTuple):
    reason: str
    # The marts were last built and published by another dbt project, or never: build all of it.
    whole_project: bool


def marts_build(context: dg.AssetExecutionContext, warehouse: Warehouse) -> MartsBuild | None:
    """Why this run builds the marts, None when the marts it would build are those built and served already."""
    # The landing step's run config: `python -m orchestration --full` rebuilds whatever the batch changed.
    landing = context.run.run_config.get("ops", {}).get("landing_files", {}).get("config", {})
    if landing.get("full"):
        return MartsBuild("a full run (--full) rebuilds the marts", whole_project=True)
    digest = dbt_project_digest()
    with warehouse.connect() as con:
        if why := project_not_served(con, digest):
            return MartsBuild(why, whole_project=True)
        why = marts_build_reason(con, digest)
    return MartsBuild(why, whole_project=False) if why else None


# What a build for new data leaves out when the project that built the working database's marts
# is unchanged: the seeds and views are as that build made them, and unit tests test the project's
# SQL on rows of their own. It builds the tables and runs every data test, those on seeds and
# views included: excluded parents leave their tests in only with indirect selection "empty".
DATA_BUILD_SELECTION = [
    "--exclude",
    "resource_type:seed config.materialized:view resource_type:unit_test",
    "--indirect-selection",
    "empty",
]
REBUILT_FOR_DATA = "table"


def unchanged_tables(context: dg.AssetExecutionContext) -> Iterator[dg.Output]:
    """Outputs of the selected tables, not rebuilt, so that the mart checks and publishing downstream
    run on them as they are; upstream tables first, as Dagster takes a multi-asset's outputs."""
    assets = context.assets_def
    tables = {
        key
        for key in context.selected_asset_keys
        if DbtMetadataSet.extract(assets.specs_by_key[key].metadata).materialization_type == REBUILT_FOR_DATA
    }
    for key in graphlib.TopologicalSorter({key: assets.asset_deps[key] & tables for key in tables}).static_order():
        yield dg.Output(None, output_name=assets.get_output_name_for_asset_key(key), metadata={"rebuilt": False})


def dbt_models_asset() -> dg.AssetsDefinition:
    """The dbt models as assets and their tests as checks, made from target/manifest.json.

    The manifest is read now: parse it first when stale (``dbt_setup.parse_dbt_project_if_stale``).
    """
    project = dbt_project()
    # dagster-dbt gives each build a target folder of its own (two warehouses may build at once
    # from one checkout); a build that succeeded removes it, so target/ does not fill up with them.
    build_targets = project.project_dir / project.target_path

    @dbt_assets(
        manifest=project.manifest_path,
        project=project,
        dagster_dbt_translator=MilitiaDbtTranslator(
            settings=DagsterDbtTranslatorSettings(enable_asset_checks=True, enable_source_tests_as_checks=True)
        ),
    )
    def dbt_models(context: dg.AssetExecutionContext, dbt: DbtCliResource, warehouse: Warehouse):
        build = marts_build(context, warehouse)
        if build is None:
            context.log.info("dbt not run: no batch since the last publish changed what the marts read")
            yield from unchanged_tables(context)
            return
        args = ["build", *warehouse.dbt_vars_args()]
        # A subset of the models (picked in the UI) is built as Dagster selects it.
        if not build.whole_project and not context.is_subset:
            args += DATA_BUILD_SELECTION
        context.log.info(f"dbt {' '.join(args[:1] + args[3:])}: {build.reason}")
        started = last_progress = time.monotonic()
        done = 0
        target = build_targets / f"build-{context.run_id}"
        with warehouse.write_lock(), contextlib.redirect_stdout(_LinesToLog(context.log)):
            for event in dbt.cli(args, context=context, target_path=target).stream():
                done += 1
                if time.monotonic() - last_progress >= PROGRESS_EVERY_SECONDS:
                    last_progress = time.monotonic()
                    context.log.info(f"dbt build: {done} models and tests done so far")
                yield event
        # Reached only when the build passed: a failed build keeps its folder (dbt.log, run_results.json).
        shutil.rmtree(target, ignore_errors=True)
        context.log.info(f"dbt build: {done} models and tests done in {time.monotonic() - started:.0f} s")

    return dbt_models
