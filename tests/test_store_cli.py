"""Store commands as users run them: real subprocesses, real DuckDB files, SIGKILL mid-ingest."""

from __future__ import annotations

import csv
import io
import json
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest

from attache.store import Store

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
POOL = SHARED / "data" / "news" / "pool.jsonl"
TESTS = Path(__file__).resolve().parent
CLI = [sys.executable, "-c", "import sys; sys.argv[0] = 'attache'; from attache.cli import main; main()"]

ORPHAN_CHECKS = {
    "mention without article": "SELECT count(*) FROM mentions m ANTI JOIN articles a USING (article_id)",
    "mention without event": "SELECT count(*) FROM mentions m ANTI JOIN events e USING (event_id)",
    "mention without sentence": "SELECT count(*) FROM mentions m ANTI JOIN sentences s USING (sentence_id)",
    "event without its first mention": (
        "SELECT count(*) FROM events e ANTI JOIN mentions m ON m.mention_id = e.event_id"
    ),
    "event without pairs": "SELECT count(*) FROM events e ANTI JOIN event_dyads d USING (event_id)",
    "pair without event": "SELECT count(*) FROM event_dyads d ANTI JOIN events e USING (event_id)",
    "sentence without article": "SELECT count(*) FROM sentences s ANTI JOIN articles a USING (article_id)",
    "entity without mention": "SELECT count(*) FROM entities x ANTI JOIN mentions m USING (mention_id)",
}


def attache(*args: str, **kw) -> subprocess.CompletedProcess:
    return subprocess.run([*CLI, *args], capture_output=True, text=True, **kw)


