"""Reading the landing folder: what scrapers deliver, decoded or quarantined with a reason.

Pure functions, no Dagster and no database: a folder (and its optional ``manifest.csv``)
and the ledger of what was read before, in; Polars frames out. A file is read again
only when its size, modification time or manifest row changed since the ledger
recorded it, and it counts as changed only when its bytes or manifest row differ.

``plan_batch`` is a run's landing step whole; ``read_article_files`` (and ``read_path``
with ``landing_article``) read files the same way for what has no warehouse: the
extractor's command line, the evaluator and the benchmark.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import errno
import hashlib
import html
import io
import os
import re
import stat
import sys
import unicodedata
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

import polars as pl

from transforms.dates import publication_date
from transforms.parts import CHUNK_ARTICLES, Progress

MANIFEST_NAME = "manifest.csv"
DEFAULT_MAX_BYTES = 20 * 1024 * 1024
# The earliest date an article of this conflict can carry, and a little slack after today.
EARLIEST_PUBLICATION = dt.date(2014, 1, 1)
HEAD_BYTES = 16

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
    "source": pl.String,  # "file": the landing file was refused; "manifest": its manifest row was
    "reason": pl.String,
    "byte_size": pl.Int64,
    "first_bytes_hex": pl.String,
    "duplicate_of": pl.String,
    "rejected_at": pl.Datetime("us", "UTC"),
}
# One row per landing file ever read: what it looked like then and what became of it.
LEDGER_SCHEMA = {
    "file": pl.String,
    "byte_size": pl.Int64,
    "modified_ns": pl.Int64,
    "content_hash": pl.String,  # null when the bytes were not read (too large, unreadable, a link)
    "manifest_hash": pl.String,  # null when the manifest has no row for the file
    "outcome": pl.String,  # article | rejected | duplicate | retracted
    "read_at": pl.Datetime("us", "UTC"),
}
# ``refused`` says why an entry is not opened at all (a link, a FIFO, a name that is not UTF-8); null for a plain file.
LISTING_SCHEMA = {"file": pl.String, "byte_size": pl.Int64, "modified_ns": pl.Int64, "refused": pl.String}


class RejectedFile(Exception):
    """A landing file that cannot become an article; the message is the reason."""


@dataclass(frozen=True, slots=True)
class ManifestRow:
    published_on: dt.date | None
    url: str | None
    outlet: str | None
    language: str | None

    @property
    def fingerprint(self) -> str:
        """Changes when any field an article takes from the manifest changes."""
        return hashlib.sha256(repr((self.published_on, self.url, self.outlet, self.language)).encode()).hexdigest()[:16]


@dataclass(frozen=True)
class LandingFile:
    """A landing file as one scan saw it; ``data`` is None when it was not read, ``problem`` says why."""

    name: str
    byte_size: int
    modified_ns: int
    content_hash: str | None
    data: bytes | None
    head: bytes
    problem: str | None


@dataclass(frozen=True)
class LandingScan:
    changed: list[LandingFile]  # new files, and files whose bytes or manifest row differ from the ledger's
    touched: pl.DataFrame  # ledger rows of files rewritten with the same bytes: new stat, same outcome


@dataclass(frozen=True)
class LandingBatch:
    articles: pl.DataFrame  # ARTICLE_SCHEMA
    rejected: pl.DataFrame  # REJECTED_SCHEMA, files of the batch only
    ledger: pl.DataFrame  # LEDGER_SCHEMA, one row per file of the batch


def article_id(data: bytes) -> str:
    """Content hash: the same bytes are the same article whatever the file is called."""
    return hashlib.sha256(data).hexdigest()[:16]


_BINARY_MAGIC = (b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"%PDF", b"PK\x03\x04", b"\x1f\x8b", b"RIFF", b"\x7fELF")
# C0 controls other than tab, newline, carriage return and form feed: text has almost none.
_CONTROL = re.compile(r"[\x01-\x08\x0b\x0e-\x1f\x7f]")


def decode(data: bytes) -> tuple[str, str]:
    """(text, encoding) of a scraped file, or RejectedFile with why it is not text."""
    text, encoding = decode_text(data)
    if _looks_like_html(text):
        text = strip_html(text)
        encoding += "+html"
    return _checked(text, encoding)


# Bytes that are not UTF-8, as a share of the non-ASCII characters: up to REPAIRABLE the file is
# UTF-8 with stray bytes (replaced by U+FFFD); from WINDOWS_1256 on it is a windows-1256 file
# (whose Arabic letters are almost never valid UTF-8 sequences); in between it mixes encodings.
REPAIRABLE = 0.01
WINDOWS_1256 = 0.9
_ESCAPED = re.compile(r"[\udc80-\udcff]")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def decode_text(data: bytes) -> tuple[str, str]:
    """(text, encoding) of bytes that should be text, line ends normalised; RejectedFile when they are not."""
    if not data.strip():
        raise RejectedFile("empty file")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as error:
            raise RejectedFile(f"undecodable UTF-16 ({error.reason})") from None
        if "\x00" in text:
            raise RejectedFile("binary content: NUL characters after UTF-16 decoding")
        return _clean(text), "utf-16"
    if data.startswith(_BINARY_MAGIC):
        raise RejectedFile("binary content: an image, PDF, archive or executable, not text")
    if b"\x00" in data:
        raise RejectedFile("binary content: contains NUL bytes")
    try:
        return _clean(data.decode("utf-8-sig")), "utf-8"
    except UnicodeDecodeError:
        pass
    for cut in (1, 2, 3):
        # Cut while being written, in the middle of a character: the partial character goes.
        if _unfinished_character(data[-cut:]):
            with contextlib.suppress(UnicodeDecodeError):
                return _clean(data[:-cut].decode("utf-8-sig")), "utf-8+repaired"
    escaped = data.decode("utf-8-sig", errors="surrogateescape")
    bad = len(_ESCAPED.findall(escaped))
    share = bad / len(_NON_ASCII.findall(escaped))
    if share <= REPAIRABLE:
        return _clean(_ESCAPED.sub("\ufffd", escaped)), "utf-8+repaired"
    if share < WINDOWS_1256:
        raise RejectedFile(
            f"mixed encodings: {bad} bytes are not UTF-8 beside {len(_NON_ASCII.findall(escaped)) - bad} UTF-8 "
            f"characters ({share:.0%} of the non-ASCII text); neither repaired nor read as windows-1256"
        )
    # windows-1256 maps nearly every byte, so decoding it always "works": the control-character test catches noise.
    try:
        return _clean(data.decode("cp1256")), "windows-1256"
    except UnicodeDecodeError as error:
        raise RejectedFile(f"undecodable text: neither UTF-8 nor windows-1256 ({error.reason})") from None


def _unfinished_character(tail: bytes) -> bool:
    """The bytes start a UTF-8 character and stop before its end."""
    try:
        tail.decode("utf-8")
    except UnicodeDecodeError as error:
        return error.start == 0 and error.reason == "unexpected end of data"
    return False


def _checked(text: str, encoding: str) -> tuple[str, str]:
    if not text.strip():
        raise RejectedFile("no text after decoding")
    if len(_CONTROL.findall(text[:4000])) > max(4, len(text[:4000]) // 100):
        raise RejectedFile(f"binary content: control characters throughout ({encoding})")
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


def inside_folder(name: str) -> bool:
    """A bare file name: no directory part, so it cannot point outside the landing folder."""
    return bool(name) and Path(name).name == name and name not in (".", "..") and "\\" not in name


def read_manifest(folder: Path, listing: pl.DataFrame | None = None) -> tuple[dict[str, ManifestRow], list[dict]]:
    """Manifest rows by file name (NFC), and the problems found, each with its reason.

    ``listing`` is the folder's ``list_landing`` when the caller has it (listing a large folder costs seconds).

    The manifest is decoded as articles are (BOM, UTF-16, windows-1256). One that cannot be
    trusted as a whole (not a plain file, not text, cut while being written, no ``file``
    column, a row of the wrong width, two rows that disagree about a file) is refused: no
    rows, one problem naming manifest.csv. A file the manifest has no row for keeps the
    metadata the warehouse holds for it, so a refused manifest erases nothing.
    """
    try:
        with _open_plain(folder / MANIFEST_NAME) as handle:
            text, _ = decode_text(handle.read())
        lines = _manifest_lines(text)
    except FileNotFoundError:
        return {}, []
    except (RejectedFile, OSError) as why:
        return {}, [{"file": MANIFEST_NAME, "reason": f"manifest refused, the metadata already loaded kept: {why}"}]
    rows: dict[str, ManifestRow] = {}
    problems: list[dict] = []
    disagree = None  # the first file two rows disagree about: the rest is read only to find a row that breaks the CSV
    try:
        for line in lines:
            if disagree is None:
                disagree = _add_manifest_line(line, rows, problems)
    except RejectedFile as why:
        return {}, [{"file": MANIFEST_NAME, "reason": f"manifest refused, the metadata already loaded kept: {why}"}]
    if disagree is not None:
        reason = f"manifest refused, the metadata already loaded kept: rows for {disagree!r} disagree"
        return {}, [{"file": MANIFEST_NAME, "reason": reason}]
    listing = list_landing(folder) if listing is None else listing
    present = {unicodedata.normalize("NFC", name) for name in listing["file"]}
    for name in rows:
        if name not in present:
            problems.append({"file": name, "reason": "manifest row names a missing file"})
    return rows, problems


def _add_manifest_line(line: dict, rows: dict[str, ManifestRow], problems: list[dict]) -> str | None:
    """Add one manifest line to ``rows`` (and what is wrong with it to ``problems``); the file's name if
    the line disagrees with an earlier row for the same file."""
    name = unicodedata.normalize("NFC", (line.get("file") or "").strip())
    if not name:
        return None
    if not inside_folder(name):
        problems.append({"file": name, "reason": "manifest row refused: path leaves the landing folder"})
        return None
    published, raw_date = None, (line.get("published_on") or "").strip()
    if raw_date:
        try:
            published = dt.date.fromisoformat(raw_date)
        except ValueError:
            problems.append({"file": name, "reason": f"manifest row: bad published_on {raw_date!r} ignored"})
        if published and not (EARLIEST_PUBLICATION <= published <= dt.date.today() + dt.timedelta(days=2)):
            problems.append({"file": name, "reason": f"manifest row: published_on {raw_date} out of range, ignored"})
            published = None
    # Outlets and languages repeat over a million rows: one string each.
    outlet, language = (sys.intern(line.get(k) or "") or None for k in ("outlet", "language"))
    row = ManifestRow(published, (line.get("url") or None), outlet, language)
    if rows.get(name, row) != row:
        return name
    rows[name] = row
    return None


def _manifest_lines(text: str) -> Iterator[dict]:
    """The manifest's rows as dicts, one at a time; RejectedFile when its shape says it is not a whole
    manifest, raised before the first row (cut, no ``file`` column) or when the bad row is reached."""
    if not text.endswith("\n"):
        raise RejectedFile("the last line has no line end: cut while being written?")
    lines = (line for line in csv.reader(io.StringIO(text, newline="")) if line)
    try:
        header = [column.strip() for column in next(lines, [])]
    except csv.Error as error:
        raise RejectedFile(f"not CSV: {error}") from None
    if "file" not in header:
        raise RejectedFile(f"no 'file' column in the header {header[:8]}")
    return _manifest_rows(header, lines)


def _manifest_rows(header: list[str], lines: Iterator[list[str]]) -> Iterator[dict]:
    try:
        for number, line in enumerate(lines, start=2):
            if len(line) != len(header):
                raise RejectedFile(f"row {number} has {len(line)} fields, the header {len(header)}")
            yield dict(zip(header, line))
    except csv.Error as error:
        raise RejectedFile(f"not CSV: {error}") from None


def manifest_rejections(problems: list[dict], now: dt.datetime) -> pl.DataFrame:
    return pl.DataFrame(
        [
            {**p, "source": "manifest", "byte_size": None, "first_bytes_hex": None, "duplicate_of": None, "rejected_at": now}
            for p in problems
        ],
        schema=REJECTED_SCHEMA,
    )


_KINDS = {
    stat.S_IFIFO: "a FIFO",
    stat.S_IFSOCK: "a socket",
    stat.S_IFCHR: "a character device",
    stat.S_IFBLK: "a block device",
    stat.S_IFDIR: "a directory",
}


def _refusal(mode: int, links: int) -> str | None:
    """Why an entry is not opened: only a plain file with one name is read.

    A FIFO would block the open (and the run, and the sensor); a link, symbolic or hard,
    may be a file from outside the folder (a hard link to /etc/passwd looks like a file).
    """
    if stat.S_ISLNK(mode):
        return "a symbolic link, not followed"
    if not stat.S_ISREG(mode):
        return f"not a regular file: {_KINDS.get(stat.S_IFMT(mode), 'a special file')}, not opened"
    if links > 1:
        return f"a hard link ({links} names for one file), not followed"
    return None


@contextlib.contextmanager
def _open_plain(path: Path) -> Iterator[BinaryIO]:
    """The file opened for reading if it is a plain file with one name; RejectedFile otherwise.

    Checked before the open, and again on the open descriptor, as the entry may be replaced
    in between; O_NONBLOCK keeps a FIFO swapped in meanwhile from blocking the open.
    """
    info = os.lstat(path)
    why = _refusal(info.st_mode, info.st_nlink)
    if why:
        raise RejectedFile(why)
    try:
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOFOLLOW | os.O_CLOEXEC)
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise RejectedFile("a symbolic link, not followed") from None
        raise
    with open(descriptor, "rb") as handle:
        info = os.fstat(descriptor)
        why = _refusal(info.st_mode, info.st_nlink)
        if why:
            raise RejectedFile(why)
        yield handle


def list_landing(folder: Path) -> pl.DataFrame:
    """Every entry scrapers left in the folder but the manifest, hidden files and directories.

    Hidden names are skipped so that a scraper can write ``.name.tmp`` and rename it when done.
    Entries that are not opened say why in ``refused``; a name that is not UTF-8 is listed
    with its bytes escaped (``\\xff``), as the warehouse can store it.
    """
    columns: dict[str, list] = {column: [] for column in LISTING_SCHEMA}  # a column at a time: a million rows as dicts take GBs
    with os.scandir(folder) as entries:
        for entry in entries:
            if entry.name == MANIFEST_NAME or entry.name.startswith("."):
                continue
            try:
                info = entry.stat(follow_symlinks=False)
            except FileNotFoundError:
                continue  # removed since the folder was listed
            if stat.S_ISDIR(info.st_mode):
                continue
            for column, value in _listed(entry.name, info).items():
                columns[column].append(value)
    return pl.DataFrame(columns, schema=LISTING_SCHEMA).sort("file")


def _listed(name: str, info: os.stat_result) -> dict:
    """An entry as the listing shows it (a LISTING_SCHEMA row)."""
    refused = _refusal(info.st_mode, info.st_nlink)
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        name = os.fsencode(name).decode("utf-8", "backslashreplace")
        refused = "file name is not UTF-8 (shown with its bytes escaped), not read: rename the file"
    return {"file": name, "byte_size": info.st_size, "modified_ns": info.st_mtime_ns, "refused": refused}


def manifest_row(manifest: Mapping[str, ManifestRow], name: str) -> ManifestRow | None:
    """The manifest's row for a file: names are matched in NFC, as scrapers and file systems differ in normal form."""
    return manifest.get(unicodedata.normalize("NFC", name))


