"""Publishing: the built marts written to the file readers open, marts to Parquet, and a
static HTML report of the marts, all staged first and swapped in together."""

import dagster as dg
from dagster_dbt import get_asset_key_for_model

from orchestration.assets.dbt import marts_build
from orchestration.batches import last_batch, record_publish
from orchestration.dbt_setup import dbt_project_digest
from orchestration.exports import write_exports
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


def served_warehouse_asset(dbt_models: dg.AssetsDefinition) -> dg.AssetsDefinition:
    """The publishing asset, downstream of the published marts among ``dbt_models``."""

    @dg.asset(
        deps=[get_asset_key_for_model([dbt_models], name) for name in PUBLISHED_MARTS],
        group_name="serving",
        description="militia.duckdb, the file analysts and BI tools read (the marts, the vocabulary and the raw record "
        "without article text), written anew and replaced atomically after a good build; "
        "one Parquet file per mart; report/index.html, a static page of the marts; all three staged, then swapped in.",
    )
    def served_warehouse(context: dg.AssetExecutionContext, warehouse: Warehouse) -> dg.MaterializeResult:
        # Altair and vl-convert are imported when a report is drawn, not with the definitions.
        from orchestration.report import REPORT_FILE, render_report

        with warehouse.connect() as con:
            built_from = last_batch(con)
        marts = [f"marts.{name}" for name in PUBLISHED_MARTS]
        rebuilt = marts_build(context, warehouse) is not None
        if rebuilt:
            counts = warehouse.publish(marts, render_report)
            # Exports derive from the served Parquet files, each replaced atomically after the swap.
            write_exports(warehouse.parquet_dir, warehouse.path)
        else:
            # The marts are those served: their Parquet files, report and exports stay; the new raw record is served.
            context.log.info("the marts did not change: only the served database is written again, for the raw record")
            counts = warehouse.publish(marts, render=None)
        # Logged last: a publish cut short before here is done again by the next run, new files or not.
        with warehouse.connect() as con:
            record_publish(con, context.run_id, built_from, dbt_project_digest())
        return dg.MaterializeResult(
            metadata={
                "path": dg.MetadataValue.path(str(warehouse.served_db)),
                "parquet": dg.MetadataValue.path(str(warehouse.parquet_dir)),
                "report": dg.MetadataValue.path(str(warehouse.report_dir / REPORT_FILE)),
                "marts rebuilt": rebuilt,
                **{f"rows {name}": n for name, n in counts.items()},
            }
        )

    return served_warehouse
