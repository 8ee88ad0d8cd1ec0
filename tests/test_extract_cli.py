"""python -m transforms.extract reads files as the pipeline does, and says what it did in one line."""

import json

import pytest

from transforms.extract import main

REPORT = "استهدفت فصائل موالية لإيران قاعدة التنف بطائرتين مسيرتين فجر اليوم.\n"


def _events(out: str) -> list[dict]:
    return [json.loads(line) for line in out.splitlines()]


@pytest.mark.parametrize("encoding", ["windows-1256", "utf-16", "utf-8-sig"])
def test_decodes_files_as_the_pipeline_does(tmp_path, capsys, encoding):
    (tmp_path / "article.txt").write_bytes(REPORT.encode(encoding))
    (tmp_path / "manifest.csv").write_text("file,published_on\narticle.txt,2024-01-28\n", encoding="utf-8")

    assert main([str(tmp_path)]) == 0
    captured = capsys.readouterr()
    events = _events(captured.out)
    assert [(e["location_id"], e["date"]) for e in events] == [("al_tanf", "2024-01-28")]
    assert captured.err.strip() == "transforms.extract: 1 articles read, 1 events, 0 files not read"


def test_refuses_a_missing_manifest_before_reading(tmp_path, capsys):
    (tmp_path / "article.txt").write_text(REPORT, encoding="utf-8")
    with pytest.raises(SystemExit) as refused:
        main(["--manifest", str(tmp_path / "no-such-manifest.csv"), str(tmp_path)])
    assert refused.value.code == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "no-such-manifest.csv: no such file" in captured.err


def test_binary_file_not_read_and_counted(tmp_path, capsys):
    (tmp_path / "a.txt").write_text(REPORT, encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))

    assert main([str(tmp_path)]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[0].endswith("b.txt: not read: binary content: an image, PDF, archive or executable, not text")
    assert err[-1] == "transforms.extract: 1 articles read, 1 events, 1 files not read"
