"""An error in the events contract stops the run before the warehouse: the served marts stay as they were."""

import hashlib

import dagster as dg
from conftest import execute_pipeline

# Dated 14 January in its header, the article tells of an attack on 20 February: a date after
# publication, which the events contract refuses (a scraper's wrong header, a typo in the body).
IMPOSSIBLE_DATE = """الأحد 2024/01/14

سقطت ثلاثة صواريخ على قاعدة عين الأسد الجوية في 20 شباط 2024، من دون وقوع إصابات.
"""


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_bad_events_block_the_load_and_keep_the_served_marts(pipeline, loaded_sample):
    landing, warehouse = loaded_sample
    served = warehouse / "militia.duckdb"
    before = digest(served)

    (landing / "impossible.txt").write_text(IMPOSSIBLE_DATE, encoding="utf-8")
    result = execute_pipeline(pipeline, landing, warehouse)

    assert not result.success
    checks = {c.check_name: c for c in result.get_asset_check_evaluations()}
    assert not checks["events_contract"].passed
    assert checks["events_contract"].severity == dg.AssetCheckSeverity.ERROR
    materialized = {e.asset_key.to_user_string() for e in result.get_asset_materialization_events()}
    assert "raw/events" not in materialized and "served_warehouse" not in materialized
    assert digest(served) == before
