"""Reading the landing folder: what scrapers deliver, decoded or quarantined with a reason.

Pure functions from a folder (and its optional ``manifest.csv``) to two Polars frames:
articles that can be read, and rejected files with the reason, size and first bytes.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import html
import io
import re
from dataclasses import dataclass
from pathlib import Path

import polars as pl

from transforms.dates import header_date

MANIFEST_NAME = "manifest.csv"
DEFAULT_MAX_BYTES = 20 * 1024 * 1024
# The earliest date an article of this conflict can carry, and a little slack after today.
EARLIEST_PUBLICATION = dt.date(2014, 1, 1)

ARTICLE_SCHEMA = {
    "article_id": pl.String,
    "file": pl.String,
    "text": pl.String,
    "byte_size": pl.Int64,
    "encoding": pl.String,
    "published_on": pl.Date,
    "published_on_source": pl.String,
    "manifest_published_on": pl.Date,
    "url": pl.String,
    "outlet": pl.String,
    "language": pl.String,
    "ingested_at": pl.Datetime("us", "UTC"),
}
REJECTED_SCHEMA = {
    "file": pl.String,
    "reason": pl.String,
    "byte_size": pl.Int64,
    "first_bytes_hex": pl.String,
    "duplicate_of": pl.String,
    "rejected_at": pl.Datetime("us", "UTC"),
}


class RejectedFile(Exception):
    """A landing file that cannot become an article; the message is the reason."""


@dataclass(frozen=True)
class ManifestRow:
    published_on: dt.date | None
    url: str | None
    outlet: str | None
    language: str | None


def article_id(data: bytes) -> str:
    """Content hash: the same bytes are the same article whatever the file is called."""
    return hashlib.sha256(data).hexdigest()[:16]


def decode(data: bytes) -> tuple[str, str]:
    """(text, encoding) of a scraped file, or RejectedFile with why it is not text."""
    if not data.strip():
        raise RejectedFile("empty file")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _clean(data.decode("utf-16")), "utf-16"
    if b"\x00" in data:
        raise RejectedFile("binary content: contains NUL bytes")
    if data.startswith((b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"%PDF", b"PK\x03\x04", b"\x1f\x8b")):
        raise RejectedFile("binary content: an image, PDF or archive, not text")
    try:
        text, encoding = data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        try:
            text, encoding = data.decode("cp1256"), "windows-1256"
        except UnicodeDecodeError as error:
            raise RejectedFile(f"undecodable text: neither UTF-8 nor windows-1256 ({error.reason})") from None
    text = _clean(text)
    if _looks_like_html(text):
        text = strip_html(text)
        encoding += "+html"
    if not text.strip():
        raise RejectedFile("no text after decoding")
    return text, encoding


def _clean(text: str) -> str:
    return text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


_TAG = re.compile(r"<[^>]+>")
_DROP_BLOCKS = re.compile(r"<(script|style|noscript|head)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
_BLOCK_END = re.compile(r"</?(?:p|div|br|h[1-6]|li|tr|article|section|header|footer)\b[^>]*>", re.IGNORECASE)


def _looks_like_html(text: str) -> bool:
    head = text[:2000].lower()
    return "<html" in head or "<!doctype html" in head or len(_TAG.findall(head)) >= 5


def strip_html(page: str) -> str:
    """The readable text of an HTML page: paragraphs kept as lines, markup and scripts gone."""
    page = _DROP_BLOCKS.sub(" ", page)
    page = _BLOCK_END.sub("\n", page)
    text = html.unescape(_TAG.sub(" ", page))
    lines = (re.sub(r"[ \t]+", " ", line).strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def read_manifest(folder: Path) -> tuple[dict[str, ManifestRow], list[dict]]:
    """Manifest rows by file name, and the rows that were refused with their reason."""
    path = folder / MANIFEST_NAME
    rows: dict[str, ManifestRow] = {}
    problems: list[dict] = []
    if not path.exists():
        return rows, problems
    with open(path, encoding="utf-8-sig", newline="") as handle:
        for line in csv.DictReader(io.StringIO(handle.read())):
            name = (line.get("file") or "").strip()
            if not name:
                continue
            if Path(name).name != name or name in (".", ".."):
                problems.append({"file": name, "reason": "manifest row refused: path leaves the landing folder"})
                continue
            published, raw_date = None, (line.get("published_on") or "").strip()
            if raw_date:
                try:
                    published = dt.date.fromisoformat(raw_date)
                except ValueError:
                    problems.append({"file": name, "reason": f"manifest row: bad published_on {raw_date!r} ignored"})
                if published and not (EARLIEST_PUBLICATION <= published <= dt.date.today() + dt.timedelta(days=2)):
                    problems.append({"file": name, "reason": f"manifest row: published_on {raw_date} out of range, ignored"})
                    published = None
            rows[name] = ManifestRow(
                published, (line.get("url") or None), (line.get("outlet") or None), (line.get("language") or None)
            )
    for name in rows:
        if not (folder / name).is_file():
            problems.append({"file": name, "reason": "manifest row names a missing file"})
    return rows, problems


def landing_files(folder: Path) -> list[Path]:
    """Article files of a landing folder: every regular file but the manifest and hidden ones."""
    return sorted(
        p for p in folder.iterdir()
        if p.is_file() and not p.is_symlink() and p.name != MANIFEST_NAME and not p.name.startswith(".")
    )


def read_landing(
    folder: Path, files: list[Path] | None = None, max_bytes: int = DEFAULT_MAX_BYTES
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """(articles, rejected) frames for the landing folder, or for some of its files."""
    now = dt.datetime.now(dt.timezone.utc)
    manifest, problems = read_manifest(folder)
    articles: list[dict] = []
    rejected: list[dict] = [
        {"file": p["file"], "reason": p["reason"], "byte_size": None, "first_bytes_hex": None, "duplicate_of": None, "rejected_at": now}
        for p in problems
    ]
    seen: dict[str, str] = {}
    for path in files if files is not None else landing_files(folder):
        size = path.stat().st_size
        if size > max_bytes:
            head = path.open("rb").read(16)
            rejected.append(_rejection(path.name, f"file too large: {size} bytes > limit {max_bytes}", size, head, now))
            continue
        data = path.read_bytes()
        try:
            text, encoding = decode(data)
        except RejectedFile as why:
            rejected.append(_rejection(path.name, str(why), size, data[:16], now))
            continue
        ident = article_id(data)
        if ident in seen:
            rejected.append(_rejection(path.name, f"duplicate of {seen[ident]}", size, data[:16], now, seen[ident]))
            continue
        seen[ident] = path.name
        row = manifest.get(path.name, ManifestRow(None, None, None, None))
        stated = header_date(text)
        published, source = (row.published_on, "manifest") if row.published_on else (stated, "text" if stated else None)
        articles.append({
            "article_id": ident, "file": path.name, "text": text, "byte_size": size, "encoding": encoding,
            "published_on": published, "published_on_source": source, "manifest_published_on": row.published_on,
            "url": row.url, "outlet": row.outlet, "language": row.language, "ingested_at": now,
        })
    return pl.DataFrame(articles, schema=ARTICLE_SCHEMA), pl.DataFrame(rejected, schema=REJECTED_SCHEMA)


def _rejection(name: str, reason: str, size: int, head: bytes, now: dt.datetime, duplicate_of: str | None = None) -> dict:
    return {"file": name, "reason": reason, "byte_size": size, "first_bytes_hex": head.hex(" "),
            "duplicate_of": duplicate_of, "rejected_at": now}
