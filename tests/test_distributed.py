"""Issue 14: extraction as Ray tasks, and the raw tables as Parquet partitions by ingest day.

On 300 generated articles: the pipeline with local worker processes, then the same warehouse
re-extracted on Ray (a local Ray of 2 CPUs, started once for the module, tasks of 100 articles:
several tasks per run) must serve the same marts. The Parquet partitions must hold exactly the raw tables, read by DuckDB from the local
folder and by Polars from an S3-compatible server (moto's, started here on 127.0.0.1).
"""

import datetime as dt
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import dagster as dg
import duckdb
import polars as pl
import pytest
from conftest import execute_pipeline

from benchmarks.generate_corpus import generate
from orchestration.__main__ import landing_config, parse, resource_config
from orchestration.assets.lake import LAKE_FOLDER, LAKE_TABLES, LakeStore, lake_partitions
from orchestration.raw_store import RAW_SCHEMAS
from orchestration.resources import SERVED_DB, WORK_DB, Warehouse
from orchestration.settings import DBT_PROJECT_DIR
from transforms.distributed import extract_on_ray
from transforms.extract import extract_frames
from transforms.lake import PARTITION, Lake

pytestmark = [pytest.mark.slow, pytest.mark.timeout(900)]

ARTICLES = 300
RAY_CPUS = 2
# Articles per Ray task (the engine's chunk_articles): the re-extraction is three tasks, merged in order.
CHUNK_ARTICLES = 100
# Far above an article's milliseconds, far below what the oversized article below takes (over a minute).
SECONDS_PER_ARTICLE = 3.0


@pytest.fixture(scope="module")
def ray_cluster():
    """One local Ray for the module: 2 CPUs, no dashboard, no usage reports; the executors join it."""
    os.environ["RAY_USAGE_STATS_ENABLED"] = "0"
    import ray

    ray.init(num_cpus=RAY_CPUS, include_dashboard=False, log_to_driver=False)
    yield
    ray.shutdown()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("corpus")
    generate(folder, ARTICLES, seed=7)
    return folder / "landing"


@pytest.fixture(scope="module")
def local_build(pipeline, corpus, tmp_path_factory):
    """The pipeline over the corpus with the default executor (local processes): its warehouse."""
    warehouse = tmp_path_factory.mktemp("local") / "warehouse"
    result = execute_pipeline(pipeline, corpus, warehouse)
    assert result.success
    assert _metadata(result, "events")["executor"] == "local"
    return warehouse


@pytest.fixture(scope="module")
def ray_rebuild(pipeline, corpus, local_build, ray_cluster, tmp_path_factory):
    """A copy of the local build re-extracted on Ray, as `python -m orchestration reextract --executor ray` asks."""
    warehouse = tmp_path_factory.mktemp("ray") / "warehouse"
    shutil.copytree(local_build, warehouse)
    args = parse(["reextract", "--executor", "ray"])
    resources = resource_config(args)
    resources["extraction_engine"]["config"]["chunk_articles"] = CHUNK_ARTICLES
    result = execute_pipeline(
        pipeline,
        corpus,
        warehouse,
        run_config={"ops": {"landing_files": {"config": landing_config(args)}}, "resources": resources},
    )
    assert result.success
    return warehouse, result


def _metadata(result, asset: str) -> dict:
    return {
        label: value.value
        for event in result.get_asset_materialization_events()
        if event.asset_key.path[-1] == asset
        for label, value in event.materialization.metadata.items()
    }


def _differing_rows(con, left: str, right: str) -> int:
    return con.sql(
        f"select count(*) from ((select * from {left} except all select * from {right}) "
        f"union all (select * from {right} except all select * from {left}))"
    ).fetchall()[0][0]


