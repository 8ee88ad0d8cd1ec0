"""Publishing: the built warehouse copied atomically to the file readers open, marts to
Parquet, and a static HTML report of the marts."""


import dagster as dg
from dagster_dbt import get_asset_key_for_model

from orchestration.assets.dbt import dbt_models
from orchestration.exports import write_exports
from orchestration.report import render_report
from orchestration.resources import Warehouse

PUBLISHED_MARTS = (
    "dim_locations",
    "fct_event_reports",
    "fct_incidents",
    "attack_frequency_per_base",
    "retaliation_lag",
    "retaliation_lag_summary",
    "attack_timeline",
)


@dg.asset(
    deps=[get_asset_key_for_model([dbt_models], name) for name in PUBLISHED_MARTS],
    group_name="serving",
    description="militia.duckdb, the file analysts and BI tools read, replaced atomically after a good build; "
                "one Parquet file per mart; report/index.html, a static page of the marts.",
)
def served_warehouse(warehouse: Warehouse) -> dg.MaterializeResult:
    counts = warehouse.publish([f"marts.{name}" for name in PUBLISHED_MARTS])
    report = render_report(warehouse.parquet_dir, warehouse.path / "report")
    write_exports(warehouse.parquet_dir, warehouse.path)
    return dg.MaterializeResult(metadata={
        "path": dg.MetadataValue.path(str(warehouse.served_db)),
        "parquet": dg.MetadataValue.path(str(warehouse.parquet_dir)),
        "report": dg.MetadataValue.path(str(report)),
        **{f"rows {name}": n for name, n in counts.items()},
    })
