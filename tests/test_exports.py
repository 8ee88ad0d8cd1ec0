"""The exports as another tool reads them: ACLED's columns, and GeoJSON points for QGIS and kepler.gl."""

import csv
import json

import pytest

from orchestration.exports import ACLED_COLUMNS, ACLED_FILE, EXPORTS_DIR, GEOJSON_FILE


@pytest.fixture(scope="module")
def exports(pipeline, pipeline_run):
    return pipeline.warehouse / EXPORTS_DIR


def test_acled_csv_has_the_codebook_columns_and_one_row_per_dated_incident(exports, served):
    with open(exports / ACLED_FILE, newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        rows = list(reader)
    assert tuple(reader.fieldnames) == ACLED_COLUMNS
    incidents = served.execute(
        "select count(*) from marts.fct_incidents where not is_background and event_date is not null"
    ).fetchall()[0][0]
    assert len(rows) == incidents
    assert len({r["event_id_cnty"] for r in rows}) == len(rows)
    assert [(r["event_date"], r["event_id_cnty"][3:]) for r in rows] == sorted(
        (r["event_date"], r["event_id_cnty"][3:]) for r in rows
    )


def test_acled_row_of_the_tanf_drone_attack(exports):
    with open(exports / ACLED_FILE, newline="", encoding="utf-8") as handle:
        tanf = [r for r in csv.DictReader(handle) if r["location"] == "Al-Tanf garrison"]
    assert len(tanf) == 1
    row = tanf[0]
    assert (row["country"], row["iso"], row["event_id_cnty"][:3]) == ("Syria", "760", "SYR")
    assert (row["event_type"], row["sub_event_type"]) == ("Explosions/Remote violence", "Air/drone strike")
    assert row["actor2"] == "Military Forces of the United States"
    assert (row["time_precision"], row["geo_precision"]) == ("1", "1")
    assert (float(row["latitude"]), float(row["longitude"])) == (33.493, 38.633)
    assert row["year"] == row["event_date"][:4]


def test_geojson_points_are_the_placed_incidents(exports, served):
    collection = json.loads((exports / GEOJSON_FILE).read_text(encoding="utf-8"))
    placed = dict(
        (r[0], (r[1], r[2]))
        for r in served.execute("""
        select incident_id, longitude, latitude from marts.fct_incidents join marts.dim_locations using (location_id)
        where not is_background and event_date is not null and latitude is not null
    """).fetchall()
    )
    points = {f["properties"]["incident_id"]: tuple(f["geometry"]["coordinates"]) for f in collection["features"]}
    assert collection["type"] == "FeatureCollection"
    assert points == placed
