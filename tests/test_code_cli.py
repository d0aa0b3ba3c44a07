"""``attache code`` end to end: the real command, our shipped pipeline and knowledge base."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from attache.records import EventRecord
from conftest import SAMPLES

ATTACHE = [sys.executable, "-m", "attache"]


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*ATTACHE, *args], capture_output=True, text=True, input=stdin, timeout=300)


@pytest.fixture(scope="module")
def sample_records(tmp_path_factory) -> list[EventRecord]:
    out = tmp_path_factory.mktemp("code") / "samples.jsonl"
    result = run("code", str(SAMPLES), "-o", str(out))
    assert result.returncode == 0, result.stderr
    return [EventRecord.model_validate_json(line) for line in out.read_text(encoding="utf-8").splitlines()]


def test_samples_give_events_with_evidence(sample_records: list[EventRecord]) -> None:
    assert len(sample_records) >= 5
    articles = {r.article_id for r in sample_records}
    assert {"01_foreign_ministers", "02_border_clash", "sample-sanctions-1"} <= articles
    for record in sample_records:
        assert record.actor and all(e.code for e in record.actor)
        assert record.evidence.trigger in record.evidence.sentence
        assert record.reason.startswith("rule ")
        assert record.quad and record.cameo_root and 0 < record.confidence <= 1


def test_offsets_point_into_the_cleaned_text(sample_records: list[EventRecord]) -> None:
    from attache.clean import clean_article
    from attache.ingest import read_articles

    texts = {a.id: clean_article(a).text for a in read_articles([SAMPLES])}
    for record in sample_records:
        text = texts[record.article_id]
        assert text[record.evidence.start : record.evidence.end] == record.evidence.sentence


def test_boilerplate_is_never_evidence(sample_records: list[EventRecord]) -> None:
    for record in sample_records:
        assert "Also Read" not in record.evidence.sentence
        assert "READ MORE" not in record.evidence.sentence
        assert "comments posted here" not in record.evidence.sentence


def test_canonical_request_from_a_quoted_minister(sample_records: list[EventRecord]) -> None:
    # "Jaishankar also urged Beijing to respect ..." after "Indian Foreign Minister Subrahmanyam Jaishankar".
    keys = {
        (r.event_type, tuple(e.code for e in r.actor), tuple(e.code for e in r.recipient))
        for r in sample_records
        if r.article_id == "01_foreign_ministers"
    }
    assert ("REQUEST", ("IND",), ("CHN",)) in keys


def test_csv_and_table_formats(tmp_path: Path) -> None:
    sample = SAMPLES / "02_border_clash.txt"
    out = tmp_path / "events.csv"
    assert run("code", str(sample), "-o", str(out)).returncode == 0
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert rows and {
        "event_type",
        "actor",
        "recipient",
        "sentence",
        "reason",
        "negated",
        "hypothetical",
    } <= set(rows[0])
    table = run("code", str(sample), "--format", "table")
    assert table.returncode == 0
    assert "ACCUSE" in table.stdout or "ASSAULT" in table.stdout


def test_stdin_and_date_option() -> None:
    text = "Russia and China held talks in Beijing on Monday."
    result = run("code", "-", "--date", "2024-03-01", "--format", "jsonl", stdin=text)
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert records and all(r["date"] == "2024-03-01" and r["article_id"] == "stdin" for r in records)


def test_bad_input_is_reported_and_skipped_and_good_work_kept(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text("Russia and China held talks in Beijing on Monday.", encoding="utf-8")
    (tmp_path / "broken.txt").write_bytes(b"Russia \xff attacked.")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "batch.jsonl").write_text(
        '{"id": "j1", "text": "France and Germany signed a deal."}\n{oops\n', encoding="utf-8"
    )
    out = tmp_path / "out.jsonl"
    result = run("code", str(tmp_path), "-o", str(out))
    assert result.returncode == 1
    assert f"{tmp_path / 'broken.txt'}:1" in result.stderr
    assert f"{tmp_path / 'batch.jsonl'}:2" in result.stderr
    assert f"{tmp_path / 'empty.txt'}" in result.stderr
    assert "Traceback" not in result.stderr
    ids = {json.loads(line)["article_id"] for line in out.read_text(encoding="utf-8").splitlines()}
    assert "good" in ids


def test_unwritable_output_and_pipeline_without_parser(tmp_path: Path) -> None:
    import spacy

    result = run("code", str(SAMPLES), "-o", str(tmp_path / "no" / "such" / "dir" / "out.jsonl"))
    assert result.returncode == 2 and "cannot write" in result.stderr and "Traceback" not in result.stderr
    blank = tmp_path / "blank"
    spacy.blank("en").to_disk(blank)
    result = run("code", str(SAMPLES), "--spacy-model", str(blank))
    assert result.returncode == 2 and "no parser" in result.stderr and "Traceback" not in result.stderr


def test_all_boilerplate_article_is_reported(tmp_path: Path) -> None:
    (tmp_path / "ads.txt").write_text("Share this article\n\nAdvertisement\n", encoding="utf-8")
    result = run("code", str(tmp_path / "ads.txt"), "--format", "jsonl")
    assert result.returncode == 1
    assert "all boilerplate" in result.stderr


def test_an_article_that_breaks_the_coder_does_not_stop_the_batch(coder, monkeypatch) -> None:
    from attache.records import Article, ArticleResult, InputError

    original = coder.extractor.extract

    def extract(doc, actors, context, text=None):
        if context.article_id == "bad":
            raise RuntimeError("boom")
        return original(doc, actors, context, text)

    monkeypatch.setattr(coder.extractor, "extract", extract)
    articles = [
        Article(id="good1", text="Russia and China held talks in Beijing on Monday."),
        Article(id="bad", text="France condemned Russia for the strike.", origin="batch.jsonl:2"),
        Article(id="good2", text="The European Union imposed new sanctions on Iran."),
    ]
    results = list(coder.code_many(articles))
    assert [type(r) for r in results] == [ArticleResult, InputError, ArticleResult]
    assert results[1].origin == "batch.jsonl:2" and "boom" in results[1].message
    assert results[2].events


def test_bad_options_give_one_line_errors(tmp_path: Path) -> None:
    result = run("code", str(SAMPLES), "--date", "yesterday")
    assert result.returncode == 2 and "--date" in result.stderr and "Traceback" not in result.stderr
    result = run("code", str(SAMPLES), "--format", "xml")
    assert result.returncode == 2 and "--format" in result.stderr
    result = run("code", str(SAMPLES), "--min-confidence", "1.5")
    assert result.returncode == 2 and "--min-confidence" in result.stderr and "Traceback" not in result.stderr
    result = run("code", str(tmp_path / "nothing-here"))
    assert result.returncode == 1 and "no such file" in result.stderr
