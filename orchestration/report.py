"""A static HTML page of the marts: attacks per base per month, the retaliation-lag
distribution, and every incident with links to the sentences that tell it.

Read from the Parquet copies of the published marts, so it shows exactly what readers
get. One self-contained file: inline SVG and CSS, no script, nothing fetched.
"""

import datetime as dt
import html
import os
import urllib.parse
from pathlib import Path

import polars as pl

REPORT_FILE = "index.html"

_CSS = """
body { font: 14px/1.45 system-ui, sans-serif; margin: 2em auto; max-width: 72em; color: #222; padding: 0 1em; }
h1 { font-size: 1.5em; } h2 { font-size: 1.2em; margin-top: 2em; border-bottom: 1px solid #ccc; }
table { border-collapse: collapse; font-size: 0.92em; }
th, td { border-bottom: 1px solid #e4e4e4; padding: 0.25em 0.5em; text-align: left; vertical-align: top; }
th { background: #f4f4f4; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
.muted { color: #777; }
.evidence { direction: rtl; text-align: right; font-size: 1.05em; }
:target { background: #fff3c4; }
svg text { font: 11px system-ui, sans-serif; fill: #333; }
"""


def render_report(parquet_dir: Path, out_dir: Path) -> Path:
    """Write out_dir/index.html from the mart Parquet files; replaced atomically."""
    marts = {name: pl.read_parquet(parquet_dir / f"{name}.parquet") for name in (
        "attack_frequency_per_base", "retaliation_lag", "retaliation_lag_summary",
        "fct_incidents", "fct_event_reports", "dim_locations")}
    incidents = marts["fct_incidents"]
    body = [
        "<h1>Militia attacks and US / coalition strikes</h1>",
        f"<p class=muted>Generated {dt.datetime.now(dt.timezone.utc):%Y-%m-%d %H:%M} UTC from the published marts: "
        f"{incidents.height} incidents from {marts['fct_event_reports'].height} event reports.</p>",
        "<h2>Attacks per base per month</h2>",
        _monthly_attacks_chart(marts["attack_frequency_per_base"]),
        "<h2>Retaliation lag</h2>",
        _lag_histograms(marts["retaliation_lag"]),
        _lag_summary_table(marts["retaliation_lag_summary"]),
        "<h2>Incidents</h2>",
        _incident_table(incidents, marts["dim_locations"]),
        "<h2>Evidence</h2>",
        _evidence_list(marts["fct_event_reports"]),
    ]
    page = (
        "<!doctype html><html lang=en><head><meta charset=utf-8>"
        "<meta name=viewport content='width=device-width, initial-scale=1'>"
        f"<title>Militia events: marts report</title><style>{_CSS}</style></head><body>"
        + "\n".join(body) + "</body></html>"
    )
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / REPORT_FILE
    staging = target.with_suffix(".html.tmp")
    staging.write_text(page, encoding="utf-8")
    os.replace(staging, target)
    return target


def _e(value) -> str:
    return "" if value is None else html.escape(str(value))


