"""Files for other tools, written from the published marts' Parquet copies after each publish:

- ``events_acled.csv``: one row per incident in the columns of ACLED's codebook, so analysts can
  append our events to an ACLED export (the mapping, column by column, is docs/EXPORTS.md);
- ``incidents.geojson``: every incident with a known place as a point, for QGIS and kepler.gl.

Rows are in a fixed order and nothing depends on the clock: the same marts give the same bytes.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
from pathlib import Path

import polars as pl

from transforms import vocabulary

EXPORTS_DIR = "exports"
ACLED_FILE = "events_acled.csv"
GEOJSON_FILE = "incidents.geojson"

ACLED_COLUMNS = (
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "actor2",
    "interaction",
    "iso",
    "country",
    "admin1",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "timestamp",
)
# ISO 3166-1: ACLED's `iso` is the numeric code, its event ids start with the alpha-3 code.
COUNTRIES = {c.country: (c.iso_numeric, c.iso_alpha3, c.name_en) for c in vocabulary.countries().values()}
# An act whose reports name no country: ISO 3166 keeps X-codes for such uses, and XXX means unknown.
UNKNOWN_COUNTRY = (None, "XXX", None)
# ACLED's time_precision: 1 the day is known, 2 the week, 3 the month.
TIME_PRECISION = {"day": 1, "week": 2}
# ACLED's sub-event of a remote act by the weapon used; a gunfire exchange is a battle.
SUB_EVENT_BY_WEAPON = {
    "rocket": "Shelling/artillery/missile attack",
    "missile": "Shelling/artillery/missile attack",
    "artillery": "Shelling/artillery/missile attack",
    "drone": "Air/drone strike",
    "airstrike": "Air/drone strike",
}
US_FORCES = "Military Forces of the United States"
COALITION_FORCES = "Military Forces of the International Coalition"
# ACLED's actor types: US and coalition troops abroad are external forces, the militias political militias.
INTERACTION = "Political militia-External/Other forces"
# A place's kind as ACLED's geo_precision: 1 the place itself, 2 a part of a region, 3 only the country.
GEO_PRECISION = {"base": 1, "place": 1, "governorate": 2}


def write_exports(parquet_dir: Path, warehouse_dir: Path) -> dict[str, Path]:
    """Write exports/events_acled.csv and exports/incidents.geojson; each replaced atomically."""
    incidents = placed_incidents(parquet_dir)
    out = warehouse_dir / EXPORTS_DIR
    out.mkdir(parents=True, exist_ok=True)
    return {
        ACLED_FILE: _replace(out / ACLED_FILE, acled_csv(incidents)),
        GEOJSON_FILE: _replace(out / GEOJSON_FILE, incidents_geojson(incidents)),
    }


def placed_incidents(parquet_dir: Path) -> pl.DataFrame:
    """Incidents that happened (not background recalls) and have a date, with place, governorate and actor names."""
    incidents = pl.read_parquet(parquet_dir / "fct_incidents.parquet")
    locations = pl.read_parquet(parquet_dir / "dim_locations.parquet")
    actors = pl.DataFrame(list(vocabulary.actors().values())).select("actor", actor_name="name_en")
    places = locations.select("location_id", place="name_en", latitude="latitude", longitude="longitude")
    governorates = locations.filter(pl.col("location_kind") == "governorate").select(governorate="location_id", admin1="name_en")
    return (
        incidents.filter(~pl.col("is_background") & pl.col("event_date").is_not_null())
        .join(places, on="location_id", how="left")
        .join(governorates, on="governorate", how="left")
        # A governorate the gazetteer has no row for is named by its id.
        .with_columns(admin1=pl.coalesce("admin1", pl.col("governorate").str.replace_all("_", " ").str.to_titlecase()))
        .join(actors, on="actor", how="left")
        .sort("event_date", "incident_id")
    )


def acled_row(r: dict) -> dict:
    # One country per row, as ACLED has it: the incident's primary country (fct_incidents).
    iso_numeric, iso3, country = COUNTRIES.get(r["primary_country"], UNKNOWN_COUNTRY)
    militia = r["actor_name"] if r["actor"] in vocabulary.named_militias() else None
    state = COALITION_FORCES if r["actor"] == "coalition" else US_FORCES
    if r["event_type"] == "attack":
        actor1, actor2 = militia or "Unidentified Iran-aligned militia", state
    else:
        actor1, actor2 = state, "Unidentified Iran-aligned militia"
    battle = r["weapon"] == "gunfire"
    munitions = (
        ""
        if r["munition_count_low"] is None
        else f" {r['munition_count_low']}"
        + ("" if r["munition_count_high"] == r["munition_count_low"] else f" to {r['munition_count_high']}")
        + " munitions."
    )
    also = [c for c in r["country"] if c != r["primary_country"]]
    notes = (
        f"On {r['event_date']}{' (' + r['time_of_day'] + ')' if r['time_of_day'] else ''}, "
        f"{r['weapon'] or 'unspecified'} {r['event_type']} at {r['place'] or 'an unnamed place'}"
        f"{' (claimed)' if r['claimed'] else ''}.{munitions}"
        f"{' Also reported in ' + ', '.join(also) + '.' if also else ''}"
        f" {r['n_reports']} report(s). militia-events incident {r['incident_id']}."
    )
    reported = dt.datetime.combine(r["last_reported_on"] or r["event_date"], dt.time(), dt.UTC)
    return {
        "event_id_cnty": f"{iso3}{r['incident_id']}",
        "event_date": r["event_date"].isoformat(),
        "year": r["event_date"].year,
        "time_precision": TIME_PRECISION.get(r["date_precision"], 3),
        "disorder_type": "Political violence",
        "event_type": "Battles" if battle else "Explosions/Remote violence",
        "sub_event_type": "Armed clash" if battle else SUB_EVENT_BY_WEAPON.get(r["weapon"], "Shelling/artillery/missile attack"),
        "actor1": actor1,
        "actor2": actor2,
        "interaction": INTERACTION,
        "iso": iso_numeric,
        "country": country,
        "admin1": r["admin1"],
        "location": r["place"],
        "latitude": r["latitude"],
        "longitude": r["longitude"],
        "geo_precision": GEO_PRECISION.get(r["location_kind"], 3),
        "source": "; ".join(sorted(set(r["outlets"] or []) | set(r["sources"] or []))),
        "source_scale": "Other",
        "notes": notes,
        "fatalities": r["killed"] or 0,
        "timestamp": int(reported.timestamp()),
    }


def acled_csv(incidents: pl.DataFrame) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=ACLED_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for row in incidents.iter_rows(named=True):
        writer.writerow(acled_row(row))
    return buffer.getvalue()


def incidents_geojson(incidents: pl.DataFrame) -> str:
    features = [
        {
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [r["longitude"], r["latitude"]]},
            "properties": {
                "incident_id": r["incident_id"],
                "event_type": r["event_type"],
                "event_date": r["event_date"].isoformat(),
                "date_precision": r["date_precision"],
                "time_of_day": r["time_of_day"],
                "location_id": r["location_id"],
                "place": r["place"],
                "country": ",".join(r["country"]),
                "admin1": r["admin1"],
                "actor": r["actor"],
                "claimed": r["claimed"],
                "weapon": r["weapon"],
                "munition_count_low": r["munition_count_low"],
                "munition_count_high": r["munition_count_high"],
                "killed": r["killed"],
                "injured": r["injured"],
                "n_reports": r["n_reports"],
                "sources": ",".join(r["sources"] or []),
                "event_ids": ",".join(r["event_ids"]),
            },
        }
        for r in incidents.filter(pl.col("latitude").is_not_null()).iter_rows(named=True)
    ]
    return json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False, indent=1) + "\n"


def _replace(target: Path, text: str) -> Path:
    staging = target.with_name(f".{target.name}.tmp")
    staging.write_text(text, encoding="utf-8")
    os.replace(staging, target)
    return target
