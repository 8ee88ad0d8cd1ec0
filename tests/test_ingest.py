"""What scrapers deliver, read from a landing folder the test writes: each bad file quarantined or repaired, the rest loaded."""

import datetime as dt
import os
import struct
import zlib

import polars as pl
import pytest
from conftest import GOLD

from transforms.ingest import LEDGER_SCHEMA, read_batch, read_landing, read_manifest, scan_landing

ARTICLE = (GOLD / "articles" / "001_conoco_sohr_rockets.txt").read_text(encoding="utf-8")
OTHER_ARTICLE = (GOLD / "articles" / "007_ain_asad_thirteen_rockets.txt").read_text(encoding="utf-8")
# Arabic that windows-1256 can encode: the sample's letters, without characters outside that code page.
CP1256_TEXT = "قصف صاروخي يطال القاعدة الأمريكية في حقل كونيكو بريف دير الزور.\nوأفاد المرصد بسقوط ثلاثة صواريخ.\n"


def png_bytes() -> bytes:
    """A real 1x1 PNG, as a scraper that saved an image under a .txt name delivers it."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00"))
        + chunk(b"IEND", b"")
    )


def land(folder, files: dict[str, bytes], manifest: str | None = None):
    folder.mkdir(exist_ok=True)
    for name, data in files.items():
        (folder / name).write_bytes(data)
    if manifest is not None:
        (folder / "manifest.csv").write_text(manifest, encoding="utf-8")
    return folder


def read(folder, **kwargs):
    articles, rejected = read_landing(folder, **kwargs)
    return {r["file"]: r for r in articles.iter_rows(named=True)}, {r["file"]: r for r in rejected.iter_rows(named=True)}


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty file"),
        (b" \n\r\n\t", "empty file"),
        (png_bytes(), "binary content: an image"),
        (ARTICLE.encode("utf-8")[:300] + b"\x00\x00\x00" + ARTICLE.encode("utf-8")[300:600], "contains NUL bytes"),
        (bytes(range(1, 32)) * 20, "control characters"),
    ],
)
def test_bad_file_quarantined_while_the_batch_loads(tmp_path, data, reason):
    folder = land(tmp_path / "landing", {"bad.txt": data, "good.txt": ARTICLE.encode("utf-8")})
    articles, rejected = read(folder)
    assert list(articles) == ["good.txt"]
    assert reason in rejected["bad.txt"]["reason"]
    assert rejected["bad.txt"]["source"] == "file"
    assert rejected["bad.txt"]["byte_size"] == len(data)
    assert rejected["bad.txt"]["first_bytes_hex"] == data[:16].hex(" ")


def test_file_over_the_size_limit_quarantined_unread(tmp_path):
    big = ARTICLE.encode("utf-8") * 4
    folder = land(tmp_path / "landing", {"big.txt": big, "good.txt": OTHER_ARTICLE.encode("utf-8")})
    articles, rejected = read(folder, max_bytes=len(big) - 1)
    assert list(articles) == ["good.txt"]
    assert rejected["big.txt"]["reason"] == f"file too large: {len(big)} bytes > limit {len(big) - 1}"
    assert rejected["big.txt"]["first_bytes_hex"] == big[:16].hex(" ")
    articles, rejected = read(folder, max_bytes=len(big))
    assert set(articles) == {"big.txt", "good.txt"} and not rejected


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (CP1256_TEXT.encode("cp1256"), "windows-1256"),
        (CP1256_TEXT.encode("utf-16"), "utf-16"),  # Python writes the BOM
        (b"\xef\xbb\xbf" + CP1256_TEXT.encode("utf-8"), "utf-8"),
    ],
)
def test_encodings_decoded_to_the_same_text(tmp_path, data, encoding):
    articles, rejected = read(land(tmp_path / "landing", {"a.txt": data}))
    assert not rejected
    assert articles["a.txt"]["encoding"] == encoding
    assert articles["a.txt"]["text"] == CP1256_TEXT
    assert articles["a.txt"]["byte_size"] == len(data)


def test_mixed_line_endings_become_newlines(tmp_path):
    data = "السطر الأول\r\nالسطر الثاني\rالسطر الثالث\nالسطر الرابع".encode()
    articles, _ = read(land(tmp_path / "landing", {"a.txt": data}))
    assert articles["a.txt"]["text"].split("\n") == ["السطر الأول", "السطر الثاني", "السطر الثالث", "السطر الرابع"]


def test_html_page_stripped_to_its_text(tmp_path):
    paragraphs = ARTICLE.split("\n\n")
    page = (
        "<!DOCTYPE html><html><head><title>x</title><style>p {color: red}</style>"
        "<script>var tracking = '<p>not text</p>';</script></head><body><nav><a href='/'>الرئيسية</a></nav>"
        + "".join(f"<p>{p.replace('«', '&laquo;').replace('»', '&raquo;')}</p>" for p in paragraphs)
        + "</body></html>"
    )
    articles, rejected = read(land(tmp_path / "landing", {"page.txt": page.encode("utf-8")}))
    text = articles["page.txt"]["text"]
    assert not rejected and articles["page.txt"]["encoding"] == "utf-8+html"
    assert "<" not in text and "tracking" not in text and "color" not in text
    assert "«كونيكو»" in text and paragraphs[2].strip() in text


def test_same_article_under_another_name_kept_once(tmp_path):
    data = ARTICLE.encode("utf-8")
    folder = land(tmp_path / "landing", {"a.txt": data, "b copy.txt": data, "c.txt": OTHER_ARTICLE.encode("utf-8")})
    articles, rejected = read(folder)
    assert set(articles) == {"a.txt", "c.txt"}
    assert rejected["b copy.txt"]["duplicate_of"] == "a.txt"
    assert rejected["b copy.txt"]["reason"] == "duplicate of a.txt"


def test_duplicate_of_an_article_loaded_in_an_earlier_run(tmp_path):
    folder = land(tmp_path / "landing", {"new.txt": ARTICLE.encode("utf-8")})
    manifest, _ = read_manifest(folder)
    changed = scan_landing(folder, pl.DataFrame(schema=LEDGER_SCHEMA), manifest).changed
    batch = read_batch(changed, manifest, {changed[0].content_hash: "stored.txt"}, dt.datetime.now(dt.UTC))
    assert batch.articles.is_empty()
    assert batch.rejected["duplicate_of"].to_list() == ["stored.txt"]
    assert batch.ledger["outcome"].to_list() == ["duplicate"]


def test_manifest_problems_recorded_and_files_still_loaded(tmp_path):
    folder = land(
        tmp_path / "landing",
        {"a.txt": ARTICLE.encode("utf-8"), "b.txt": OTHER_ARTICLE.encode("utf-8")},
        (
            "file,published_on,url\n"
            "a.txt,2023-11-09,https://example.org/a\n"
            "b.txt,9 Nov 2023,https://example.org/b\n"
            "gone.txt,2023-11-10,\n"
            "../../etc/passwd,2023-11-10,\n"
            "/etc/hostname,2023-11-10,\n"
        ),
    )
    articles, rejected = read(folder)
    assert set(articles) == {"a.txt", "b.txt"}
    assert articles["a.txt"]["published_on"] == dt.date(2023, 11, 9)
    assert articles["b.txt"]["url"] == "https://example.org/b" and articles["b.txt"]["manifest_published_on"] is None
    assert rejected["b.txt"]["reason"] == "manifest row: bad published_on '9 Nov 2023' ignored"
    assert rejected["gone.txt"]["reason"] == "manifest row names a missing file"
    assert rejected["../../etc/passwd"]["reason"] == "manifest row refused: path leaves the landing folder"
    assert rejected["/etc/hostname"]["reason"] == "manifest row refused: path leaves the landing folder"
    assert {r["source"] for r in rejected.values()} == {"manifest"}


def test_windows_1256_manifest_decoded_like_an_article(tmp_path):
    folder = land(tmp_path / "landing", {"تقرير.txt": ARTICLE.encode("utf-8")})
    (folder / "manifest.csv").write_bytes("file,published_on,outlet\nتقرير.txt,2023-01-01,الميادين\n".encode("cp1256"))
    articles, rejected = read(folder)
    assert not rejected
    assert articles["تقرير.txt"]["manifest_published_on"] == dt.date(2023, 1, 1) and articles["تقرير.txt"]["outlet"] == "الميادين"


def test_unreadable_manifest_refused_with_a_reason(tmp_path):
    folder = land(tmp_path / "landing", {"a.txt": ARTICLE.encode("utf-8")})
    (folder / "manifest.csv").write_bytes(png_bytes())
    articles, rejected = read(folder)
    assert set(articles) == {"a.txt"}
    assert rejected["manifest.csv"]["reason"] == (
        "manifest refused, the metadata already loaded kept: binary content: an image, PDF, archive or executable, not text"
    )


def test_awkward_file_names_loaded_and_matched_to_the_manifest(tmp_path):
    names = ["with space.txt", 'it\'s "quoted".txt', "تقرير عاجل.txt"]
    texts = [ARTICLE, OTHER_ARTICLE, CP1256_TEXT]
    folder = land(
        tmp_path / "landing",
        {n: t.encode("utf-8") for n, t in zip(names, texts)},
        'file,published_on\n"with space.txt",2023-11-09\n"it\'s ""quoted"".txt",2023-11-10\nتقرير عاجل.txt,2023-11-11\n',
    )
    articles, rejected = read(folder)
    assert not rejected
    assert {n: a["published_on"] for n, a in articles.items()} == {
        names[0]: dt.date(2023, 11, 9),
        names[1]: dt.date(2023, 11, 10),
        names[2]: dt.date(2023, 11, 11),
    }


def test_hidden_files_and_folders_are_not_articles(tmp_path):
    folder = land(tmp_path / "landing", {"a.txt": ARTICLE.encode("utf-8"), ".a.txt.part": b"\x00half"})
    (folder / "sub").mkdir()
    articles, rejected = read(folder)
    assert set(articles) == {"a.txt"} and not rejected


def test_symbolic_link_quarantined_not_followed(tmp_path):
    (tmp_path / "secret.txt").write_text(ARTICLE, encoding="utf-8")
    folder = land(tmp_path / "landing", {})
    os.symlink(tmp_path / "secret.txt", folder / "link.txt")
    articles, rejected = read(folder)
    assert not articles and rejected["link.txt"]["reason"] == "a symbolic link, not followed"


class TestScanAgainstTheLedger:
    """Only files whose size, mtime or manifest row moved are opened; only different bytes count as changed."""

    def ledger_after_first_read(self, folder):
        manifest, _ = read_manifest(folder)
        scan = scan_landing(folder, pl.DataFrame(schema=LEDGER_SCHEMA), manifest)
        return read_batch(scan.changed, manifest, {}, dt.datetime.now(dt.UTC)).ledger

    def test_unchanged_folder_reads_nothing(self, tmp_path):
        folder = land(tmp_path / "landing", {"a.txt": ARTICLE.encode("utf-8"), "b.txt": b""})
        ledger = self.ledger_after_first_read(folder)
        scan = scan_landing(folder, ledger, read_manifest(folder)[0])
        assert scan.changed == [] and scan.touched.is_empty()

    def test_rewritten_with_the_same_bytes_is_only_touched(self, tmp_path):
        folder = land(tmp_path / "landing", {"a.txt": ARTICLE.encode("utf-8")})
        ledger = self.ledger_after_first_read(folder)
        os.utime(folder / "a.txt", ns=(1, 1))
        scan = scan_landing(folder, ledger, read_manifest(folder)[0])
        assert scan.changed == []
        assert scan.touched.select("file", "modified_ns", "outcome").rows() == [("a.txt", 1, "article")]

    def test_replaced_with_same_size_and_mtime_is_found_by_force(self, tmp_path):
        folder = land(tmp_path / "landing", {"a.txt": ARTICLE.encode("utf-8")})
        ledger = self.ledger_after_first_read(folder)
        stat = (folder / "a.txt").stat()
        swapped = (
            ARTICLE.encode("utf-8")[::-1].decode("utf-8", "ignore").encode("utf-8")[: stat.st_size].ljust(stat.st_size, b" ")
        )
        (folder / "a.txt").write_bytes(swapped)
        os.utime(folder / "a.txt", ns=(stat.st_atime_ns, stat.st_mtime_ns))
        manifest = read_manifest(folder)[0]
        assert scan_landing(folder, ledger, manifest).changed == []
        assert [f.name for f in scan_landing(folder, ledger, manifest, force=True).changed] == ["a.txt"]

    def test_new_changed_and_manifest_changed_files(self, tmp_path):
        folder = land(
            tmp_path / "landing",
            {"a.txt": ARTICLE.encode("utf-8"), "b.txt": OTHER_ARTICLE.encode("utf-8"), "c.txt": CP1256_TEXT.encode("utf-8")},
            "file,published_on\nc.txt,2023-11-09\n",
        )
        ledger = self.ledger_after_first_read(folder)
        (folder / "a.txt").write_bytes(ARTICLE.encode("utf-8") + "\nتحديث".encode())
        (folder / "new.txt").write_bytes(b"new")
        (folder / "manifest.csv").write_text("file,published_on\nc.txt,2023-11-10\n", encoding="utf-8")
        scan = scan_landing(folder, ledger, read_manifest(folder)[0])
        assert [f.name for f in scan.changed] == ["a.txt", "c.txt", "new.txt"]