def test_marts_from_ray_equal_marts_from_local_processes(local_build, ray_rebuild):
    warehouse, result = ray_rebuild
    assert _metadata(result, "events")["executor"] == "ray"
    con = duckdb.connect()
    con.execute(f"attach '{local_build / 'militia.duckdb'}' as local_build (read_only)")
    con.execute(f"attach '{warehouse / 'militia.duckdb'}' as ray_build (read_only)")
    stored = con.sql("select count(*) from local_build.raw.articles").fetchall()[0][0]
    assert _metadata(result, "raw_articles")["re-extracted articles"] == stored > 0.95 * ARTICLES
    marts = [
        row[0]
        for row in con.sql(
            "select table_name from duckdb_tables() where database_name = 'local_build' and schema_name = 'marts' order by 1"
        ).fetchall()
    ]
    assert "fct_incidents" in marts and "retaliation_lag" in marts
    for mart in marts:
        assert _differing_rows(con, f"local_build.marts.{mart}", f"ray_build.marts.{mart}") == 0, mart
    assert con.sql("select count(*) from ray_build.marts.fct_incidents").fetchall()[0][0] > ARTICLES / 2


def test_ray_tasks_quarantine_an_article_over_the_budget_as_local_processes_do(local_build, ray_cluster):
    con = duckdb.connect(str(local_build / "work.duckdb"), read_only=True)  # the served file holds no article text
    articles = con.sql("select * from raw.articles order by file").pl()
    oversized = "قصفت طائرات مسيرة قاعدة عين الأسد في محافظة الأنبار صباح اليوم. " * 30_000
    middle = articles.height // 2
    articles = pl.concat(
        [
            articles.head(middle),
            articles.head(1).with_columns(file=pl.lit("oversized.txt"), article_id=pl.lit("oversized"), text=pl.lit(oversized)),
            articles.slice(middle),
        ]
    )

    local = extract_frames(articles, seconds_per_article=SECONDS_PER_ARTICLE)
    on_ray = extract_on_ray(articles, seconds_per_article=SECONDS_PER_ARTICLE, chunk_articles=CHUNK_ARTICLES)
    assert on_ray.quarantined["file"].to_list() == ["oversized.txt"]
    assert "time budget" in on_ray.quarantined["reason"][0]
    for part in ("events", "claims", "quarantined"):
        assert getattr(on_ray, part).equals(getattr(local, part)), part
    assert local.events.height > 300


def test_partitions_hold_the_raw_tables_by_ingest_day(local_build, ray_rebuild):
    for warehouse in (local_build, ray_rebuild[0]):
        lake = warehouse / LAKE_FOLDER
        con = duckdb.connect(str(warehouse / "work.duckdb"), read_only=True)  # raw.articles with its text
        for table in LAKE_TABLES:
            partitions = (
                f"(select * exclude ({PARTITION}) from read_parquet('{lake}/{table}/*/*.parquet', hive_partitioning = true))"
            )
            assert _differing_rows(con, partitions, f"raw.{table}") == 0, table
        days = con.sql(
            f"select distinct {PARTITION} from read_parquet('{lake}/events/*/*.parquet', hive_partitioning = true)"
        ).fetchall()
        ingest_days = {
            d for (d,) in con.sql("select distinct (ingested_at at time zone 'UTC')::date from raw.articles").fetchall()
        }
        assert {dt.date.fromisoformat(str(d)) for (d,) in days} <= ingest_days
        assert {p.name for p in (lake / "articles").iterdir()} == {f"{PARTITION}={d.isoformat()}" for d in ingest_days}
        # An article's events lie in its own day.
        assert (
            con.sql(
                f"select count(*) from read_parquet('{lake}/events/*/*.parquet', hive_partitioning = true) e "
                f"join read_parquet('{lake}/articles/*/*.parquet', hive_partitioning = true) a on e.article = a.file "
                f"where e.{PARTITION} <> a.{PARTITION}"
            ).fetchall()[0][0]
            == 0
        )


