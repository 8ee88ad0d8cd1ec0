"""Landing frames in DuckDB (schema raw): each run's batch merged in one transaction (``orchestration.raw_store``)."""

import dagster as dg
import polars as pl

from orchestration.raw_store import RAW_TABLES, merge_batch, without_given_up
from orchestration.resources import Warehouse
from transforms.parts import Parts


@dg.multi_asset(
    specs=[
        dg.AssetSpec(
            ["raw", "articles"], deps=["raw_articles"], description="Articles as loaded: one row per landing file, text included."
        ),
        dg.AssetSpec(
            ["raw", "rejected_files"],
            deps=["rejected_files", "extraction_rejects"],
            description="Quarantined landing files and manifest rows with the reason.",
        ),
        dg.AssetSpec(
            ["raw", "landing_ledger"],
            deps=["landing_ledger"],
            description="Every landing file read: size, mtime, content hash, outcome.",
        ),
        dg.AssetSpec(["raw", "events"], deps=["events"], description="Extracted events, one row per event per article."),
        dg.AssetSpec(["raw", "event_claims"], deps=["event_claims"], description="Per-source figures of each event."),
        dg.AssetSpec(["raw", "locations"], description="The gazetteer's places, from transforms/gazetteer/locations.csv."),
    ],
    ins={
        name: dg.AssetIn(name)
        for name in ("raw_articles", "rejected_files", "landing_ledger", "events", "event_claims", "extraction_rejects")
    },
    group_name="raw",
)
def raw_tables(
    context: dg.AssetExecutionContext,
    warehouse: Warehouse,
    raw_articles: Parts,
    rejected_files: pl.DataFrame,
    landing_ledger: pl.DataFrame,
    events: Parts,
    event_claims: Parts,
    extraction_rejects: pl.DataFrame,
):
    rejected, ledger = without_given_up(rejected_files, landing_ledger, extraction_rejects)
    context.log.info(f"merging {raw_articles.height} articles, {ledger.height} ledger rows in one transaction")
    with warehouse.connect() as con:
        counts, mart_input_changes = merge_batch(con, raw_articles, rejected, ledger, events, event_claims, context.run_id)
    context.log.info(
        f"the batch changed {mart_input_changes} rows the marts read"
        if mart_input_changes
        else "the batch changed no row the marts read (events, their claims and articles, places)"
    )
    for table in RAW_TABLES:
        yield dg.MaterializeResult(asset_key=["raw", table], metadata={"rows": counts[table]})
