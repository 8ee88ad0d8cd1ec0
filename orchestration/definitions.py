"""Dagster definitions: `dagster dev -m orchestration.definitions`."""

from __future__ import annotations

import dagster as dg
from dagster_dbt import DbtCliResource

from orchestration.assets.articles import LandingFolder, extracted_events, landing_files
from orchestration.assets.dbt import dbt_models
from orchestration.assets.lake import LakeStore, lake_partitions
from orchestration.assets.serving import served_warehouse
from orchestration.assets.warehouse import raw_tables
from orchestration.automation import daily_schedule, landing_folder_sensor, pipeline_job
from orchestration.checks import events_contract, mart_contracts, raw_articles_contract
from orchestration.console import CONSOLE_LOGGER, plain_console_logger
from orchestration.dbt_setup import dbt_project
from orchestration.executors import ExtractionEngine
from orchestration.io_managers import PolarsParquetIOManager
from orchestration.resources import Warehouse
from orchestration.settings import landing_dir, warehouse_dir

defs = dg.Definitions(
    assets=[landing_files, extracted_events, raw_tables, lake_partitions, dbt_models, served_warehouse],
    asset_checks=[raw_articles_contract, events_contract, *mart_contracts],
    jobs=[pipeline_job],
    schedules=[daily_schedule],
    sensors=[landing_folder_sensor],
    loggers={CONSOLE_LOGGER: plain_console_logger},
    resources={
        "warehouse": Warehouse(directory=str(warehouse_dir())),
        "landing": LandingFolder(directory=str(landing_dir())),
        "extraction_engine": ExtractionEngine(),
        "lake": LakeStore(),
        "frames": PolarsParquetIOManager(directory=str(warehouse_dir() / "frames")),
        # dbt's log goes to the run log as text: no colour codes in it.
        "dbt": DbtCliResource(project_dir=dbt_project, global_config_flags=["--no-use-colors"]),
    },
)