def manifest_hash(manifest: Mapping[str, ManifestRow], name: str) -> str | None:
    row = manifest_row(manifest, name)
    return row.fingerprint if row else None


def scan_landing(
    folder: Path,
    ledger: pl.DataFrame,
    manifest: Mapping[str, ManifestRow],
    max_bytes: int = DEFAULT_MAX_BYTES,
    force: bool | Collection[str] = (),
) -> LandingScan:
    """The files of the folder that differ from the ledger, read; ``force`` (True or names) reads them regardless.

    Only files whose size, mtime or manifest row changed are opened; of those, a file whose
    bytes hash as before is only "touched" (rewritten by a scraper with the same article).
    A file the manifest has no row for keeps the row the ledger recorded: a missing row
    (a refused manifest, a scraper that lists only new files) is no change.
    """
    plan = plan_scan(folder, list_landing(folder), ledger, manifest, max_bytes, force)
    return LandingScan([_read_file(folder, row, max_bytes) for row in plan.to_read.iter_rows(named=True)], plan.touched)


@dataclass(frozen=True)
class ScanPlan:
    to_read: pl.DataFrame  # LISTING_SCHEMA, by name: new files, and files whose bytes or manifest row differ from the ledger's
    touched: pl.DataFrame  # ledger rows of files rewritten with the same bytes: new stat, same outcome


