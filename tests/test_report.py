"""The report as a reader sees it: drawn by a real headless Chromium, offline, nothing clipped.

The page is rendered from the sample pipeline's Parquet marts. A copy gets a small script that,
once the report says its charts are drawn, measures every chart text against its chart and
writes what it found into the DOM, which Chromium then dumps.
"""

import html
import json
import os
import re
import shutil
import subprocess

import polars as pl
import pytest

from orchestration.report import render_report

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")

LAYOUT_PROBE = """<script>
(function probe() {
  const body = document.body;
  if (!body.dataset.chartsDrawn && !body.dataset.chartError) { setTimeout(probe, 50); return; }
  const found = {charts: [], clipped: [], truncated: []};
  for (const slot of document.querySelectorAll('.chart')) {
    const svg = slot.querySelector('svg');
    found.charts.push({slot: slot.id, marks: svg ? svg.querySelectorAll('.role-mark > *').length : 0});
    if (!svg) continue;
    const outers = [svg.getBoundingClientRect(), slot.getBoundingClientRect()];
    for (const text of svg.querySelectorAll('text')) {
      const label = text.textContent.trim();
      if (!label) continue;
      const r = text.getBoundingClientRect();
      if (outers.some(o => r.left < o.left - 1 || r.right > o.right + 1 || r.top < o.top - 1 || r.bottom > o.bottom + 1)) {
        found.clipped.push(slot.id + ': ' + label);
      }
      if (label.endsWith('\u2026')) found.truncated.push(slot.id + ': ' + label);
    }
  }
  body.dataset.layout = JSON.stringify(found);
})();
</script>"""


def _chromium_dom(page) -> str:
    if CHROMIUM is None:
        if os.environ.get("CI"):
            pytest.fail("chromium is not installed; .ci/run installs it from the system packages")
        pytest.skip("chromium is not installed (apt-get install chromium)")
    done = subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--window-size=1400,1000",
            "--virtual-time-budget=30000",
            "--dump-dom",
            page.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return done.stdout


@pytest.fixture(scope="module")
def report(pipeline, pipeline_run, tmp_path_factory):
    return render_report(pipeline.warehouse / "parquet", tmp_path_factory.mktemp("report"))


def test_charts_draw_offline_with_no_text_clipped(report, tmp_path):
    page = report.read_text(encoding="utf-8")
    probed = tmp_path / "probed.html"
    # The inlined Vega bundle has "</body>" in its strings: the probe goes before the page's own, the last.
    head, _, tail = page.rpartition("</body>")
    probed.write_text(head + LAYOUT_PROBE + "</body>" + tail, encoding="utf-8")
    dom = _chromium_dom(probed)

    error = re.search(r'data-chart-error="([^"]*)"', dom)
    assert error is None, html.unescape(error.group(1))
    layout = json.loads(html.unescape(re.search(r'data-layout="([^"]*)"', dom).group(1)))
    slots = {chart["slot"]: chart["marks"] for chart in layout["charts"]}
    assert set(slots) == {"chart-timeline", "chart-monthly", "chart-bases", "chart-lags", "chart-map"}
    assert all(marks > 0 for marks in slots.values()), slots
    assert layout["clipped"] == []
    assert layout["truncated"] == []


def test_report_fetches_nothing(report):
    page = report.read_text(encoding="utf-8")
    scripts = re.findall(r"<script>(.*?)</script>", page, re.DOTALL)
    markup = re.sub(r"<script>.*?</script>", "", page, flags=re.DOTALL)
    assert not re.search(r"<(script|link|img|iframe|object|embed)\b[^>]*\b(src|href|data)=", markup, re.IGNORECASE)
    assert "vegaEmbed" in scripts[0]  # the drawing code is in the page
    specs = json.loads(scripts[-1].split("const charts = ", 1)[1].split(";\nPromise.all", 1)[0])
    assert specs and '"url"' not in json.dumps(specs)  # every chart carries its data


def test_map_links_each_placed_incident_to_its_evidence(report, served):
    placed = {
        row[0]
        for row in served.execute(
            "select incident_id from marts.fct_incidents join marts.dim_locations using (location_id) where latitude is not null"
        ).fetchall()
    }
    page = report.read_text(encoding="utf-8")
    assert placed
    for incident in placed:
        assert f'"#incident-{incident}"' in page  # the map circle's link
        assert f"<tr id='incident-{incident}'" in page  # the row it leads to, with its evidence links


def test_every_evidence_link_has_its_target(report):
    page = report.read_text(encoding="utf-8")
    links = {part.split("'")[0] for part in page.split("href='#report-")[1:]}
    targets = {part.split("'")[0] for part in page.split("id='report-")[1:]}
    assert links and links == targets


def test_only_http_urls_become_links(pipeline, pipeline_run, tmp_path):
    parquet = tmp_path / "parquet"
    shutil.copytree(pipeline.warehouse / "parquet", parquet)
    reports = pl.read_parquet(parquet / "fct_event_reports.parquet")
    urls = ["javascript:alert(document.cookie)", " JavaScript:alert(1)", "data:text/html,<b>x</b>", "https://example.org/a"]
    reports.with_columns(url=pl.Series([urls[i % len(urls)] for i in range(reports.height)])).write_parquet(
        parquet / "fct_event_reports.parquet"
    )

    page = render_report(parquet, tmp_path / "report").read_text(encoding="utf-8")
    hrefs = re.findall(r"href='([^']*)'", page)
    assert any(href.startswith("https://example.org/a#:~:text=") for href in hrefs)
    assert not [href for href in hrefs if not href.startswith(("#", "https://"))]


def test_gx_data_docs_readable_offline(pipeline, pipeline_run, tmp_path):
    docs = pipeline.warehouse / "gx" / "docs"
    pages = list(docs.rglob("*.html"))
    assert pages
    remote = re.compile(r"<(script|link|img)\b[^>]*\b(src|href)=[\"']https?://", re.IGNORECASE)
    assert not [page.name for page in pages if remote.search(page.read_text(encoding="utf-8"))]
    # The index's tables are drawn by the shipped jQuery and bootstrap-table: rows appear with no network.
    dom = _chromium_dom(docs / "index.html")
    assert dom.count("<tr") > 4  # header rows, and a row per suite run (none without the scripts)
