"""The marts hold what a careful reader of the five sample articles counts.

The expected rows below are counted by hand from the articles (tests/gold/sample_events.jsonl
is that reading, in the events contract). Each expectation is checked twice:

- on marts built by dbt from the reference events themselves, which tests the marts'
  logic alone and must always pass;
- on the marts the pipeline served from the extractor's events. Where the extractor
  still reads an article differently, that case is an expected failure naming the
  extractor's gap (a strict xfail: when the extractor is fixed the test says so, and the gap is taken out).

The serving tests show that a reader holding the served file open does not stop a run.
"""

import csv
import datetime as dt
import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import duckdb
import polars as pl
import pytest
from conftest import GOLD, REPO, SAMPLE_LANDING

DBT_PROJECT = REPO / "dbt_project"


def _rows(con, sql, params=None):
    return con.execute(sql, params or []).fetchall()


# --- the reference warehouse: dbt run on the careful reader's events ---------------------------
def _reference_raw_tables(con: duckdb.DuckDBPyConnection) -> None:
    from transforms.extract import CLAIM_SCHEMA, EVENT_SCHEMA
    from transforms.gazetteer import GAZETTEER_DIR
    from transforms.ingest import ARTICLE_SCHEMA, REJECTED_SCHEMA

    with open(SAMPLE_LANDING / "manifest.csv", encoding="utf-8") as handle:
        published = {row["file"]: dt.date.fromisoformat(row["published_on"]) for row in csv.DictReader(handle)}
    events, claims = [], []
    gold = [json.loads(line) for line in (GOLD / "sample_events.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
    # Optional events are those a careful reader may or may not count: no expectation rests on them.
    for index, event in enumerate(e for e in gold if not e["optional"]):
        event_id = hashlib.sha1(f"reference|{index}".encode()).hexdigest()[:16]
        events.append(
            {
                **{k: event[k] for k in EVENT_SCHEMA if k in event and k != "date"},
                "event_id": event_id,
                "article_id": hashlib.sha1(event["article"].encode()).hexdigest()[:16],
                "date": dt.date.fromisoformat(event["date"]) if event["date"] else None,
                "date_basis": "stated" if event["date"] else None,
                "published_on": published[event["article"]],
                "sources": sorted({c["source"] for c in event["claims"]}),
                "evidence": event["note"],
                "evidence_spans": [],
                "extractor_version": "reference",
            }
        )
        claims += [
            {"event_id": event_id, **{k: c.get(k) for k in ("source", "munition_count", "killed", "injured")}}
            for c in event["claims"]
        ]
    articles = pl.DataFrame(
        [
            {
                "article_id": hashlib.sha1(f.encode()).hexdigest()[:16],
                "file": f,
                "published_on": d,
                "published_on_source": "manifest",
            }
            for f, d in published.items()
        ],
        schema=ARTICLE_SCHEMA,
    )
    frames = {
        "events": pl.DataFrame(events, schema=EVENT_SCHEMA),
        "event_claims": pl.DataFrame(claims, schema=CLAIM_SCHEMA),
        "articles": articles.drop("manifest_published_on"),
        "rejected_files": pl.DataFrame([], schema=REJECTED_SCHEMA),
        "locations": pl.read_csv(GAZETTEER_DIR / "locations.csv", infer_schema_length=0)
        .drop("spellings")
        .with_columns(pl.col("lat").cast(pl.Float64), pl.col("lon").cast(pl.Float64)),
    }
    con.execute("create schema raw").fetchall()
    for name, frame in frames.items():
        con.register("frame", frame.to_arrow())
        con.execute(f"create table raw.{name} as select * from frame").fetchall()
        con.unregister("frame")


def _dbt(warehouse: Path, *args: str) -> subprocess.CompletedProcess:
    """dbt on another warehouse, with its own target folder so the pipeline's manifest stays as it is."""
    from orchestration.resources import Warehouse

    return subprocess.run(
        [
            str(Path(sys.executable).parent / "dbt"),
            *args,
            *Warehouse(directory=str(warehouse)).dbt_vars_args(),
            "--project-dir",
            str(DBT_PROJECT),
            "--profiles-dir",
            str(DBT_PROJECT),
            "--target-path",
            str(warehouse / "target"),
            "--log-path",
            str(warehouse / "logs"),
        ],
        env={**os.environ, "DBT_SEND_ANONYMOUS_USAGE_STATS": "false"},
        capture_output=True,
        text=True,
        cwd=DBT_PROJECT,
    )


@pytest.fixture(scope="module")
def reference(tmp_path_factory):
    warehouse = tmp_path_factory.mktemp("reference-warehouse")
    con = duckdb.connect(str(warehouse / "work.duckdb"))
    _reference_raw_tables(con)
    con.close()
    built = _dbt(warehouse, "build")
    assert built.returncode == 0, built.stdout[-4000:]
    con = duckdb.connect(str(warehouse / "work.duckdb"), read_only=True)
    yield con
    con.close()


@pytest.fixture
def marts(request):
    """The marts of one side: 'reference' (built from the careful reading) or 'pipeline' (served)."""
    return request.getfixturevalue("reference" if request.param == "reference" else "served")


def both(cases: dict, gaps: dict[str, str]):
    """Each case on both sides; on the pipeline side a case the extractor still misreads is xfail."""
    return [
        pytest.param(
            side,
            case,
            expected,
            id=f"{side}-{case}",
            marks=[pytest.mark.xfail(strict=True, reason=gaps[case])] if side == "pipeline" and case in gaps else [],
        )
        for side in ("reference", "pipeline")
        for case, expected in cases.items()
    ]


# --- what a careful reader counts ----------------------------------------------------------------
# All-time row per base: every attack counted once, the Kharab al-Jir attack although its day is unknown.
ALL_TIME = {
    "conoco": dict(
        attacks=3,
        rocket_attacks=3,
        rockets=9,
        drone_attacks=0,
        claimed_attacks=1,
        unclaimed_attacks=2,
        killed=None,
        injured=None,
        first_attack_on=dt.date(2023, 10, 26),
        last_attack_on=dt.date(2024, 7, 25),
        days_since_previous_attack=173,
    ),
    "al_tanf": dict(
        attacks=1,
        rocket_attacks=0,
        drone_attacks=1,
        drones=3,
        claimed_attacks=1,
        unclaimed_attacks=0,
        first_attack_on=dt.date(2023, 10, 26),
        last_attack_on=dt.date(2023, 10, 26),
        days_since_previous_attack=None,
    ),
    "kharab_al_jir": dict(
        attacks=1,
        drone_attacks=1,
        drones=None,
        claimed_attacks=1,
        first_attack_on=None,
        last_attack_on=None,
        days_since_previous_attack=None,
    ),
    "al_omar": dict(
        attacks=1,
        rocket_attacks=1,
        rockets=3,
        claimed_attacks=0,
        killed=0,
        injured=0,
        first_attack_on=dt.date(2022, 1, 5),
        last_attack_on=dt.date(2022, 1, 5),
    ),
    "baghdad_airport": dict(
        attacks=2,
        rocket_attacks=1,
        rockets=1,
        unclaimed_attacks=2,
        first_attack_on=dt.date(2022, 1, 3),
        last_attack_on=dt.date(2022, 1, 5),
        days_since_previous_attack=2,
    ),
    # 4 Katyushas per Reuters and AFP, 3 and a drone per a second AFP source: at least 3; nobody hurt.
    "ain_al_asad": dict(
        attacks=2,
        rocket_attacks=1,
        rockets=3,
        killed=0,
        injured=0,
        first_attack_on=dt.date(2022, 1, 4),
        last_attack_on=dt.date(2024, 7, 25),
        days_since_previous_attack=933,
    ),
}
# (base, period) -> attacks; months and ISO weeks with an attack only, none for the undated one.
MONTHS = {
    ("conoco", "2023-10"): 1,
    ("conoco", "2024-02"): 1,
    ("conoco", "2024-07"): 1,
    ("al_tanf", "2023-10"): 1,
    ("al_omar", "2022-01"): 1,
    ("baghdad_airport", "2022-01"): 2,
    ("ain_al_asad", "2022-01"): 1,
    ("ain_al_asad", "2024-07"): 1,
}
WEEKS = {
    ("conoco", "2023-W43"): 1,
    ("conoco", "2024-W05"): 1,
    ("conoco", "2024-W30"): 1,
    ("al_tanf", "2023-W43"): 1,
    ("al_omar", "2022-W01"): 1,
    ("baghdad_airport", "2022-W01"): 2,
    ("ain_al_asad", "2022-W01"): 1,
    ("ain_al_asad", "2024-W30"): 1,
}
# "event type, place (- for none), day" -> (next act's place, its day, lag in days, lag in hours); None when unanswered.
LAGS = {
    # attack -> next strike in the theatre within 14 days
    "attack deir_ez_zor 2021-06-28": ("al_mayadin", "2021-06-28", 0, 0),
    "attack al_omar 2022-01-05": ("al_mayadin", "2022-01-05", 0, None),
    "attack baghdad_airport 2022-01-03": None,
    "attack ain_al_asad 2022-01-04": None,
    "attack baghdad_airport 2022-01-05": None,
    "attack conoco 2023-10-26": (None, "2023-10-27", 1, None),
    "attack al_tanf 2023-10-26": (None, "2023-10-27", 1, 20),
    "attack conoco 2024-02-03": None,
    "attack ain_al_asad 2024-07-25": None,
    # Two attacks that night; only Conoco shares the theatre of the strike that followed.
    "attack conoco 2024-07-25": ("seven_villages", "2024-07-25", 0, 0),
    # strike -> next militia attack
    "strike - 2021-06-27": ("deir_ez_zor", "2021-06-28", 1, 20),
    "strike al_mayadin 2021-06-28": None,
    "strike al_mayadin 2022-01-05": None,
    "strike - 2023-10-27": None,
    "strike - 2024-02-02": ("conoco", "2024-02-03", 1, 20),
    "strike seven_villages 2024-07-25": None,
}

# Where the extractor still reads the samples differently from the careful reader (tests/gold/sample_events.jsonl).
_MAYADIN_TIME = (
    "extractor: 001 the shelling of al-Mayadin ('ردا على ذلك', after the evening attack) comes out without its time of day"
)
PIPELINE_GAPS = {
    "attack deir_ez_zor 2021-06-28": _MAYADIN_TIME,
}


@pytest.mark.parametrize(("marts", "base", "expected"), both(ALL_TIME, PIPELINE_GAPS), indirect=["marts"])
def test_attacks_per_base_all_time(marts, base, expected):
    columns = list(expected)
    rows = _rows(
        marts,
        f"""
        select {", ".join(columns)} from marts.attack_frequency_per_base
        where period_type = 'all_time' and location_id = ?""",
        [base],
    )
    assert [dict(zip(columns, row)) for row in rows] == [expected]


@pytest.mark.parametrize("marts", ["reference", "pipeline"], indirect=True)
def test_bases_attacked_and_their_periods(marts):
    bases = {r[0] for r in _rows(marts, "select location_id from marts.attack_frequency_per_base where period_type = 'all_time'")}
    months = dict(
        ((b, p), n)
        for b, p, n in _rows(
            marts,
            """
        select location_id, period, attacks from marts.attack_frequency_per_base where period_type = 'month'""",
        )
    )
    weeks = dict(
        ((b, p), n)
        for b, p, n in _rows(
            marts,
            """
        select location_id, period, attacks from marts.attack_frequency_per_base where period_type = 'iso_week'""",
        )
    )
    # Tower 22 is recalled in 004 only as background: never counted as a new attack.
    assert bases == set(ALL_TIME)
    assert months == MONTHS
    assert weeks == WEEKS


@pytest.mark.parametrize(("marts", "act", "expected"), both(LAGS, PIPELINE_GAPS), indirect=["marts"])
def test_retaliation_lag(marts, act, expected):
    event_type, place, day = act.split(" ")
    rows = _rows(
        marts,
        """
        select next_location_id, strftime(next_event_date, '%Y-%m-%d'), lag_days, lag_hours
        from marts.retaliation_lag
        where event_type = ? and coalesce(location_id, '-') = ? and event_date = ?::date""",
        [event_type, place, day],
    )
    assert rows == [expected or (None, None, None, None)]


@pytest.mark.parametrize("marts", ["reference", "pipeline"], indirect=True)
def test_undated_acts_are_left_out_of_the_lag(marts):
    acts = _rows(marts, "select count(*) from marts.retaliation_lag")[0][0]
    assert acts == len(LAGS)
    assert _rows(marts, "select count(*) from marts.retaliation_lag where location_id = 'kharab_al_jir'") == [(0,)]


@pytest.mark.parametrize("marts", ["reference", "pipeline"], indirect=True)
def test_each_sample_act_is_one_incident(marts):
    # No two of the five articles tell the same act.
    reports, incidents, merged = _rows(
        marts,
        """
        select (select count(*) from marts.fct_event_reports),
               (select count(*) from marts.fct_incidents),
               (select count(*) from marts.fct_incidents where n_reports > 1)""",
    )[0]
    assert merged == 0
    assert reports == incidents


def test_an_act_told_as_before_that_is_placed_no_later_than_the_act_it_preceded(served):
    # Sample 000: the Kharab al-Jir attack "preceded" the Conoco attack of Saturday evening; the
    # article gives it no day, so it is placed on Conoco's day (a week-precision estimate), not on
    # the publication day after it.
    rows = _rows(
        served,
        """
        select location_id, event_date, date_precision, date_basis from marts.fct_event_reports
        where article like '000_%' and event_type = 'attack' order by location_id""",
    )
    assert rows == [("conoco", dt.date(2024, 2, 3), "day", "stated"), ("kharab_al_jir", dt.date(2024, 2, 3), "week", "before")]


def test_reference_incidents_hold_the_figures(reference):
    ain_al_asad = _rows(
        reference,
        """
        select munition_count_low, munition_count_high, killed, injured, sources, first_reported_on, n_reports
        from marts.fct_incidents where location_id = 'ain_al_asad' and event_date = date '2024-07-25'""",
    )
    assert ain_al_asad == [(3, 4, 0, 0, ["afp", "reuters"], dt.date(2024, 7, 26), 1)]
    # 17 acts; three more are optional in the reading (a foiled attack, two background recalls).
    reports = _rows(reference, "select count(*), count(distinct incident_id) from marts.fct_event_reports")
    assert reports == [(17, 17)]


@pytest.mark.parametrize("marts", ["reference", "pipeline"], indirect=True)
def test_timeline_counts_each_dated_act_per_country(marts):
    totals = {
        c: (a, s)
        for c, a, s in _rows(
            marts,
            """
        select country, sum(attacks)::int, sum(strikes)::int from marts.attack_timeline group by country""",
        )
    }
    # The US strike waves of 001 and 000 hit both Iraq and Syria: they count in each.
    assert totals == {"SY": (6, 6), "IQ": (4, 2)}
    first = _rows(marts, "select min(day) from marts.attack_timeline where country = 'SY'")
    assert first == [(dt.date(2021, 6, 27),)]


def test_lag_summary_on_the_reference(reference):
    rows = _rows(
        reference,
        """
        select acts, answered_acts, median_lag_days, p90_lag_days from marts.retaliation_lag_summary
        where direction = 'attack_to_strike' and country = 'SY' and year = 2023""",
    )
    assert rows == [(2, 2, 1.0, 1.0)]


def test_dim_locations_is_the_gazetteer(served):
    from transforms.gazetteer import GAZETTEER_DIR

    with open(GAZETTEER_DIR / "locations.csv", encoding="utf-8") as handle:
        places = {row["id"]: row for row in csv.DictReader(handle)}
    rows = {
        r[0]: r[1:]
        for r in _rows(served, "select location_id, location_kind, country, governorate, latitude from marts.dim_locations")
    }
    assert set(rows) == set(places)
    assert rows["conoco"] == ("base", "SY", "deir_ez_zor", float(places["conoco"]["lat"]))


# --- serving ------------------------------------------------------------------------------------
def test_a_reader_holding_the_served_file_does_not_stop_a_run(rerun):
    # A run that publishes while a reader holds the file: tests/test_crash_safety.py.
    assert rerun.done.returncode == 0, rerun.done.stderr
    # Nothing new: the run left the file alone, and the reader reads the same marts.
    assert rerun.after.inode == rerun.before.inode
    assert rerun.answers[0].startswith("[(") and rerun.answers[1] == rerun.answers[0]


def test_every_mart_published_as_parquet(pipeline, served):
    from orchestration.assets.serving import PUBLISHED_MARTS

    for mart in PUBLISHED_MARTS:
        frame = pl.read_parquet(pipeline.warehouse / "parquet" / f"{mart}.parquet")
        table = served.sql(f"select * from marts.{mart}")
        assert (frame.columns, frame.height) == (table.columns, len(table.fetchall())), mart


def test_dbt_docs_generate(pipeline, pipeline_run, tmp_path):
    # A copy of the served file: docs generate opens the database it documents for writing.
    (tmp_path / "work.duckdb").write_bytes((pipeline.warehouse / "militia.duckdb").read_bytes())
    generated = _dbt(tmp_path, "docs", "generate", "--static")
    assert generated.returncode == 0, generated.stdout[-4000:]
    catalog = json.loads((tmp_path / "target" / "catalog.json").read_text())
    assert "model.militia_events.fct_incidents" in catalog["nodes"]
    assert (tmp_path / "target" / "static_index.html").stat().st_size > 0