def plan_scan(
    folder: Path,
    listing: pl.DataFrame,
    ledger: pl.DataFrame,
    manifest: Mapping[str, ManifestRow],
    max_bytes: int = DEFAULT_MAX_BYTES,
    force: bool | Collection[str] = (),
) -> ScanPlan:
    """``scan_landing`` without keeping the bytes: which files of ``listing`` (the folder's) to read.

    A file the ledger does not know, or one forced, is read without being opened here; only a
    known file whose stat or manifest row changed is hashed, to tell a touched file from a
    changed one. A scan of a large folder with a few new files therefore stats every file
    and opens the new ones only.
    """
    fingerprints = pl.DataFrame(
        {"name_nfc": list(manifest), "manifest_hash": [row.fingerprint for row in manifest.values()]},
        schema={"name_nfc": pl.String, "manifest_hash": pl.String},
    )
    known = ledger.select("file", "byte_size", "modified_ns", "manifest_hash", "content_hash", "outcome")
    listing = (
        listing.with_columns(name_nfc=pl.col("file").str.normalize("NFC"))
        .join(fingerprints, on="name_nfc", how="left")
        .drop("name_nfc")
        .join(known.select("file", recorded_hash="manifest_hash"), on="file", how="left")
        .with_columns(manifest_hash=pl.coalesce("manifest_hash", "recorded_hash"))
        .drop("recorded_hash")
    )
    stat_changed = listing.join(known, on=["file", "byte_size", "modified_ns", "manifest_hash"], how="anti", nulls_equal=True)
    forced = set() if force is True else set(force)
    if force is True:
        candidates = listing
    else:
        candidates = pl.concat([stat_changed, listing.filter(pl.col("file").is_in(list(forced)))]).unique("file").sort("file")
    unread = candidates.join(known.select("file"), on="file", how="anti")
    if force is True or unread.height == candidates.height:
        return ScanPlan(candidates.select(list(LISTING_SCHEMA)), pl.DataFrame(schema=LEDGER_SCHEMA))
    before = {row["file"]: row for row in known.join(candidates.select("file"), on="file").iter_rows(named=True)}
    to_read, touched = [], []
    for row in candidates.iter_rows(named=True):
        previous = before.get(row["file"])
        if previous is None or row["file"] in forced:
            to_read.append(row)
            continue
        scanned = _read_file(folder, row, max_bytes)
        same_bytes = (
            scanned.content_hash is not None
            and scanned.content_hash == previous["content_hash"]
            and row["manifest_hash"] == previous["manifest_hash"]
        )
        if same_bytes:
            touched.append({**previous, "byte_size": row["byte_size"], "modified_ns": row["modified_ns"]})
        else:
            to_read.append(row)
    now = dt.datetime.now(dt.UTC)
    return ScanPlan(
        pl.DataFrame(to_read, schema=candidates.schema).select(list(LISTING_SCHEMA)),
        pl.DataFrame([{**t, "read_at": now} for t in touched], schema=LEDGER_SCHEMA),
    )