def assert_whole(db: Path) -> dict[str, int]:
    """No orphans anywhere; returns the table counts."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        bad = {name: con.execute(sql).fetchone()[0] for name, sql in ORPHAN_CHECKS.items()}
    finally:
        con.close()
    assert bad == dict.fromkeys(ORPHAN_CHECKS, 0)
    with Store(db) as s:
        return s.counts()


def article_ids(db: Path) -> list[str]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return [r[0] for r in con.execute("SELECT article_id FROM articles").fetchall()]
    finally:
        con.close()


def kill_after(cmd: list[str], marker: str, cwd: Path | None = None) -> None:
    """Start ``cmd``, SIGKILL it as soon as its stderr or stdout shows ``marker``."""
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, cwd=cwd)
    try:
        for line in proc.stdout:
            if marker in line:
                os.kill(proc.pid, signal.SIGKILL)
                break
        else:
            pytest.fail(f"process ended without printing {marker!r}")
    finally:
        proc.kill()
        proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL


# --- SIGKILL: the real command --------------------------------------------------------

N_ARTICLES = 200
BAD_LINE = 21  # the readers report it while article 21 is read: 20 are committed by then


def corpus(path: Path) -> list[str]:
    places = ["Beijing", "New Delhi", "Moscow", "Kyiv"]
    ids, lines = [], []
    for i in range(N_ARTICLES):
        if i + 1 == BAD_LINE:
            lines.append("{this line is not json")
        aid = f"gen-{i:05d}"
        ids.append(aid)
        day = 1 + (i // 50) % 28
        text = (
            f"China and India held talks in {places[i % 4]} on Monday, officials said. "
            f"Russia accused Ukraine of shelling a border village. Report number {i}."
        )
        lines.append(
            json.dumps(
                {
                    "id": aid,
                    "title": f"Talks {i}",
                    "text": text,
                    "date": f"2024-03-{day:02d}",
                    "source": f"Outlet{i % 3}",
                    "url": f"https://outlet{i % 3}.example/{aid}",
                }
            )
        )
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return ids


def test_sigkilled_ingest_keeps_whole_articles_and_the_rerun_completes(tmp_path):
    # A long path: the "skipped file:line" report must stay on one line (no wrapping at 80).
    src, db = tmp_path / ("a-long-directory-name-" * 4) / "many.jsonl", tmp_path / "store.duckdb"
    src.parent.mkdir()
    ids = corpus(src)
    kill_after([*CLI, "ingest", str(src), "--db", str(db)], f"{src}:{BAD_LINE}")
    stored = article_ids(db)
    assert BAD_LINE - 1 <= len(stored) < N_ARTICLES, "the kill must land mid-run"
    assert_whole(db)

    again = attache("ingest", str(src), "--db", str(db), timeout=600)
    assert again.returncode == 1, again.stderr  # the bad line is reported again
    assert f"skipped {src}:{BAD_LINE}: " in again.stderr.splitlines()[0]
    assert (
        f"read={N_ARTICLES} stored={N_ARTICLES - len(stored)} skipped_duplicate={len(stored)} errors=1"
    ) in again.stdout
    final = article_ids(db)
    assert sorted(final) == sorted(ids)  # every article exactly once
    counts = assert_whole(db)
    assert counts["articles"] == N_ARTICLES


# --- SIGKILL: a writer with many events and merges --------------------------------------

WRITER_SCRIPT = textwrap.dedent("""
    import datetime as dt, sys
    sys.path.insert(0, {tests!r})
    from test_store_helpers import coded, record
    from attache.store import Store

    places = ["Kharkiv", "Odesa", None]
    with Store(sys.argv[1], write=True) as s:
        for i in range(60):
            d = dt.date(2024, 3, 1) + dt.timedelta(days=i // 12)
            aid = f"w{{i}}"
            result = coded(aid, f"text of article {{i}}", d, [
                record(f"{{aid}}-1", aid, "CONSULT", ["CHN", "IND"][:: 1 - 2 * (i % 2)], [], d),
                record(f"{{aid}}-2", aid, "ASSAULT", ["RUS"], ["UKR"], d, start=10,
                       location=places[i % 3]),
                record(f"{{aid}}-3", aid, "ACCUSE", ["UKR"], ["RUS"], d, start=20),
            ], source=f"S{{i % 4}}")
            if s.writer.seen(result.article.article):
                continue
            s.writer.add(result)
            print("committed", i, flush=True)
""")


def test_sigkilled_writer_with_merges_ends_like_an_uninterrupted_run(tmp_path):
    script = tmp_path / "write.py"
    script.write_text(WRITER_SCRIPT.format(tests=str(TESTS)))
    clean, killed = tmp_path / "clean.duckdb", tmp_path / "killed.duckdb"
    subprocess.run([sys.executable, str(script), str(clean)], check=True, capture_output=True)
    expected = assert_whole(clean)
    assert expected["mentions"] == 180 and expected["events"] < 60  # merging happened

    kill_after([sys.executable, str(script), str(killed)], "committed 20")
    partial = assert_whole(killed)
    assert 21 <= partial["articles"] < 60
    subprocess.run([sys.executable, str(script), str(killed)], check=True, capture_output=True)
    assert assert_whole(killed) == expected
    with Store(clean) as a, Store(killed) as b:
        cols = ["event_id", "num_mentions", "num_articles", "num_sources"]
        assert a.events()[cols].equals(b.events()[cols])


# --- pool.jsonl twice, and the query commands on it -------------------------------------


@pytest.fixture(scope="module")
def pool_db(tmp_path_factory):
    """A sample of the shared news pool ingested by the real command."""
    if not POOL.exists():
        pytest.skip(f"shared news pool not found at {POOL} (CI mounts it at <repo>/../shared)")
    tmp = tmp_path_factory.mktemp("pool")
    sample = tmp / "pool-sample.jsonl"
    sample.write_text("".join(POOL.read_text(encoding="utf-8").splitlines(True)[:10]))
    db = tmp / "pool.duckdb"
    first = attache("ingest", str(sample), "--db", str(db), timeout=600)
    assert first.returncode == 0, first.stderr
    assert "read=10 stored=10 skipped_duplicate=0 errors=0" in first.stdout
    counts = assert_whole(db)
    second = attache("ingest", str(sample), "--db", str(db), timeout=600)
    assert second.returncode == 0, second.stderr
    assert "read=10 stored=0 skipped_duplicate=10 errors=0 events=0" in second.stdout
    assert assert_whole(db) == counts
    return db


def test_query_commands_on_the_pool(pool_db, tmp_path):
    events = attache("events", "--db", str(pool_db), "--format", "jsonl")
    assert events.returncode == 0, events.stderr
    rows = [json.loads(x) for x in events.stdout.splitlines()]
    with Store(pool_db) as s:
        assert len(rows) == s.counts()["events"]
    table = attache("events", "--db", str(pool_db), "--limit", "5")
    assert table.returncode == 0 and "events" in table.stdout
    dyads = attache("dyads", "--db", str(pool_db), "--by", "week", "--format", "csv")
    assert dyads.returncode == 0, dyads.stderr
    series = list(csv.DictReader(io.StringIO(dyads.stdout)))
    assert all(int(r["events"]) >= 1 for r in series)
    out = tmp_path / "pool.parquet"
    export = attache("export", "--db", str(pool_db), "--format", "parquet", "-o", str(out))
    assert export.returncode == 0, export.stderr
    assert pq.read_table(out).num_rows == len(rows)
    assert duckdb.connect().execute("SELECT count(*) FROM read_parquet(?)", [str(out)]).fetchone()[0] == len(
        rows
    )


@pytest.mark.parametrize(
    "args, message",
    [
        (["events", "--actor", "XYZ"], "unknown code"),
        (["events", "--recipient", "O'Brien'); DROP TABLE events;--"], "not an actor code"),
        (["events", "--since", "2024-02-30"], "not a date"),
        (["events", "--until", "yesterday"], "not a date"),
        (["events", "--type", "HUG"], "unknown event type"),
        (["events", "--quad", "5"], "unknown quad"),
        (["events", "--format", "xml"], "unknown format"),
        (["dyads", "--by", "fortnight"], "unknown period"),
        (["dyads", "--by", "week", "--actor", "Q"], "not an actor code"),
        (["export", "--format", "xls", "-o", "out.xls"], "unknown export format"),
    ],
)
def test_bad_query_input_is_one_line_and_non_zero(tmp_path, args, message):
    db = tmp_path / "q.duckdb"
    Store(db, write=True).close()
    out = attache(*args[:1], "--db", str(db), *args[1:], cwd=tmp_path)
    assert out.returncode != 0
    assert "Traceback" not in out.stderr
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1 and message in lines[0], out.stderr


def test_quote_laden_text_filter_is_only_ever_a_parameter(tmp_path):
    db = tmp_path / "q.duckdb"
    sys.path.insert(0, str(TESTS))
    from test_store_helpers import coded, record

    with Store(db, write=True) as s:
        s.writer.add(
            coded(
                "a1",
                "O'Brien met officials.",
                None,
                [record("e1", "a1", "CONSULT", ["IRL"], ["GBR"], None, "O'Brien met officials.")],
            )
        )
    evil = "O'Brien'); DROP TABLE events;--"
    out = attache("events", "--db", str(db), "--text", evil, "--format", "jsonl")
    assert out.returncode == 0 and out.stdout == ""
    hit = attache("events", "--db", str(db), "--text", "o'brien", "--format", "jsonl")
    assert [json.loads(x)["event_id"] for x in hit.stdout.splitlines()] == ["e1"]
    assert assert_whole(db)["events"] == 1


def test_missing_database_is_one_line(tmp_path):
    db = tmp_path / "none.duckdb"
    out = attache("events", "--db", str(db))
    assert out.returncode == 2 and out.stderr.strip() == f"error: no such database: {db}"


def test_query_while_a_writer_holds_the_store_is_one_line(tmp_path):
    db = tmp_path / "busy.duckdb"
    with Store(db, write=True):
        out = attache("events", "--db", str(db))
    assert out.returncode == 2 and "Traceback" not in out.stderr
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"error: cannot open {db}")
