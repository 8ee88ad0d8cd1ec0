"""A static HTML page of the marts: a daily timeline, attacks per base per month, per-base
totals, the retaliation-lag distributions, a map of incidents, and every incident with
links to the sentences that tell it.

Read from the Parquet copies of the published marts, so it shows exactly what readers
get. One self-contained file that works offline: the charts are Vega-Lite specs (drawn with
Altair) and the Vega JavaScript that draws them is inlined from vl-convert; the map's
borders ship with the project (orchestration/boundaries/). Nothing is fetched.
"""

import html
import json
import os
import urllib.parse
from pathlib import Path

import altair as alt
import polars as pl
import vl_convert
from altair.utils._importers import vl_version_for_vl_convert

REPORT_FILE = "index.html"
BORDERS = Path(__file__).resolve().parent / "boundaries" / "countries.geojson"
# The map is framed on these countries (names as in BORDERS); neighbours are drawn for context.
THEATRE = ("Iraq", "Jordan", "Syria")
# Only these URL schemes become links: a manifest is scraper input, and `javascript:` or
# `data:` URLs in it must not run in a reader's browser.
LINK_SCHEMES = ("http", "https")
ACT_COLOURS = alt.Scale(domain=["attack", "strike"], range=["#b2222d", "#1f5f8b"])
CHART_WIDTH = 760

_CSS = """
body { font: 14px/1.45 system-ui, sans-serif; margin: 2em auto; max-width: 72em; color: #222; padding: 0 1em; }
h1 { font-size: 1.5em; } h2 { font-size: 1.2em; margin-top: 2em; border-bottom: 1px solid #ccc; }
table { border-collapse: collapse; font-size: 0.92em; }
th, td { border-bottom: 1px solid #e4e4e4; padding: 0.25em 0.5em; text-align: left; vertical-align: top; }
th { background: #f4f4f4; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
.muted { color: #777; }
.chart { margin: 0.5em 0 1em; overflow-x: auto; }
.evidence { direction: rtl; text-align: right; font-size: 1.05em; }
:target { background: #fff3c4; }
"""


def render_report(parquet_dir: Path, out_dir: Path) -> Path:
    """Write out_dir/index.html from the mart Parquet files; replaced atomically."""
    marts = {
        name: pl.read_parquet(parquet_dir / f"{name}.parquet")
        for name in (
            "attack_frequency_per_base",
            "attack_timeline",
            "retaliation_lag",
            "retaliation_lag_summary",
            "fct_incidents",
            "fct_event_reports",
            "dim_locations",
        )
    }
    incidents = marts["fct_incidents"]
    charts = {
        "timeline": _timeline_chart(marts["attack_timeline"]),
        "monthly": _monthly_attacks_chart(marts["attack_frequency_per_base"]),
        "bases": _base_totals_chart(marts["attack_frequency_per_base"]),
        "lags": _lag_chart(marts["retaliation_lag"]),
        "map": _incident_map(incidents, marts["dim_locations"]),
    }
    unplaced = incidents.filter(pl.col("location_id").is_null()).height
    body = [
        "<h1>Militia attacks and US / coalition strikes</h1>",
        f"<p class=muted>From the published marts: {incidents.height} incidents from "
        f"{marts['fct_event_reports'].height} event reports.</p>",
        "<h2>Attacks and strikes per day</h2>",
        _chart_slot("timeline", charts),
        "<p class=muted>Acts with a known day, by country; an act in two countries is drawn in each.</p>",
        "<h2>Attacks per base per month</h2>",
        _chart_slot("monthly", charts),
        "<p class=muted>Months with at least one attack on a base; attacks whose day is unknown count only in the totals below.</p>",
        "<h2>Attacks per base, all time</h2>",
        _chart_slot("bases", charts),
        "<h2>Retaliation lag</h2>",
        _chart_slot("lags", charts),
        _lag_summary_table(marts["retaliation_lag_summary"]),
        "<h2>Map of incidents</h2>",
        _chart_slot("map", charts),
        f"<p class=muted>Click a circle for the incident and its evidence. {unplaced} incident(s) name only a "
        "country, not a place, and are not on the map. Borders: Natural Earth (public domain).</p>",
        "<h2>Incidents</h2>",
        _incident_table(incidents, marts["dim_locations"]),
        "<h2>Evidence</h2>",
        _evidence_list(marts["fct_event_reports"]),
    ]
    drawn = {slot: spec for slot, spec in charts.items() if spec is not None}
    page = (
        "<!doctype html><html lang=en><head><meta charset=utf-8>"
        "<meta name=viewport content='width=device-width, initial-scale=1'>"
        f"<title>Militia events: marts report</title><style>{_CSS}</style>"
        f"<script>{vl_convert.javascript_bundle(vl_version=vl_version_for_vl_convert())}</script>"
        "</head><body>" + "\n".join(body) + _embed_script(drawn) + "</body></html>"
    )
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / REPORT_FILE
    staging = target.with_suffix(".html.tmp")
    staging.write_text(page, encoding="utf-8")
    os.replace(staging, target)
    return target