def read_files(
    folder: Path, names: Collection[str], max_bytes: int = DEFAULT_MAX_BYTES, listing: pl.DataFrame | None = None
) -> list[LandingFile]:
    """Those of the named files that are in the folder (``listing``, when the caller has it), read as a scan reads them."""
    listing = (list_landing(folder) if listing is None else listing).filter(pl.col("file").is_in(list(names)))
    return [_read_file(folder, row, max_bytes) for row in listing.iter_rows(named=True)]


def read_path(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> LandingFile:
    """One file, named by its path, read as a scan reads it; ``problem`` says why it was not."""
    try:
        info = os.lstat(path)
    except OSError as error:
        return LandingFile(path.name, 0, 0, None, None, b"", f"unreadable: {error.strerror or error}")
    return _read_file(path.parent, _listed(path.name, info), max_bytes)


def _read_file(folder: Path, row: dict, max_bytes: int) -> LandingFile:
    name, size, modified = row["file"], row["byte_size"], row["modified_ns"]
    if row["refused"]:
        return LandingFile(name, size, modified, None, None, b"", row["refused"])
    try:
        with _open_plain(folder / name) as handle:
            if size > max_bytes:
                return LandingFile(
                    name, size, modified, None, None, handle.read(HEAD_BYTES), f"file too large: {size} bytes > limit {max_bytes}"
                )
            data = handle.read()
    except RejectedFile as why:
        return LandingFile(name, size, modified, None, None, b"", str(why))
    except OSError as error:
        return LandingFile(name, size, modified, None, None, b"", f"unreadable: {error.strerror or error}")
    return LandingFile(name, len(data), modified, article_id(data), data, data[:HEAD_BYTES], None)


def decoded(landed: LandingFile) -> tuple[str, str]:
    """(text, encoding) of a file as read; RejectedFile with why it was not read, or is not text."""
    if landed.problem:
        raise RejectedFile(landed.problem)
    return decode(landed.data)


def landing_article(landed: LandingFile, row: ManifestRow | None, now: dt.datetime) -> dict:
    """The article (an ARTICLE_SCHEMA row) a file read becomes with its manifest row; RejectedFile if none."""
    text, encoding = decoded(landed)
    row = row or ManifestRow(None, None, None, None)
    # One rule with the extractor's: the header's date first, then the manifest's (EVENTS.md).
    published, source = publication_date(text, row.published_on)
    return {
        "article_id": landed.content_hash,
        "file": landed.name,
        "text": text,
        "byte_size": landed.byte_size,
        "encoding": encoding,
        "published_on": published,
        "published_on_source": source,
        "manifest_published_on": row.published_on,
        "url": row.url,
        "outlet": row.outlet,
        "language": row.language,
        "ingested_at": now,
    }


def read_batch(
    files: list[LandingFile],
    manifest: Mapping[str, ManifestRow],
    known: Mapping[str, str],
    now: dt.datetime,
    refusal: Callable[[dict], str | None] = lambda article: None,
) -> LandingBatch:
    """Articles, rejections and ledger rows of changed files.

    ``known`` maps the content hash of each article kept from earlier runs to its file:
    the same bytes under another name are recorded as a duplicate of the first file
    seen (earlier runs first, then by name). ``refusal`` gives the reason a decoded
    article (an ARTICLE_SCHEMA row) may not be loaded, or None: the data contract's
    verdict on that one file, so that a bad file is quarantined and the rest load.
    """
    return _read_sorted(sorted(files, key=lambda f: f.name), manifest, dict(known), now, refusal)


def _read_sorted(
    files: Iterable[LandingFile],
    manifest: Mapping[str, ManifestRow],
    seen: dict[str, str],
    now: dt.datetime,
    refusal: Callable[[dict], str | None],
) -> LandingBatch:
    """``read_batch`` of files in name order; ``seen`` (content hash -> first file) grows with each article kept."""
    articles: list[dict] = []
    rejected: list[dict] = []
    ledger: list[dict] = []
    for landed in files:
        duplicate_of = None
        try:
            article = landing_article(landed, manifest_row(manifest, landed.name), now)
            if landed.content_hash in seen:
                duplicate_of = seen[landed.content_hash]
                raise RejectedFile(f"duplicate of {duplicate_of}")
            why = refusal(article)
            if why:
                raise RejectedFile(why)
        except RejectedFile as why:
            outcome = "duplicate" if duplicate_of else "rejected"
            rejected.append(
                {
                    "file": landed.name,
                    "source": "file",
                    "reason": str(why),
                    "byte_size": landed.byte_size,
                    "first_bytes_hex": landed.head.hex(" "),
                    "duplicate_of": duplicate_of,
                    "rejected_at": now,
                }
            )
        else:
            outcome = "article"
            seen[landed.content_hash] = landed.name
            articles.append(article)
        ledger.append(
            {
                "file": landed.name,
                "byte_size": landed.byte_size,
                "modified_ns": landed.modified_ns,
                "content_hash": landed.content_hash,
                "manifest_hash": manifest_hash(manifest, landed.name),
                "outcome": outcome,
                "read_at": now,
            }
        )
    return LandingBatch(
        pl.DataFrame(articles, schema=ARTICLE_SCHEMA),
        pl.DataFrame(rejected, schema=REJECTED_SCHEMA),
        pl.DataFrame(ledger, schema=LEDGER_SCHEMA),
    )


@dataclass(frozen=True)
class StoredLanding:
    """What the warehouse already holds, as a run needs it to read only what changed."""

    ledger: pl.DataFrame  # LEDGER_SCHEMA: every file read before
    article_files: dict[str, str]  # content hash -> file, of every stored article
    duplicates: pl.DataFrame  # file, duplicate_of
    stale_articles: pl.DataFrame  # stored articles (ARTICLE_SCHEMA) to extract again
    manifest_rows: dict[str, ManifestRow]  # file (NFC) -> the manifest metadata its stored article carries

    def held_files(self) -> set[str]:
        """The file names the warehouse holds, those a retraction may name."""
        return set(self.ledger["file"]) | set(self.article_files.values())


@dataclass(frozen=True)
class BatchRequest:
    """What one run reads besides the files that changed since the last run."""

    full: bool = False  # read every landing file again (its caller then gives every stored article as stale)
    replay: Collection[str] = ()  # landing files to read again although unchanged (quarantined ones after a rule change)
    replay_rejected: bool = False  # read every quarantined file again
    retract: Collection[str] = ()  # files whose article, events and rejection leave the warehouse


class RefusedRequest(Exception):
    """A replay or retraction that names files the folder or the warehouse lacks: nothing is read."""


@dataclass(frozen=True)
class PlannedBatch:
    """One run's batch: what to merge into the warehouse, and how it came about."""

    # ARTICLE_SCHEMA: articles of the files read, then stored articles to extract again; empty when
    # ``plan_batch`` gave them to a sink, chunk by chunk
    articles: pl.DataFrame
    article_count: int  # articles in the batch, wherever they went
    rejected: pl.DataFrame  # REJECTED_SCHEMA: files of the batch refused, and every manifest problem
    ledger: pl.DataFrame  # LEDGER_SCHEMA: files read, touched only, or retracted
    files_read: pl.DataFrame  # LEDGER_SCHEMA: the ledger rows of the files read, alone
    articles_read: int  # articles of the files read
    reextracted: int  # stored articles extracted again
    touched: int  # files rewritten with the same bytes: only their ledger rows change
    manifest_problems: int
    retracted: int


def plan_batch(
    folder: Path,
    stored: StoredLanding,
    request: BatchRequest,
    now: dt.datetime,
    max_bytes: int = DEFAULT_MAX_BYTES,
    refusal: Callable[[dict], str | None] = lambda article: None,
    sink: Callable[[pl.DataFrame], None] | None = None,
    chunk_articles: int = CHUNK_ARTICLES,
    tell_progress: Callable[[str], None] | None = None,
) -> PlannedBatch:
    """The batch a run merges: the folder compared with what the warehouse holds, new and changed files read.

    Files are read when new or changed since the ledger recorded them, when replayed, or
    all of them for a full run; stored articles of another extractor version
    (``stored.stale_articles``) are extracted again. ``refusal`` is ``read_batch``'s.
    RefusedRequest when the request names files that are not there to replay or retract.

    Files are read ``chunk_articles`` at a time, in name order; with a ``sink``, each chunk's
    articles (and the stored articles, in chunks of the same size) go to it as they are read,
    and only the rejections and ledger rows are kept, so memory does not grow with the batch.
    The articles are the same as in one read: a duplicate is told by every article read before it.
    ``tell_progress`` receives a line on how far the reading of a long batch has got (``Progress``).
    """
    listing = list_landing(folder)  # once: a folder of a million files takes seconds to list
    manifest, problems = read_manifest(folder, listing)
    retract, replay = _requested(request, stored, folder, listing)
    # A file the manifest has no row for (a refused manifest, a scraper that lists only new
    # files) keeps the metadata its stored article has: a missing row never erases it.
    metadata = {**stored.manifest_rows, **manifest}

    scan = plan_scan(folder, listing, stored.ledger, manifest, max_bytes, force=True if request.full else replay)
    changed = scan.to_read.filter(~pl.col("file").is_in(sorted(retract)))
    leaving = pl.concat([changed["file"], pl.Series("file", sorted(retract), dtype=pl.String)])
    # A file kept as a duplicate of one that changed or left may now be the only copy: read it again.
    orphaned = stored.duplicates.filter(pl.col("duplicate_of").is_in(leaving) & ~pl.col("file").is_in(leaving))["file"]
    changed = pl.concat([changed, listing.filter(pl.col("file").is_in(orphaned))]).unique("file").sort("file")
    leaving = set(changed["file"]) | retract

    seen = {digest: file for digest, file in stored.article_files.items() if file not in leaving}
    kept: list[pl.DataFrame] = []
    give = sink or kept.append
    rejected, read_ledger, articles_read = [], [], 0
    progress = Progress(changed.height, tell_progress, done="read", items="files") if tell_progress else None
    for chunk in changed.iter_slices(chunk_articles):
        files = (_read_file(folder, row, max_bytes) for row in chunk.iter_rows(named=True))
        read = _read_sorted(files, metadata, seen, now, refusal)
        give(read.articles)
        articles_read += read.articles.height
        rejected.append(read.rejected)
        read_ledger.append(read.ledger)
        if progress:
            progress(sum(ledger.height for ledger in read_ledger))
    reextracted = stored.stale_articles.filter(~pl.col("file").is_in(list(leaving)))
    for first in range(0, reextracted.height, chunk_articles):
        give(reextracted.slice(first, chunk_articles))
    files_read = pl.concat([pl.DataFrame(schema=LEDGER_SCHEMA), *read_ledger])
    return PlannedBatch(
        articles=pl.concat([pl.DataFrame(schema=ARTICLE_SCHEMA), *kept]),
        article_count=articles_read + reextracted.height,
        rejected=pl.concat([*rejected, manifest_rejections(problems, now)]),
        ledger=pl.concat(
            [
                files_read,
                scan.touched.filter(~pl.col("file").is_in(list(leaving))),
                _retracted(folder, sorted(retract), metadata, max_bytes, now, listing),
            ]
        ),
        files_read=files_read,
        articles_read=articles_read,
        reextracted=reextracted.height,
        touched=scan.touched.height,
        manifest_problems=len(problems),
        retracted=len(retract),
    )


def _requested(request: BatchRequest, stored: StoredLanding, folder: Path, listing: pl.DataFrame) -> tuple[set[str], set[str]]:
    """Files to retract and to replay, refused as a whole when one of them is unknown."""
    unknown = sorted(set(request.retract) - stored.held_files())
    if unknown:
        raise RefusedRequest(f"cannot retract files the warehouse does not hold: {unknown}")
    present = set(listing["file"])
    replay = set(request.replay)
    if request.replay_rejected:
        replay |= set(stored.ledger.filter(pl.col("outcome") == "rejected")["file"]) & present
    missing = sorted(name for name in replay if not inside_folder(name) or name not in present)
    if missing:
        raise RefusedRequest(f"cannot replay files that are not in the landing folder {folder}: {missing}")
    return set(request.retract), replay


def _retracted(
    folder: Path, names: list[str], manifest: dict, max_bytes: int, now: dt.datetime, listing: pl.DataFrame
) -> pl.DataFrame:
    """Ledger rows of retracted files: a file still in the folder stays out until its bytes change."""
    present = {f.name: f for f in read_files(folder, names, max_bytes, listing)}
    return pl.DataFrame(
        [
            {
                "file": name,
                "byte_size": present[name].byte_size if name in present else None,
                "modified_ns": present[name].modified_ns if name in present else None,
                "content_hash": present[name].content_hash if name in present else None,
                "manifest_hash": manifest_hash(manifest, name),
                "outcome": "retracted",
                "read_at": now,
            }
            for name in names
        ],
        schema=LEDGER_SCHEMA,
    )


def read_landing(folder: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[pl.DataFrame, pl.DataFrame]:
    """(articles, rejected) of a whole landing folder read from scratch, manifest problems included."""
    now = dt.datetime.now(dt.UTC)
    manifest, problems = read_manifest(folder)
    scan = scan_landing(folder, pl.DataFrame(schema=LEDGER_SCHEMA), manifest, max_bytes)
    batch = read_batch(scan.changed, manifest, {}, now)
    return batch.articles, pl.concat([batch.rejected, manifest_rejections(problems, now)])


class NotAManifest(ValueError):
    """A file given as the manifest under another name: a run would read it as an article."""


@dataclass(frozen=True)
class ArticleFile:
    """A file read outside a run as a run reads it: the article it becomes, or why it cannot be one."""

    path: Path
    article: dict | None  # an ARTICLE_SCHEMA row
    refused: str | None


def read_article_files(
    paths: Iterable[str | Path],
    manifest: Path | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Iterator[ArticleFile]:
    """Each file named, and each file of each folder named that a run lists, read as a run reads it.

    For what reads articles without a warehouse (the extractor's command line, the
    evaluator): the same listing, size limit, decoder, manifest and publication date as a
    run, but no ledger, so a duplicate is read as any file. A file's manifest is
    ``manifest`` if given, else the one beside it; NotAManifest, before anything is read,
    for a manifest named otherwise.
    """
    if manifest is not None and manifest.name != MANIFEST_NAME:
        raise NotAManifest(f"a manifest is a file named {MANIFEST_NAME}: {manifest}")
    return _article_files(list(map(Path, paths)), manifest, max_bytes)


def _article_files(paths: list[Path], manifest: Path | None, max_bytes: int) -> Iterator[ArticleFile]:
    manifests: dict[Path, dict[str, ManifestRow]] = {}
    now = dt.datetime.now(dt.UTC)
    for given in paths:
        if given.is_dir():
            found = (
                (given / row["file"], _read_file(given, row, max_bytes)) for row in list_landing(given).iter_rows(named=True)
            )
        else:
            found = iter([(given, read_path(given, max_bytes))])
        for path, landed in found:
            folder = manifest.parent if manifest is not None else path.parent
            if folder not in manifests:
                manifests[folder] = read_manifest(folder)[0]
            try:
                read = ArticleFile(path, landing_article(landed, manifest_row(manifests[folder], landed.name), now), None)
            except RejectedFile as why:
                read = ArticleFile(path, None, str(why))
            yield read
