"""The whole asset graph materialised for real: landing folder to served marts."""


def _rows(con, sql):
    return con.execute(sql).fetchall()


def test_every_asset_and_check_ran(pipeline_run):
    materialized = pipeline_run.materialized
    assert {"raw_articles", "events", "raw/events", "served_warehouse"} <= materialized
    assert any(key.endswith("attack_frequency_per_base") for key in materialized)
    checks = pipeline_run.checks
    assert checks and all(passed for _, _, passed in checks)
    assert ("events", "events_contract", True) in checks


def test_raw_tables_hold_the_sample(served):
    assert _rows(served, "select count(*) from raw.articles") == [(5,)]
    assert _rows(served, "select count(*) from raw.rejected_files") == [(0,)]
    files = {r[0] for r in _rows(served, "select distinct article from raw.events")}
    assert len(files) == 5


def test_conoco_attacks_counted(served):
    rows = dict(
        _rows(
            served,
            """
        select location_id, attacks from marts.attack_frequency_per_base where period_type = 'all_time'
    """,
        )
    )
    # Conoco is attacked in three sample articles (000, 002, 004); al-Tanf once (002).
    assert rows["conoco"] == 3
    assert rows["al_tanf"] == 1


def test_attacks_paired_with_a_retaliation(served):
    pairs = _rows(
        served,
        """
        select location_id, next_location_id, lag_days from marts.retaliation_lag
        where direction = 'attack_to_strike' and lag_days is not null
    """,
    )
    assert pairs, "no attack in the sample was followed by a strike"
    assert all(0 <= lag <= 14 for _, _, lag in pairs)
    # The coalition shelled al-Mayadin the day rockets hit al-Omar (sample 003).
    assert ("al_omar", "al_mayadin", 0) in pairs


def test_rerun_gives_the_same_warehouse(rerun):
    assert rerun.done.returncode == 0, rerun.done.stderr
    assert rerun.after.inode == rerun.before.inode  # nothing new: left alone, not copied again
    assert rerun.after.state == rerun.before.state
    # Marts and exports in a fixed row order: byte for byte the same files.
    assert {"events_acled.csv", "incidents.geojson", "fct_incidents.parquet"} <= set(rerun.after.files)
    assert rerun.after.files == rerun.before.files