def _chart_slot(slot: str, charts: dict) -> str:
    if charts[slot] is None:
        return "<p class=muted>Nothing to draw yet.</p>"
    return f"<div class=chart id='chart-{slot}'></div>"


def _embed_script(specs: dict[str, dict]) -> str:
    """Draw every chart as SVG; <body data-charts-drawn=N> says when all N are drawn."""
    # "</" inside a <script> would end it: escaped, the JSON stays the same.
    payload = json.dumps(specs, sort_keys=True).replace("</", "<\\/")
    return (
        "<script>const charts = " + payload + ";\n"
        "Promise.all(Object.entries(charts).map(([slot, spec]) =>"
        " vegaEmbed('#chart-' + slot, spec, {renderer: 'svg', actions: false})))"
        ".then(() => { document.body.dataset.chartsDrawn = Object.keys(charts).length; })"
        ".catch(error => { document.body.dataset.chartError = String(error); });</script>"
    )


def _values(frame: pl.DataFrame) -> alt.InlineData:
    """Rows as JSON values (dates as ISO text), so charts carry their data in the page."""
    return alt.InlineData(values=frame.with_columns(pl.col(pl.Date).cast(pl.String)).to_dicts())


def _spec(chart: alt.TopLevelMixin) -> dict:
    return chart.configure_view(stroke=None).configure_axis(labelLimit=0, titleFontSize=12).to_dict()


def _timeline_chart(timeline: pl.DataFrame) -> dict | None:
    acts = (
        timeline.unpivot(index=["day", "country"], on=["attacks", "strikes"], variable_name="act", value_name="acts")
        .filter(pl.col("acts") > 0)
        .with_columns(pl.col("act").str.strip_suffix("s"))
    )
    if acts.is_empty():
        return None
    peak = acts.group_by("day", "country").agg(pl.col("acts").sum())["acts"].max()
    chart = (
        alt.Chart(_values(acts))
        .mark_bar(width=3)
        .encode(
            x=alt.X("day:T", title="day", axis=alt.Axis(format="%Y-%m", labelAngle=0)),
            y=alt.Y("sum(acts):Q", title="acts", axis=_count_axis(peak)),
            color=alt.Color("act:N", scale=ACT_COLOURS, title="act"),
            row=alt.Row("country:N", title="country", header=alt.Header(labelAngle=0, labelAlign="left")),
            tooltip=[alt.Tooltip("day:T", format="%Y-%m-%d"), "country:N", "act:N", alt.Tooltip("sum(acts):Q", title="acts")],
        )
        .properties(width=CHART_WIDTH, height=90)
    )
    return _spec(chart)


def _count_axis(peak: int) -> alt.Axis:
    """Whole numbers only: a short axis would otherwise be ticked 0, 0.5, 1."""
    return alt.Axis(values=list(range(peak + 1)), format="d") if peak <= 5 else alt.Axis(tickMinStep=1, format="d")


def _monthly_attacks_chart(frequency: pl.DataFrame) -> dict | None:
    monthly = frequency.filter(pl.col("period_type") == "month").with_columns(base=pl.coalesce("base_name", "location_id"))
    if monthly.is_empty():
        return None
    cells = alt.Chart(_values(monthly)).encode(
        x=alt.X("period:O", title="month", axis=alt.Axis(labelAngle=-45)),
        y=alt.Y("base:N", title=None, sort=alt.EncodingSortField("attacks", op="sum", order="descending")),
    )
    chart = (
        cells.mark_rect().encode(
            color=alt.Color(
                "attacks:Q", title="attacks", scale=alt.Scale(scheme="reds"), legend=alt.Legend(format="d", tickMinStep=1)
            ),
            tooltip=["base:N", "period:O", "attacks:Q", "rockets:Q", "drones:Q", "claimed_attacks:Q"],
        )
        + cells.mark_text(baseline="middle").encode(text="attacks:Q")
    ).properties(width=alt.Step(30), height=alt.Step(24))
    return _spec(chart)


