from __future__ import annotations

import datetime as dt
import io
import json
import sys
from pathlib import Path

from attache.ingest import read_articles
from attache.records import Article, InputError


def read(paths, default_date=None):
    return list(read_articles([str(p) for p in paths], default_date))


def test_txt_headline_and_repeated_headline_dropped(tmp_path: Path) -> None:
    f = tmp_path / "a1.txt"
    f.write_text(
        "Leaders meet in Delhi\n\nLeaders meet in Delhi\n\nThe two leaders met on Monday.\n", encoding="utf-8"
    )
    [article] = read([f])
    assert isinstance(article, Article)
    assert article.id == "a1"
    assert article.title == "Leaders meet in Delhi"
    assert article.text.startswith("The two leaders met")


def test_txt_first_sentence_is_not_a_headline(tmp_path: Path) -> None:
    f = tmp_path / "b.txt"
    f.write_text("Russia attacked Kyiv on Monday.\n\nOfficials said more would follow.", encoding="utf-8")
    [article] = read([f], dt.date(2024, 1, 2))
    assert article.title is None
    assert article.text.startswith("Russia attacked Kyiv")
    assert article.date == dt.date(2024, 1, 2)


def test_jsonl_fields_and_bad_lines_reported_with_line_numbers(tmp_path: Path) -> None:
    f = tmp_path / "batch.jsonl"
    lines = [
        json.dumps(
            {
                "id": "x1",
                "title": "T",
                "text": "China met India.",
                "date": "2023-05-04",
                "source": "Wire",
                "url": "http://example.org/1",
            }
        ),
        "{not json",
        json.dumps({"id": "x2", "text": "   "}),
        json.dumps({"id": "x3"}),
        json.dumps(["a list"]),
        json.dumps({"id": "x4", "text": "Fine.", "date": "not a date at all"}),
        json.dumps({"id": "x5", "text": "Also fine."}),
    ]
    f.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = read([f])
    good = [i for i in items if isinstance(i, Article)]
    bad = {i.origin: i.message for i in items if isinstance(i, InputError)}
    assert [a.id for a in good] == ["x1", "x5"]
    assert (
        good[0].date == dt.date(2023, 5, 4)
        and good[0].source == "Wire"
        and good[0].url == "http://example.org/1"
    )
    assert set(bad) == {f"{f}:2", f"{f}:3", f"{f}:4", f"{f}:5", f"{f}:6"}
    assert "malformed JSON" in bad[f"{f}:2"]
    assert bad[f"{f}:3"] == "empty article"
    assert "text" in bad[f"{f}:4"]
    assert "date" in bad[f"{f}:6"]


def test_invalid_utf8_reported_with_line(tmp_path: Path) -> None:
    f = tmp_path / "bad.txt"
    f.write_bytes(b"Fine first line.\nBroken \xff\xfe here.\n")
    [err] = read([f])
    assert isinstance(err, InputError)
    assert err.origin == f"{f}:2" and "UTF-8" in err.message
    g = tmp_path / "bad.jsonl"
    g.write_bytes(b'{"id": "ok", "text": "Good."}\n{"id": "b", "text": "\xff"}\n')
    items = read([g])
    assert isinstance(items[0], Article)
    assert isinstance(items[1], InputError) and items[1].origin == f"{g}:2"


def test_empty_and_missing_and_unreadable_files(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n\n", encoding="utf-8")
    items = read([empty, tmp_path / "missing.txt"])
    assert [type(i) for i in items] == [InputError, InputError]
    assert items[0].message == "empty article"
    assert "no such file" in items[1].message


def test_directory_is_read_recursively_in_order(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "b.txt").write_text("Second article text.", encoding="utf-8")
    (tmp_path / "sub" / "a.txt").write_text("First article text.", encoding="utf-8")
    (tmp_path / "notes.md").write_text("ignored", encoding="utf-8")
    (tmp_path / "sub" / "b.txt").write_text("Third article text.", encoding="utf-8")
    items = read([tmp_path])
    # Same file name in two folders: two articles with two ids.
    assert [a.id for a in items] == ["b", "sub/a", "sub/b"]


def test_html_main_text_extracted(tmp_path: Path) -> None:
    f = tmp_path / "page.html"
    paragraphs = "".join(
        f"<p>Paragraph {n}: the foreign ministers of France and Germany met in Paris to discuss the war.</p>"
        for n in range(5)
    )
    f.write_text(
        "<html><head><title>Ministers meet</title></head><body><nav>Home | World | Sport</nav>"
        f"<article><h1>Ministers meet</h1>{paragraphs}</article>"
        "<footer>Copyright 2024</footer></body></html>",
        encoding="utf-8",
    )
    [article] = read([f])
    assert isinstance(article, Article)
    assert article.id == "page"
    assert "Paragraph 0: the foreign ministers" in article.text
    assert "Home | World" not in article.text and "Copyright" not in article.text


def test_stdin_text_and_jsonl(monkeypatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"Plain text from a pipe.")))
    [article] = read(["-"])
    assert article.id == "stdin" and article.text == "Plain text from a pipe."
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b'{"id": "j", "text": "From JSON."}\n')))
    [article] = read(["-"])
    assert article.id == "j"


def test_byte_order_mark_is_not_content(tmp_path: Path, monkeypatch) -> None:
    f = tmp_path / "bom.jsonl"
    f.write_bytes(b'\xef\xbb\xbf{"id": "x", "text": "China met India."}\n')
    [article] = read([f])
    assert isinstance(article, Article) and article.id == "x"
    monkeypatch.setattr(
        sys, "stdin", io.TextIOWrapper(io.BytesIO(b'\xef\xbb\xbf{"id": "y", "text": "Text."}\n'))
    )
    [article] = read(["-"])
    assert isinstance(article, Article) and article.id == "y"


def test_unreadable_file_is_reported(tmp_path: Path, monkeypatch) -> None:
    f = tmp_path / "locked.txt"
    f.write_text("Text.", encoding="utf-8")
    original = Path.read_bytes

    def refuse(path: Path) -> bytes:
        if path == f:
            raise PermissionError(13, "Permission denied")
        return original(path)

    monkeypatch.setattr(Path, "read_bytes", refuse)
    [err] = read([f])
    assert isinstance(err, InputError)
    assert err.origin == str(f) and "cannot read file: Permission denied" in err.message
