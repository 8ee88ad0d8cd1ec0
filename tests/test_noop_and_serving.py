"""A run with nothing new builds nothing; a run that must rebuild does; the served file holds the marts, not the article text.

Real runs of the pipeline job on warehouses of the tests' own (copies of the session's sample
warehouse), no part of the stack replaced.
"""

import shutil

import dagster as dg
import duckdb
from conftest import SAMPLE_LANDING, execute_pipeline
from warehouse_state import snapshot

from orchestration.assets.articles import LandingFolder
from orchestration.assets.lake import LAKE_FOLDER
from orchestration.batches import stale_marts
from orchestration.dbt_setup import dbt_project, dbt_project_digest
from orchestration.io_managers import PolarsParquetIOManager
from orchestration.raw_store import RAW_TABLES
from orchestration.resources import SERVED_DB, WORK_DB, Warehouse
from transforms.ingest import read_landing

NEW_ARTICLE = "قصفت طائرة مسيرة قاعدة التنف صباح اليوم دون وقوع إصابات، بحسب مصادر محلية.\n"


def steps_run(result) -> set[str]:
    return {e.step_key for e in result.all_events if e.is_step_success}


def materialized(result) -> set[str]:
    return {e.asset_key.path[-1] for e in result.get_asset_materialization_events()}


def served_files(warehouse):
    """Each served file (the database, the mart Parquet files, the report, the exports): inode and bytes."""
    paths = [warehouse / SERVED_DB, *(warehouse / "parquet").iterdir(), *(warehouse / "report").iterdir()]
    paths += list((warehouse / "exports").iterdir())
    return {p.name: (p.stat().st_ino, p.read_bytes()) for p in paths}


def test_nothing_new_runs_the_landing_step_only(pipeline, loaded_sample):
    landing, warehouse = loaded_sample
    before = served_files(warehouse)
    work = snapshot(warehouse / WORK_DB, schemas=("raw", "marts", "pipeline"), keep_times=True)

    result = execute_pipeline(pipeline, landing, warehouse)

    assert result.success
    assert steps_run(result) == {"landing_files"}
    assert materialized(result) == set()
    skipped = {e.step_key for e in result.all_events if e.event_type_value == "STEP_SKIPPED"}
    assert {"extracted_events", "raw_tables", "lake_partitions", "dbt_models", "served_warehouse"} <= skipped
    assert not result.get_asset_check_evaluations()
    assert served_files(warehouse) == before  # same inodes, same bytes: nothing copied
    assert snapshot(warehouse / WORK_DB, schemas=("raw", "marts", "pipeline"), keep_times=True) == work


def test_marts_left_behind_by_a_run_that_stopped_after_its_merge_are_rebuilt(pipeline, loaded_sample):
    landing, warehouse = loaded_sample
    (landing / "new.txt").write_text(NEW_ARTICLE, encoding="utf-8")
    # A run that merged the new file and stopped there (here: one that materialised only the raw
    # tables, as the UI allows; a killed or failed build leaves the same).
    raw_assets = [dg.AssetKey(["raw", table]) for table in RAW_TABLES]
    frames = [dg.AssetKey(name) for name in ("raw_articles", "rejected_files", "landing_ledger", "events", "event_claims")]
    merged = (
        pipeline.defs.resolve_job_def("pipeline")
        .get_subset(asset_selection={*frames, dg.AssetKey("extraction_rejects"), *raw_assets})
        .execute_in_process(
            resources={
                "landing": LandingFolder(directory=str(landing)),
                "warehouse": Warehouse(directory=str(warehouse)),
                "frames": PolarsParquetIOManager(directory=str(warehouse / "frames")),
            },
            instance=dg.DagsterInstance.ephemeral(),
        )
    )
    assert merged.success and "served_warehouse" not in materialized(merged)
    with duckdb.connect(str(warehouse / WORK_DB), read_only=True) as con:
        assert stale_marts(con, dbt_project_digest()).startswith("batch ")

    # Nothing is new for the next run, yet it builds and serves the marts of the merged batch.
    inode = (warehouse / SERVED_DB).stat().st_ino
    result = execute_pipeline(pipeline, landing, warehouse)
    assert result.success
    assert {"lake_partitions", "dbt_models", "served_warehouse"} <= steps_run(result)
    assert (warehouse / SERVED_DB).stat().st_ino != inode
    # The build's own dbt target folder went with its success.
    assert not (dbt_project().project_dir / dbt_project().target_path / f"build-{result.run_id}").exists()
    with duckdb.connect(str(warehouse / SERVED_DB), read_only=True) as con:
        assert con.sql("select count(*) from raw.articles where file = 'new.txt'").fetchall() == [(1,)]
    with duckdb.connect(str(warehouse / WORK_DB), read_only=True) as con:
        assert stale_marts(con, dbt_project_digest()) is None
        assert stale_marts(con, "another dbt project") == "the dbt project changed since the last publish"
    # And the run after it has nothing to do again.
    assert steps_run(execute_pipeline(pipeline, landing, warehouse)) == {"landing_files"}


def test_first_run_on_an_empty_folder_serves_empty_marts_once(pipeline, tmp_path):
    landing, warehouse = tmp_path / "landing", tmp_path / "warehouse"
    landing.mkdir()
    first = execute_pipeline(pipeline, landing, warehouse)
    assert first.success and "served_warehouse" in materialized(first)
    with duckdb.connect(str(warehouse / SERVED_DB), read_only=True) as con:
        assert con.sql("select count(*) from marts.fct_incidents").fetchall() == [(0,)]
    inode = (warehouse / SERVED_DB).stat().st_ino
    assert steps_run(execute_pipeline(pipeline, landing, warehouse)) == {"landing_files"}
    assert (warehouse / SERVED_DB).stat().st_ino == inode


def test_served_file_holds_the_marts_and_no_article_text(pipeline, served):
    schemas = {row[0] for row in served.sql("select distinct schema_name from duckdb_tables()").fetchall()}
    assert schemas == {"marts", "vocabulary", "raw"}
    assert not served.sql("select * from duckdb_views() where not internal").fetchall()
    assert "text" not in served.sql("select * from raw.articles").columns
    assert served.sql("select count(*) from raw.articles").fetchall() == [(5,)]
    assert (pipeline.warehouse / SERVED_DB).stat().st_size < (pipeline.warehouse / WORK_DB).stat().st_size
    # The text is in the lake partitions, readable from the served connection.
    texts = dict(
        served.sql(
            f"select file, text from read_parquet('{pipeline.warehouse / LAKE_FOLDER}/articles/*/*.parquet', hive_partitioning = true)"
        ).fetchall()
    )
    articles, _ = read_landing(SAMPLE_LANDING)
    assert texts == dict(articles.select("file", "text").iter_rows())


def test_restore_drops_ledger_rows_of_articles_the_lake_lacks(pipeline, loaded_sample):
    landing, warehouse = loaded_sample
    # The lake lost a day (or never had it): its articles are read again from the landing folder.
    shutil.rmtree(warehouse / LAKE_FOLDER)
    (warehouse / WORK_DB).unlink()
    result = execute_pipeline(pipeline, landing, warehouse)
    assert result.success
    with duckdb.connect(str(warehouse / WORK_DB), read_only=True) as con:
        files = {row[0] for row in con.sql("select file from raw.articles where length(text) > 0").fetchall()}
    assert files == {p.name for p in SAMPLE_LANDING.iterdir() if p.name != "manifest.csv"}