def _months(first: dt.date, last: dt.date) -> list[str]:
    months, year, month = [], first.year, first.month
    while (year, month) <= (last.year, last.month):
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def _monthly_attacks_chart(frequency: pl.DataFrame) -> str:
    """A base-by-month grid, every month from the first to the last attack, shaded by attacks."""
    monthly = frequency.filter(pl.col("period_type") == "month")
    if monthly.is_empty():
        return "<p class=muted>No dated attack on a base yet.</p>"
    bases = (frequency.filter(pl.col("period_type") == "all_time")
             .sort(["attacks", "location_id"], descending=[True, False]))
    months = _months(monthly["period_start"].min(), monthly["period_start"].max())
    counts = {(r["location_id"], r["period"]): r["attacks"] for r in monthly.iter_rows(named=True)}
    peak = max(counts.values())
    label_w, cell, top = 190, 16, 56
    width, height = label_w + cell * len(months) + 60, top + cell * bases.height + 10
    parts = [f"<svg role=img aria-label='Attacks per base per month' width={width} height={height} "
             f"viewBox='0 0 {width} {height}' xmlns='http://www.w3.org/2000/svg'>"]
    for i, month in enumerate(months):
        if month.endswith("-01") or i == 0:
            x = label_w + i * cell + cell / 2
            parts.append(f"<text transform='translate({x},{top - 6}) rotate(-60)'>{month}</text>")
    for j, base in enumerate(bases.iter_rows(named=True)):
        y = top + j * cell
        parts.append(f"<text x={label_w - 6} y={y + cell - 4} text-anchor=end>{_e(base['base_name'] or base['location_id'])}</text>")
        for i, month in enumerate(months):
            n = counts.get((base["location_id"], month), 0)
            shade = "#f3f3f3" if n == 0 else f"rgba(178,34,34,{0.25 + 0.75 * n / peak:.2f})"
            parts.append(f"<rect x={label_w + i * cell} y={y} width={cell - 1} height={cell - 1} fill='{shade}'>"
                         f"<title>{_e(base['location_id'])} {month}: {n} attack(s)</title></rect>")
            if n:
                parts.append(f"<text x={label_w + i * cell + cell / 2 - 0.5} y={y + cell - 4} text-anchor=middle "
                             f"style='fill:#fff'>{n}</text>")
        undated = base["attacks"] - sum(counts.get((base["location_id"], m), 0) for m in months)
        if undated:
            parts.append(f"<text x={label_w + len(months) * cell + 6} y={y + cell - 4} class=muted>+{undated} undated</text>")
    parts.append("</svg>")
    return "".join(parts) + "<p class=muted>Each cell is a month; attacks whose day is unknown count only all-time (right).</p>"


def _lag_histograms(lags: pl.DataFrame) -> str:
    """Per direction, how many acts were answered after 0, 1, 2 ... days, and how many never."""
    if lags.is_empty():
        return "<p class=muted>No dated act yet.</p>"
    longest = int(lags["lag_days"].max() or 0)
    bins = [str(d) for d in range(longest + 1)] + ["none"]
    panels = []
    for direction, title in (("attack_to_strike", "Attack → next strike"), ("strike_to_attack", "Strike → next attack")):
        rows = lags.filter(pl.col("direction") == direction)
        counts = {b: 0 for b in bins}
        for lag in rows["lag_days"].to_list():
            counts["none" if lag is None else str(lag)] += 1
        peak = max(max(counts.values()), 1)
        bar, gap, plot_h, top = 26, 4, 120, 24
        width, height = 40 + len(bins) * (bar + gap), top + plot_h + 36
        parts = [f"<svg role=img aria-label='{title}' width={width} height={height} viewBox='0 0 {width} {height}' "
                 f"xmlns='http://www.w3.org/2000/svg'><text x=0 y=14 style='font-weight:600'>{title} "
                 f"({rows.height} acts)</text>"]
        for i, b in enumerate(bins):
            h = plot_h * counts[b] / peak
            x, y = 30 + i * (bar + gap), top + plot_h - h
            colour = "#999" if b == "none" else "#1f5f8b"
            parts.append(f"<rect x={x} y={y:.1f} width={bar} height={h:.1f} fill='{colour}'><title>{b}: {counts[b]}</title></rect>")
            if counts[b]:
                parts.append(f"<text x={x + bar / 2} y={y - 3:.1f} text-anchor=middle>{counts[b]}</text>")
            parts.append(f"<text x={x + bar / 2} y={top + plot_h + 14} text-anchor=middle>{b}</text>")
        parts.append(f"<text x={30} y={top + plot_h + 30} class=muted>lag in days (none: nothing within the window)</text></svg>")
        panels.append("".join(parts))
    return "<div style='display:flex;flex-wrap:wrap;gap:2em'>" + "".join(panels) + "</div>"