def test_dbt_builds_the_same_marts_from_the_partitions(local_build, tmp_path):
    """dbt-duckdb with staging on the Parquet partitions (`--vars '{raw_source: lake}'`) serves the same marts."""
    warehouse = tmp_path / "warehouse"
    shutil.copytree(local_build, warehouse)
    run = subprocess.run(
        [
            str(Path(sys.executable).parent / "dbt"),
            "run",
            "--vars",
            json.dumps({"raw_source": "lake", "warehouse_dir": str(warehouse)}),
            "--profiles-dir",
            ".",
            "--target-path",
            str(tmp_path / "target"),
            "--log-path",
            str(tmp_path / "logs"),
        ],
        cwd=DBT_PROJECT_DIR,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert run.returncode == 0, run.stdout[-3000:]
    con = duckdb.connect(str(warehouse / WORK_DB), read_only=True)
    for table in LAKE_TABLES:
        view = con.sql(f"select sql from duckdb_views() where view_name = 'stg_raw__{table}'").fetchall()[0][0]
        assert f"{warehouse / LAKE_FOLDER}/{table}/" in view
    con.execute(f"attach '{local_build / SERVED_DB}' as local_build (read_only)")
    for mart in ("fct_event_reports", "fct_incidents", "attack_frequency_per_base", "retaliation_lag"):
        assert _differing_rows(con, f"marts.{mart}", f"local_build.marts.{mart}") == 0, mart


def test_only_days_whose_articles_changed_are_written_again(tmp_path):
    schema = RAW_SCHEMAS["articles"]
    lake = Lake(str(tmp_path), {"articles": schema})
    articles = pl.DataFrame(
        [
            {
                "file": f"{n}.txt",
                "article_id": str(n),
                "text": "نص",
                "extractor_version": "rules-a",
                "ingested_at": dt.datetime(2025, 3, 1 + n % 3, 22, tzinfo=dt.UTC),
            }
            for n in range(6)
        ],
        schema=schema,
    )
    assert lake.stale_days(articles) == [dt.date(2025, 3, 1), dt.date(2025, 3, 2), dt.date(2025, 3, 3)]
    for d in lake.stale_days(articles):
        lake.write_partition("articles", d, articles.filter(pl.col("ingested_at").dt.date() == d))
    assert lake.stale_days(articles) == []
    reextracted = articles.with_columns(
        extractor_version=pl.when(pl.col("file") == "4.txt").then(pl.lit("rules-b")).otherwise("extractor_version")
    )
    assert lake.stale_days(reextracted) == [dt.date(2025, 3, 2)]
    # A day whose articles all left is stale until its partition is written empty.
    retracted = articles.filter(pl.col("ingested_at").dt.date() != dt.date(2025, 3, 3))
    assert lake.stale_days(retracted) == [dt.date(2025, 3, 3)]
    lake.write_partition("articles", dt.date(2025, 3, 3), retracted.head(0))
    assert lake.stale_days(retracted) == []
    assert lake.scan("articles").collect().drop(PARTITION).sort("file").equals(retracted.sort("file"))


@pytest.fixture
def s3_server(monkeypatch):
    """moto's S3 server on a free port of 127.0.0.1, found through the usual AWS_* variables, with a bucket."""
    import boto3
    from moto.server import ThreadedMotoServer

    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    for name, value in {
        "AWS_ENDPOINT_URL": f"http://{host}:{port}",
        "AWS_ACCESS_KEY_ID": "test",
        "AWS_SECRET_ACCESS_KEY": "test",
        "AWS_REGION": "us-east-1",
        "AWS_ALLOW_HTTP": "true",
    }.items():
        monkeypatch.setenv(name, value)
    boto3.client("s3").create_bucket(Bucket="militia")
    yield "s3://militia/lake"
    server.stop()


def test_partitions_round_trip_through_s3_compatible_storage(local_build, s3_server):
    warehouse = Warehouse(directory=str(local_build))
    lake = LakeStore(root=s3_server)
    result = dg.materialize([lake_partitions], resources={"warehouse": warehouse, "lake": lake})
    assert result.success
    written = result.asset_materializations_for_node("lake_partitions")[0].metadata
    assert written["root"].value == s3_server and written["days rewritten"].value >= 1

    on_s3, local = lake.at(warehouse), LakeStore(root=str(local_build / LAKE_FOLDER)).at(warehouse)
    for table in LAKE_TABLES:
        order = list(RAW_SCHEMAS[table])[:2]
        remote_rows = on_s3.scan(table).collect().sort(order)
        assert remote_rows.height > 0
        assert remote_rows.equals(local.scan(table).collect().sort(order)), table
    # Nothing changed since: a second run writes nothing to the store.
    again = dg.materialize([lake_partitions], resources={"warehouse": warehouse, "lake": lake})
    assert again.asset_materializations_for_node("lake_partitions")[0].metadata["days rewritten"].value == 0
