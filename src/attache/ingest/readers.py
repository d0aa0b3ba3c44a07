"""Readers for plain text, JSON Lines and HTML, from files, directories or stdin."""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

from pydantic import ValidationError

from attache.records import Article, InputError

TEXT_SUFFIXES = {".txt", ".text"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
HTML_SUFFIXES = {".html", ".htm"}
SUFFIXES = TEXT_SUFFIXES | JSONL_SUFFIXES | HTML_SUFFIXES
BOM = b"\xef\xbb\xbf"

# A headline is one short line without a closing full stop.
_HEADLINE_MAX_WORDS = 25
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)]*$")


def read_articles(
    paths: Sequence[str | Path], default_date: dt.date | None = None
) -> Iterator[Article | InputError]:
    """Every article under ``paths`` ("-" is stdin), in a stable order."""
    for raw in paths:
        if str(raw) == "-":
            yield from _read_stdin(default_date)
            continue
        path = Path(raw)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
            if not files:
                yield InputError(origin=str(path), message="directory holds no .txt, .jsonl or .html files")
            for file in files:
                # "sub/a" and "a" are different articles: the id keeps the path below the folder.
                yield from _read_file(file, default_date, file.relative_to(path).with_suffix("").as_posix())
        elif path.exists():
            yield from _read_file(path, default_date, path.stem)
        else:
            yield InputError(origin=str(path), message="no such file or directory")


def _read_file(path: Path, default_date: dt.date | None, article_id: str) -> Iterator[Article | InputError]:
    try:
        data = path.read_bytes().removeprefix(BOM)
    except OSError as err:
        yield InputError(origin=str(path), message=f"cannot read file: {err.strerror or err}")
        return
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        yield from _read_jsonl(data, str(path), default_date)
        return
    text = _decode(data, str(path))
    if isinstance(text, InputError):
        yield text
        return
    if suffix in HTML_SUFFIXES:
        yield _from_html(text, article_id, str(path), default_date)
    else:
        yield _from_text(text, article_id, str(path), default_date)


def _read_stdin(default_date: dt.date | None) -> Iterator[Article | InputError]:
    data = sys.stdin.buffer.read().removeprefix(BOM)
    head = data.lstrip()[:1]
    if head == b"{":
        yield from _read_jsonl(data, "<stdin>", default_date)
        return
    text = _decode(data, "<stdin>")
    if isinstance(text, InputError):
        yield text
    elif head == b"<":
        yield _from_html(text, "stdin", "<stdin>", default_date)
    else:
        yield _from_text(text, "stdin", "<stdin>", default_date)


def _decode(data: bytes, origin: str) -> str | InputError:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        return InputError(origin=f"{origin}:{line}", message=f"invalid UTF-8 at byte {err.start}")


def _read_jsonl(data: bytes, origin: str, default_date: dt.date | None) -> Iterator[Article | InputError]:
    for number, line in enumerate(data.split(b"\n"), 1):
        if not line.strip():
            continue
        where = f"{origin}:{number}"
        try:
            record = json.loads(line.decode("utf-8"))
        except UnicodeDecodeError as err:
            yield InputError(origin=where, message=f"invalid UTF-8 at column {err.start + 1}")
            continue
        except json.JSONDecodeError as err:
            yield InputError(origin=where, message=f"malformed JSON: {err.msg} at column {err.colno}")
            continue
        yield _from_record(record, where, default_date)


def _from_record(record: object, where: str, default_date: dt.date | None) -> Article | InputError:
    if not isinstance(record, dict):
        return InputError(origin=where, message="a JSON Lines article must be an object")
    text = record.get("text")
    if not isinstance(text, str):
        return InputError(origin=where, message='missing "text" string')
    if not text.strip():
        return InputError(origin=where, message="empty article")
    article_id = record.get("id")
    if article_id is None or str(article_id).strip() == "":
        return InputError(origin=where, message='missing "id"')
    try:
        date = _parse_date(record.get("date"))
    except ValueError as err:
        return InputError(origin=where, message=str(err))
    try:
        return Article(
            id=str(article_id),
            text=text,
            title=record.get("title") or None,
            date=date or default_date,
            source=record.get("source") or None,
            url=record.get("url") or None,
            origin=where,
        )
    except ValidationError as err:
        first = err.errors()[0]
        return InputError(origin=where, message=f"{'.'.join(map(str, first['loc']))}: {first['msg']}")


def _parse_date(value: object) -> dt.date | None:
    """An article's date from ISO text or anything dateparser reads; ValueError when unreadable."""
    if value in (None, ""):
        return None
    if not isinstance(value, str):
        raise ValueError(f"date must be a string, not {type(value).__name__}")
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        pass
    import dateparser

    parsed = dateparser.parse(value, settings={"STRICT_PARSING": True})
    if parsed is None:
        raise ValueError(f"unreadable date {value!r}")
    return parsed.date()


def _from_text(text: str, article_id: str, origin: str, default_date: dt.date | None) -> Article | InputError:
    if not text.strip():
        return InputError(origin=origin, message="empty article")
    title, body = split_headline(text)
    if not body.strip():
        return InputError(origin=origin, message="article has a headline but no text")
    return Article(id=article_id, text=body, title=title, date=default_date, origin=origin)


def split_headline(text: str) -> tuple[str | None, str]:
    """Take the first line off as the title when it looks like a headline.

    A headline that the publisher repeats on the next line is dropped too.
    """
    stripped = text.lstrip("\ufeff\n\r\t ")
    first, _, rest = stripped.partition("\n")
    first = first.strip()
    words = first.split()
    if not words or len(words) > _HEADLINE_MAX_WORDS or _SENTENCE_END.search(first) or not rest.strip():
        return None, stripped
    body = rest.lstrip("\n\r\t ")
    again, _, after = body.partition("\n")
    if again.strip() == first:
        body = after.lstrip("\n\r\t ")
    return first, body


def _from_html(html: str, article_id: str, origin: str, default_date: dt.date | None) -> Article | InputError:
    import trafilatura

    extracted = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    if extracted is None:
        return InputError(origin=origin, message="no article text found in the HTML page")
    document = extracted.as_dict() if hasattr(extracted, "as_dict") else dict(extracted)
    text = (document.get("text") or "").strip()
    if not text:
        return InputError(origin=origin, message="no article text found in the HTML page")
    try:
        date = _parse_date(document.get("date"))
    except ValueError:
        date = None  # a page's metadata date is a hint; an unreadable one is not worth skipping the page
    # trafilatura keeps one paragraph per line; the rest of attache expects blank lines between them.
    text = re.sub(r"\n+", "\n\n", text)
    return Article(
        id=article_id,
        text=text,
        title=document.get("title") or None,
        date=date or default_date,
        url=document.get("url") or None,
        source=document.get("sitename") or None,
        origin=origin,
    )