def _base_totals_chart(frequency: pl.DataFrame) -> dict | None:
    totals = (
        frequency.filter(pl.col("period_type") == "all_time")
        .with_columns(base=pl.coalesce("base_name", "location_id"))
        .unpivot(index=["base", "attacks"], on=["claimed_attacks", "unclaimed_attacks"], variable_name="claim", value_name="n")
        .with_columns(pl.col("claim").str.strip_suffix("_attacks"))
    )
    if totals.is_empty():
        return None
    chart = (
        alt.Chart(_values(totals))
        .mark_bar()
        .encode(
            x=alt.X("sum(n):Q", title="attacks", axis=alt.Axis(tickMinStep=1)),
            y=alt.Y("base:N", title=None, sort=alt.EncodingSortField("n", op="sum", order="descending")),
            color=alt.Color(
                "claim:N",
                title="claimed by a group",
                scale=alt.Scale(domain=["claimed", "unclaimed"], range=["#b2222d", "#e8a0a4"]),
            ),
            tooltip=["base:N", "claim:N", alt.Tooltip("sum(n):Q", title="attacks")],
        )
        .properties(width=CHART_WIDTH - 200)
    )
    return _spec(chart)


def _lag_chart(lags: pl.DataFrame) -> dict | None:
    if lags.is_empty():
        return None
    shown = lags.with_columns(
        answer=pl.when(pl.col("lag_days").is_null()).then(pl.lit("none")).otherwise(pl.col("lag_days").cast(pl.String)),
        order=pl.coalesce(pl.col("lag_days"), pl.lit(10_000)),
        direction=pl.col("direction").replace(
            {"attack_to_strike": "attack → next strike", "strike_to_attack": "strike → next attack"}
        ),
    ).select("direction", "answer", "order")
    chart = (
        alt.Chart(_values(shown))
        .mark_bar()
        .encode(
            x=alt.X(
                "answer:O",
                title="lag in days (none: nothing within the window)",
                sort=alt.EncodingSortField("order", op="min"),
                axis=alt.Axis(labelAngle=0),
            ),
            y=alt.Y("count():Q", title="acts", axis=alt.Axis(tickMinStep=1)),
            color=alt.condition(alt.datum.answer == "none", alt.value("#999"), alt.value("#1f5f8b")),
            column=alt.Column("direction:N", title=None),
            tooltip=["direction:N", "answer:O", alt.Tooltip("count():Q", title="acts")],
        )
        .properties(width=CHART_WIDTH // 2 - 40, height=160)
    )
    return _spec(chart)


def _incident_map(incidents: pl.DataFrame, locations: pl.DataFrame) -> dict | None:
    placed = (
        incidents.join(locations.select("location_id", "name_en", "latitude", "longitude"), on="location_id")
        .filter(pl.col("latitude").is_not_null())
        .with_columns(
            evidence=pl.lit("#incident-") + pl.col("incident_id"),
            date=pl.col("event_date").cast(pl.String).fill_null("unknown"),
            countries=pl.col("country").list.join(", "),
        )
        .select("incident_id", "event_type", "name_en", "date", "countries", "n_reports", "latitude", "longitude", "evidence")
    )
    if placed.is_empty():
        return None
    borders = json.loads(BORDERS.read_text(encoding="utf-8"))
    theatre = [f for f in borders["features"] if f["properties"]["name"] in THEATRE]
    projection = alt.Projection(type="mercator", fit={"type": "FeatureCollection", "features": theatre})
    land = (
        alt.Chart(alt.InlineData(values=borders, format=alt.DataFormat(property="features", type="json")))
        .mark_geoshape(
            fill="#f1efe9",
            stroke="#888",
            strokeWidth=0.7,
            clip=True,
        )
        .encode(tooltip=alt.Tooltip("properties.name:N", title="country"))
    )
    names = (
        alt.Chart(
            alt.InlineData(
                values=[
                    {"name": "Syria", "lon": 38.5, "lat": 35.2},
                    {"name": "Iraq", "lon": 43.8, "lat": 33.0},
                    {"name": "Jordan", "lon": 36.6, "lat": 30.9},
                ]
            )
        )
        .mark_text(color="#999", fontSize=13, fontWeight="bold")
        .encode(longitude="lon:Q", latitude="lat:Q", text="name:N")
    )
    acts = (
        alt.Chart(_values(placed))
        .mark_circle(size=160, opacity=0.8, stroke="white", strokeWidth=0.8, cursor="pointer")
        .encode(
            longitude="longitude:Q",
            latitude="latitude:Q",
            color=alt.Color("event_type:N", scale=ACT_COLOURS, title="act"),
            href="evidence:N",
            tooltip=[
                alt.Tooltip("event_type:N", title="act"),
                alt.Tooltip("name_en:N", title="place"),
                "date:N",
                "countries:N",
                alt.Tooltip("n_reports:Q", title="reports"),
            ],
        )
    )
    return _spec((land + names + acts).project(**projection.to_dict()).properties(width=CHART_WIDTH, height=560))


def _e(value) -> str:
    return "" if value is None else html.escape(str(value))


def _lag_summary_table(summary: pl.DataFrame) -> str:
    rows = "".join(
        f"<tr><td>{_e(r['direction'])}</td><td>{_e(r['country'])}</td><td>{r['year']}</td><td class=n>{r['acts']}</td>"
        f"<td class=n>{r['answered_acts']}</td><td class=n>{_fmt(r['median_lag_days'])}</td><td class=n>{_fmt(r['p90_lag_days'])}</td>"
        f"<td class=n>{_fmt(r['median_lag_hours'])}</td></tr>"
        for r in summary.sort(["direction", "country", "year"]).iter_rows(named=True)
    )
    return (
        "<table><tr><th>direction</th><th>country</th><th>year</th><th>acts</th><th>answered</th>"
        f"<th>median days</th><th>p90 days</th><th>median hours</th></tr>{rows}</table>"
    )


def _fmt(value) -> str:
    return "" if value is None else f"{value:g}"


def _incident_table(incidents: pl.DataFrame, locations: pl.DataFrame) -> str:
    names = dict(zip(locations["location_id"], locations["name_en"]))
    ordered = incidents.sort(["event_date", "incident_id"], descending=[True, False], nulls_last=True)
    rows = []
    for r in ordered.iter_rows(named=True):
        place = names.get(r["location_id"], r["location_id"]) or "(" + ", ".join(r["country"]) + ")"
        munitions = (
            ""
            if r["munition_count_low"] is None
            else str(r["munition_count_low"])
            if r["munition_count_low"] == r["munition_count_high"]
            else f"{r['munition_count_low']}–{r['munition_count_high']}"
        )
        links = " ".join(f"<a href='#report-{_e(eid)}'>{i + 1}</a>" for i, eid in enumerate(r["event_ids"]))
        date = _e(r["event_date"]) + (
            "" if r["date_precision"] == "day" else f" <span class=muted>({_e(r['date_precision'])})</span>"
        )
        rows.append(
            f"<tr id='incident-{_e(r['incident_id'])}'{' class=muted' if r['is_background'] else ''}><td>{date}</td><td>{_e(r['time_of_day'])}</td>"
            f"<td>{_e(r['event_type'])}</td><td>{_e(place)}</td><td>{_e(', '.join(r['country']))}</td>"
            f"<td>{_e(r['actor'])}{' (claimed)' if r['claimed'] else ''}</td><td>{_e(r['weapon'])}</td>"
            f"<td class=n>{munitions}</td><td class=n>{_e(r['killed'])}</td><td class=n>{_e(r['injured'])}</td>"
            f"<td class=n>{r['n_reports']}</td><td>{_e(', '.join(r['sources']))}</td><td>{links}</td></tr>"
        )
    return (
        "<table><tr><th>date</th><th>time</th><th>type</th><th>place</th><th>country</th><th>actor</th>"
        "<th>weapon</th><th>munitions</th><th>killed</th><th>injured</th><th>reports</th><th>sources</th>"
        "<th>evidence</th></tr>" + "".join(rows) + "</table>"
        "<p class=muted>Greyed rows are acts only recalled as background. Munitions: the lowest and highest "
        "count the sources gave. Casualties are the lowest figure reported.</p>"
    )


def article_link(url: str | None) -> str | None:
    """The URL if a browser may follow it as a link to the article (http or https), else None."""
    if not url:
        return None
    return url if urllib.parse.urlsplit(url.strip()).scheme.lower() in LINK_SCHEMES else None


def _evidence_list(reports: pl.DataFrame) -> str:
    items = []
    for r in reports.sort(["article", "event_id"]).iter_rows(named=True):
        source = _e(r["article"])
        if url := article_link(r["url"]):
            # A text fragment makes the browser scroll the article to the sentence.
            fragment = urllib.parse.quote(" ".join((r["evidence"] or "").split()[:6]))
            source = f"<a href='{_e(url)}#:~:text={fragment}'>{source}</a>"
        items.append(
            f"<li id='report-{_e(r['event_id'])}'><b>{_e(r['event_type'])}</b> {_e(r['location_id'] or '')} "
            f"<span class=muted>{source}, published {_e(r['published_on'])}{', ' + _e(r['outlet']) if r['outlet'] else ''}"
            f", incident <a href='#incident-{_e(r['incident_id'])}'>{_e(r['incident_id'])}</a></span>"
            f"<p class=evidence lang=ar>{_e(r['evidence'])}</p></li>"
        )
    return "<ol>" + "".join(items) + "</ol>"
