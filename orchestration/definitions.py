"""Dagster definitions: `dagster dev -m orchestration.definitions`.

Loaded when Dagster (or a caller: ``defs()``) asks, not at import: loading parses the dbt
project if it changed and makes the dbt assets from its manifest.
"""

from __future__ import annotations

import dagster as dg

from orchestration.assets.articles import LandingFolder, extracted_events, landing_files
from orchestration.assets.dbt import dbt_models_asset
from orchestration.assets.lake import LakeStore, lake_partitions
from orchestration.assets.serving import served_warehouse_asset
from orchestration.assets.warehouse import raw_tables
from orchestration.automation import daily_schedule, landing_folder_sensor, pipeline_job
from orchestration.checks import events_contract, mart_contracts, raw_articles_contract
from orchestration.console import CONSOLE_LOGGER, plain_console_logger
from orchestration.dbt_setup import dbt_cli, parse_dbt_project_if_stale
from orchestration.executors import ExtractionEngine
from orchestration.io_managers import PolarsParquetIOManager
from orchestration.resources import Warehouse
from orchestration.settings import landing_dir, warehouse_dir


@dg.definitions
def defs() -> dg.Definitions:
    warehouse = Warehouse(directory=str(warehouse_dir()))
    # Pick up model changes before the dbt assets read the manifest (a fresh clone has none);
    # an unchanged project keeps it, as `dbt parse` costs seconds.
    parse_dbt_project_if_stale(warehouse)
    dbt_models = dbt_models_asset()
    return dg.Definitions(
        assets=[landing_files, extracted_events, raw_tables, lake_partitions, dbt_models, served_warehouse_asset(dbt_models)],
        asset_checks=[raw_articles_contract, events_contract, *mart_contracts(dbt_models)],
        jobs=[pipeline_job],
        schedules=[daily_schedule],
        sensors=[landing_folder_sensor],
        loggers={CONSOLE_LOGGER: plain_console_logger},
        resources={
            "warehouse": warehouse,
            "landing": LandingFolder(directory=str(landing_dir())),
            "extraction_engine": ExtractionEngine(),
            "lake": LakeStore(),
            "frames": PolarsParquetIOManager(directory=str(warehouse_dir() / "frames")),
            "dbt": dbt_cli(),
        },
    )
