"""GX Data Docs that work offline: the pages GX renders load Bootstrap, jQuery and
bootstrap-table from CDNs (the index's tables are drawn by them), fonts and charts too, and a
logo with the context's id. After every build, each page gets the copies shipped in
data_docs_static/ (see its README) instead, and every other remote script, stylesheet or image
is dropped: the pages then show the same tables with no network, and fetch nothing.
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

SHIPPED = Path(__file__).resolve().parent / "data_docs_static"
# Where the copies go inside the docs site.
SITE_FOLDER = Path("static") / "offline"
# The remote files GX's templates name (GX 1.x), by the shipped file that replaces each.
REPLACEMENTS = {
    "https://code.jquery.com/jquery-3.7.1.min.js": "jquery.min.js",
    "https://maxcdn.bootstrapcdn.com/bootstrap/4.3.1/css/bootstrap.min.css": "bootstrap.min.css",
    # The bundle holds Popper, which the CDN pages load on its own.
    "https://stackpath.bootstrapcdn.com/bootstrap/4.3.1/js/bootstrap.min.js": "bootstrap.bundle.min.js",
    "https://unpkg.com/bootstrap-table@1.19.1/dist/bootstrap-table.min.js": "bootstrap-table.min.js",
    "https://unpkg.com/bootstrap-table@1.19.1/dist/bootstrap-table.min.css": "bootstrap-table.min.css",
    "https://unpkg.com/bootstrap-table@1.19.1/dist/extensions/filter-control/bootstrap-table-filter-control.min.js": "bootstrap-table-filter-control.min.js",
    "https://unpkg.com/bootstrap-table@1.19.0/dist/extensions/filter-control/bootstrap-table-filter-control.min.css": "bootstrap-table-filter-control.min.css",
    "https://unpkg.com/bootstrap-table@1.19.0/dist/extensions/filter-control/bootstrap-table-filter-control.css": "bootstrap-table-filter-control.min.css",
    # The filter control builds its date filters with it, and stops without it.
    "https://cdnjs.cloudflare.com/ajax/libs/bootstrap-datepicker/1.9.0/js/bootstrap-datepicker.min.js": "bootstrap-datepicker.min.js",
    "https://cdnjs.cloudflare.com/ajax/libs/bootstrap-datepicker/1.9.0/css/bootstrap-datepicker.min.css": "bootstrap-datepicker.min.css",
    # The status icons: characters instead of the icon font.
    "https://cdnjs.cloudflare.com/ajax/libs/font-awesome/6.6.0/css/all.min.css": "icons.css",
}
_REMOTE_TAG = re.compile(
    r"""<(?P<tag>script|link|img)\b[^>]*?\b(?:src|href)=["'](?P<url>https?://[^"']+)["'][^>]*>(?:\s*</script>)?""",
    re.IGNORECASE,
)


def make_offline(docs: Path) -> None:
    """Copy the shipped files into the site and point every page at them."""
    if not docs.is_dir():
        return
    target = docs / SITE_FOLDER
    target.mkdir(parents=True, exist_ok=True)
    for name in set(REPLACEMENTS.values()):
        shutil.copyfile(SHIPPED / name, target / name)
    for page in docs.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        site = os.path.relpath(target, page.parent)
        offline = _REMOTE_TAG.sub(lambda match, site=site: _local_tag(match, site), text)
        if offline != text:
            page.write_text(offline, encoding="utf-8")


def _local_tag(match: re.Match, folder: str) -> str:
    tag, url = match.group("tag").lower(), match.group("url")
    name = REPLACEMENTS.get(url)
    if name is None:
        return ""  # the dark theme, Vega (profiling charts), the logo: the pages read the same without them
    path = f"{folder}/{name}"
    return f'<script src="{path}"></script>' if tag == "script" else f'<link rel="stylesheet" href="{path}">'