def _lag_summary_table(summary: pl.DataFrame) -> str:
    rows = "".join(
        f"<tr><td>{_e(r['direction'])}</td><td>{_e(r['country'])}</td><td>{r['year']}</td><td class=n>{r['acts']}</td>"
        f"<td class=n>{r['answered_acts']}</td><td class=n>{_fmt(r['median_lag_days'])}</td><td class=n>{_fmt(r['p90_lag_days'])}</td>"
        f"<td class=n>{_fmt(r['median_lag_hours'])}</td></tr>"
        for r in summary.sort(["direction", "country", "year"]).iter_rows(named=True))
    return ("<table><tr><th>direction</th><th>country</th><th>year</th><th>acts</th><th>answered</th>"
            f"<th>median days</th><th>p90 days</th><th>median hours</th></tr>{rows}</table>")


def _fmt(value) -> str:
    return "" if value is None else f"{value:g}"


def _incident_table(incidents: pl.DataFrame, locations: pl.DataFrame) -> str:
    names = dict(zip(locations["location_id"], locations["name_en"]))
    ordered = incidents.sort(["event_date", "incident_id"], descending=[True, False], nulls_last=True)
    rows = []
    for r in ordered.iter_rows(named=True):
        place = names.get(r["location_id"], r["location_id"]) or "(" + ", ".join(r["country"]) + ")"
        munitions = ("" if r["munition_count_low"] is None else
                     str(r["munition_count_low"]) if r["munition_count_low"] == r["munition_count_high"]
                     else f"{r['munition_count_low']}–{r['munition_count_high']}")
        links = " ".join(f"<a href='#report-{_e(eid)}'>{i + 1}</a>" for i, eid in enumerate(r["event_ids"]))
        date = _e(r["event_date"]) + ("" if r["date_precision"] == "day" else f" <span class=muted>({_e(r['date_precision'])})</span>")
        rows.append(
            f"<tr{' class=muted' if r['is_background'] else ''}><td>{date}</td><td>{_e(r['time_of_day'])}</td>"
            f"<td>{_e(r['event_type'])}</td><td>{_e(place)}</td><td>{_e(', '.join(r['country']))}</td>"
            f"<td>{_e(r['actor'])}{' (claimed)' if r['claimed'] else ''}</td><td>{_e(r['weapon'])}</td>"
            f"<td class=n>{munitions}</td><td class=n>{_e(r['killed'])}</td><td class=n>{_e(r['injured'])}</td>"
            f"<td class=n>{r['n_reports']}</td><td>{_e(', '.join(r['sources']))}</td><td>{links}</td></tr>")
    return ("<table><tr><th>date</th><th>time</th><th>type</th><th>place</th><th>country</th><th>actor</th>"
            "<th>weapon</th><th>munitions</th><th>killed</th><th>injured</th><th>reports</th><th>sources</th>"
            "<th>evidence</th></tr>" + "".join(rows) + "</table>"
            "<p class=muted>Greyed rows are acts only recalled as background. Casualties are the lowest figure reported.</p>")


def _evidence_list(reports: pl.DataFrame) -> str:
    items = []
    for r in reports.sort(["article", "event_id"]).iter_rows(named=True):
        source = _e(r["article"])
        if r["url"]:
            # A text fragment makes the browser scroll the article to the sentence.
            fragment = urllib.parse.quote(" ".join((r["evidence"] or "").split()[:6]))
            source = f"<a href='{_e(r['url'])}#:~:text={fragment}'>{source}</a>"
        items.append(
            f"<li id='report-{_e(r['event_id'])}'><b>{_e(r['event_type'])}</b> {_e(r['location_id'] or '')} "
            f"<span class=muted>{source}, published {_e(r['published_on'])}{', ' + _e(r['outlet']) if r['outlet'] else ''}"
            f", incident {_e(r['incident_id'])}</span>"
            f"<p class=evidence lang=ar>{_e(r['evidence'])}</p></li>")
    return "<ol>" + "".join(items) + "</ol>"
