"""Event store: merge rule, writer, queries, exports, Python API (real DuckDB files)."""

from __future__ import annotations

import datetime as dt
import json

import duckdb
import pyarrow.parquet as pq
import pytest

import attache
from attache.records import EventRecord
from attache.store import Store, StoreError, merge
from attache.store.export import GDELT_COLUMNS, export
from test_store_helpers import coded, record

D = dt.date(2024, 5, 1)


def day(n: int) -> dt.date:
    return D + dt.timedelta(days=n)


@pytest.fixture
def store(tmp_path):
    s = Store(tmp_path / "events.duckdb", write=True)
    yield s
    s.close()


def add(store: Store, *results):
    return [store.writer.add(r) for r in results]


def n_events(store: Store) -> int:
    return store.counts()["events"]


# --- the merge rule -------------------------------------------------------


def test_same_meeting_from_two_outlets_is_one_event_with_counts(store):
    add(
        store,
        coded(
            "a1",
            "China and India held talks.",
            D,
            [record("e1", "a1", "CONSULT", ["CHN", "IND"], [], D)],
            source="Reuters",
        ),
        # Reported the next day, as a visit (directed): the unordered dyad is the same.
        coded(
            "a2",
            "Wang Yi met Jaishankar.",
            day(1),
            [record("e2", "a2", "CONSULT", ["CHN"], ["IND"], day(1))],
            source="AP",
        ),
        coded(
            "a3",
            "The Chinese and Indian ministers met. They met again.",
            day(1),
            [
                record("e3", "a3", "CONSULT", ["IND", "CHN"], [], day(1)),
                record("e4", "a3", "CONSULT", ["CHN", "IND"], [], day(1), start=38),
            ],
            source="AP",
        ),
    )
    df = store.events()
    assert len(df) == 1
    row = df.iloc[0]
    assert (row.num_mentions, row.num_articles, row.num_sources) == (4, 3, 2)
    assert row.event_id == "e1"
    assert str(row.first_date)[:10] == "2024-05-01" and str(row.last_date)[:10] == "2024-05-02"


def test_window_is_plus_minus_days_from_the_first_report_and_configurable(tmp_path):
    def run(window):
        with Store(tmp_path / f"w{window}.duckdb", write=True, window_days=window) as s:
            add(
                s,
                coded("a1", "x1", D, [record("e1", "a1", "ACCUSE", ["USA"], ["RUS"], D)]),
                coded("a2", "x2", day(2), [record("e2", "a2", "ACCUSE", ["USA"], ["RUS"], day(2))]),
                coded("a3", "x3", day(-1), [record("e3", "a3", "ACCUSE", ["USA"], ["RUS"], day(-1))]),
            )
            return n_events(s)

    assert run(1) == 2  # day -1 joins day 0; day 2 is too far from day 0
    assert run(0) == 3
    assert run(2) == 1


def test_verbal_events_merge_whatever_place_or_mode(store):
    add(
        store,
        coded(
            "a1",
            "x1",
            D,
            [record("e1", "a1", "THREATEN", ["RUS"], ["UKR"], D, location="Moscow", mode=["violence"])],
        ),
        coded(
            "a2",
            "x2",
            D,
            [record("e2", "a2", "THREATEN", ["RUS"], ["UKR"], D, location="Kyiv", mode=["territory"])],
        ),
    )
    assert n_events(store) == 1


def test_two_strikes_on_the_same_day_in_different_places_stay_two(store):
    add(
        store,
        coded(
            "a1",
            "Russia shelled Kharkiv. Russia shelled Odesa.",
            D,
            [
                record("e1", "a1", "ASSAULT", ["RUS"], ["UKR"], D, "Russia shelled Kharkiv.", 0, "Kharkiv"),
                record("e2", "a1", "ASSAULT", ["RUS"], ["UKR"], D, "Russia shelled Odesa.", 24, "Odesa"),
            ],
        ),
    )
    assert n_events(store) == 2
    # A later report naming one of the places joins that one; one naming none joins the first.
    add(
        store,
        coded(
            "a2",
            "Shelling of Odesa.",
            D,
            [record("e3", "a2", "ASSAULT", ["RUS"], ["UKR"], D, location="odesa ")],
        ),
    )
    add(
        store, coded("a3", "Russia shelled Ukraine.", D, [record("e4", "a3", "ASSAULT", ["RUS"], ["UKR"], D)])
    )
    counts = dict(store.events()[["event_id", "num_mentions"]].itertuples(index=False))
    assert counts == {"e1": 2, "e2": 2}


def test_material_events_with_different_modes_stay_apart(store):
    add(
        store,
        coded("a1", "x1", D, [record("e1", "a1", "ASSAULT", ["ISR"], ["LBN"], D, mode=["aerial"])]),
        coded("a2", "x2", D, [record("e2", "a2", "ASSAULT", ["ISR"], ["LBN"], D, mode=["heavy-weapons"])]),
        coded("a3", "x3", D, [record("e3", "a3", "ASSAULT", ["ISR"], ["LBN"], D, mode=["aerial", "drone"])]),
    )
    assert n_events(store) == 2


def test_material_cooperation_also_needs_compatible_place(store):
    add(
        store,
        coded("a1", "x1", D, [record("e1", "a1", "AID", ["USA"], ["UKR"], D, location="Lviv")]),
        coded("a2", "x2", D, [record("e2", "a2", "AID", ["USA"], ["UKR"], D, location="Poland")]),
    )
    assert n_events(store) == 2


def test_what_never_merges(store):
    add(
        store,
        coded("a1", "x1", D, [record("e1", "a1", "ACCUSE", ["USA"], ["RUS"], D)]),
        # other direction, other type, other recipient set, denied
        coded("a2", "x2", D, [record("e2", "a2", "ACCUSE", ["RUS"], ["USA"], D)]),
        coded("a3", "x3", D, [record("e3", "a3", "THREATEN", ["USA"], ["RUS"], D)]),
        coded("a4", "x4", D, [record("e4", "a4", "ACCUSE", ["USA"], ["RUS", "CHN"], D)]),
        coded("a5", "x5", D, [record("e5", "a5", "ACCUSE", ["USA"], ["RUS"], D, negated=True)]),
    )
    assert n_events(store) == 5


def test_undated_events_merge_only_inside_their_article(store):
    add(
        store,
        coded(
            "a1",
            "x1 x1",
            None,
            [
                record("e1", "a1", "ACCUSE", ["USA"], ["RUS"], None),
                record("e2", "a1", "ACCUSE", ["USA"], ["RUS"], None, start=3),
            ],
        ),
        coded("a2", "x2", None, [record("e3", "a2", "ACCUSE", ["USA"], ["RUS"], None)]),
    )
    assert n_events(store) == 2


def test_record_date_falls_back_to_article_date(store):
    add(
        store,
        coded("a1", "x1", D, [record("e1", "a1", "ACCUSE", ["USA"], ["RUS"], None)]),
        coded("a2", "x2", D, [record("e2", "a2", "ACCUSE", ["USA"], ["RUS"], D)]),
    )
    assert n_events(store) == 1


def test_merge_views_are_pure():
    a = merge.MergeView("PROTEST", "MATERIAL_CONFLICT", "FRA>-", D, "a1", location="paris")
    b = merge.MergeView("PROTEST", "MATERIAL_CONFLICT", "FRA>-", day(1), "a2")
    c = merge.MergeView("PROTEST", "MATERIAL_CONFLICT", "FRA>-", D, "a3", location="lyon")
    assert merge.same_event(a, b) and not merge.same_event(a, c)
    assert merge.pick([("x", b), ("y", c)], a, 1) == "x"
    d = merge.MergeView("PROTEST", "MATERIAL_CONFLICT", "FRA>-", day(1), "a4", location="lyon")
    assert merge.pick([("x", b), ("y", c)], d, 1) == "x"  # the closest date wins
    assert merge.pick([("x", a)], d, 1) is None
    assert merge.dyad_key("CONSULT", ["IND"], ["CHN"]) == merge.dyad_key("consult", ["CHN", "IND"], [])
    assert merge.dyad_key("ACCUSE", ["IND"], ["CHN"]) != merge.dyad_key("ACCUSE", ["CHN"], ["IND"])


# --- writer: idempotence and whole articles -------------------------------


def test_seen_by_id_or_by_normalised_text(store):
    add(store, coded("a1", "Hello   World.\nBye.", D, []))
    assert store.writer.seen(coded("a1", "other text", D, []).article.article)
    assert store.writer.seen(coded("b9", "hello world. BYE.", D, []).article.article)
    assert not store.writer.seen(coded("b9", "hello world, bye.", D, []).article.article)


def test_failed_article_leaves_nothing(store):
    add(store, coded("a1", "x1", D, [record("e1", "a1", "ACCUSE", ["USA"], ["RUS"], D)]))
    before = store.counts()
    # Two records with one id: the second mention insert fails after the article,
    # its sentence and an event were written; the rollback must take them all back.
    bad = coded(
        "a2",
        "x2 y",
        D,
        [
            record("e2", "a2", "PROTEST", ["FRA"], [], D),
            record("e2", "a2", "PROTEST", ["DEU"], [], D, start=3),
        ],
    )
    with pytest.raises(duckdb.Error):
        store.writer.add(bad)
    assert store.counts() == before
    assert not store.writer.seen(bad.article.article)


def test_mentions_keep_article_sentence_source_url_and_entities(store):
    add(
        store,
        coded(
            "a1",
            "Intro. Wang Yi met Blinken.",
            D,
            [record("e1", "a1", "CONSULT", ["CHN"], ["USA"], D, "Wang Yi met Blinken.", 7)],
            source="Xinhua",
            url="https://xinhua.example/1",
        ),
    )
    m = store.con.execute(
        "SELECT m.article_id, s.text, s.start, m.source, m.url, m.reason FROM mentions m"
        " JOIN sentences s USING (sentence_id)"
    ).fetchall()
    assert m == [
        ("a1", "Wang Yi met Blinken.", 7, "Xinhua", "https://xinhua.example/1", "test rule for CONSULT")
    ]
    ents = store.con.execute("SELECT role, code, sector FROM entities ORDER BY role").fetchall()
    assert ents == [("actor", "CHN", "GOV"), ("recipient", "USA", "GOV")]


# --- queries ----------------------------------------------------------------


@pytest.fixture
def filled(tmp_path):
    path = tmp_path / "filled.duckdb"
    with Store(path, write=True) as s:
        add(
            s,
            coded(
                "a1",
                "China and India held talks in Delhi.",
                D,
                [
                    record(
                        "e1", "a1", "CONSULT", ["CHN", "IND"], [], D, "China and India held talks in Delhi."
                    )
                ],
            ),
            coded(
                "a2",
                "Russia shelled Kharkiv.",
                day(8),
                [
                    record(
                        "e2",
                        "a2",
                        "ASSAULT",
                        ["RUS"],
                        ["UKR"],
                        day(8),
                        "Russia shelled Kharkiv.",
                        location="Kharkiv",
                    )
                ],
            ),
            coded(
                "a3",
                "Ukraine accused Russia of war crimes.",
                day(9),
                [
                    record(
                        "e3",
                        "a3",
                        "ACCUSE",
                        ["UKR"],
                        ["RUS"],
                        day(9),
                        "Ukraine accused Russia of war crimes.",
                    )
                ],
            ),
            coded(
                "a4",
                "India visited China.",
                day(40),
                [record("e4", "a4", "CONSULT", ["IND"], ["CHN"], day(40), "India visited China.")],
            ),
        )
    return path


def ids(df) -> list[str]:
    return sorted(df["event_id"])


def test_event_filters(filled):
    with attache.open(filled) as s:
        assert ids(s.events()) == ["e1", "e2", "e3", "e4"]
        assert ids(s.events(actor="rus")) == ["e2"]
        # Meetings are undirected: CHN-IND talks match either code in either role.
        assert ids(s.events(actor="IND", recipient="CHN")) == ["e1", "e4"]
        assert ids(s.events(actor="UKR", recipient="RUS")) == ["e3"]
        assert ids(s.events(recipient="RUS")) == ["e3"]
        assert ids(s.events(type="consult")) == ["e1", "e4"]
        assert ids(s.events(quad="material-conflict")) == ["e2"]
        assert ids(s.events(quad="3")) == ["e3"]
        assert ids(s.events(since="2024-05-09", until="2024-05-10")) == ["e2", "e3"]
        assert ids(s.events(text="war CRIMES")) == ["e3"]
        assert ids(s.events(text="war_crimes")) == []  # LIKE wildcards are taken literally
        assert len(s.events(limit=1)) == 1
        table = s.events(as_arrow=True, actor="CHN")
        assert table.num_rows == 2 and "num_mentions" in table.column_names


def test_dyads_series(filled):
    with attache.open(filled) as s:
        month = s.dyads(by="month")
        rows = {(r.actor, r.recipient, str(r.period)[:10]): r for r in month.itertuples()}
        assert set(rows) == {
            ("CHN", "IND", "2024-05-01"),
            ("CHN", "IND", "2024-06-01"),
            ("RUS", "UKR", "2024-05-01"),
            ("UKR", "RUS", "2024-05-01"),
        }
        ru = rows[("RUS", "UKR", "2024-05-01")]
        assert (ru.events, ru.material_conflict, ru.intensity) == (1, 1, -9.0)
        # Meetings are undirected: asking for India -> China finds them too.
        both = s.dyads(by="week", actor="IND", recipient="CHN")
        assert list(both["verbal_cooperation"]) == [1, 1]
        assert s.arrow("dyads", by="day").num_rows == 4


@pytest.mark.parametrize(
    "filters, message",
    [
        ({"actor": "XYZ"}, "unknown code"),
        ({"recipient": "O'Brien'); DROP TABLE events;--"}, "not an actor code"),
        ({"type": "HUG"}, "unknown event type"),
        ({"quad": "SIDEWAYS"}, "unknown quad"),
        ({"since": "2024-13-45"}, "not a date"),
        ({"since": "2024-06-01", "until": "2024-05-01"}, "after"),
    ],
)
def test_bad_filters_raise_store_error(filled, filters, message):
    with attache.open(filled) as s, pytest.raises(StoreError, match=message):
        s.events(**filters)


def test_quote_laden_text_is_a_parameter_not_sql(filled):
    evil = "O'Brien'); DROP TABLE events;--"
    with attache.open(filled) as s:
        assert len(s.events(text=evil)) == 0
        assert len(s.events(text="%' OR '1'='1")) == 0
    with attache.open(filled) as s:
        assert s.counts()["events"] == 4


# --- exports -----------------------------------------------------------------


def test_parquet_export_reads_back_in_pyarrow_and_duckdb(filled, tmp_path):
    out = tmp_path / "events.parquet"
    with attache.open(filled) as s:
        assert export(s.con, "parquet", out) == 4
    table = pq.read_table(out)
    assert table.num_rows == 4
    assert sorted(table.column("event_id").to_pylist()) == ["e1", "e2", "e3", "e4"]
    assert table.column("actor_codes").to_pylist()[0] == ["CHN", "IND"]
    con = duckdb.connect()
    got = con.execute(
        "SELECT event_type, num_mentions FROM read_parquet(?) WHERE list_contains(actor_codes, 'RUS')",
        [str(out)],
    ).fetchall()
    assert got == [("ASSAULT", 1)]


def test_plover_export_is_event_records(filled, tmp_path):
    out = tmp_path / "events.plover.jsonl"
    with attache.open(filled) as s:
        export(s.con, "plover", out)
    recs = [EventRecord.model_validate_json(line) for line in out.read_text().splitlines()]
    assert [r.event_id for r in recs] == ["e1", "e2", "e3", "e4"]
    assert recs[1].source == "Outlet" and recs[1].url == "https://outlet.example/a2"


def test_gdelt_export_columns(filled, tmp_path):
    import csv

    out = tmp_path / "events.gdelt.csv"
    with attache.open(filled) as s:
        assert export(s.con, "gdelt", out) == 4
    rows = list(csv.DictReader(out.open()))
    assert list(rows[0]) == GDELT_COLUMNS
    strike = next(r for r in rows if r["PloverType"] == "ASSAULT")
    assert strike["SQLDATE"] == "20240509" and strike["EventRootCode"] == "18"
    assert strike["QuadClass"] == "4" and float(strike["GoldsteinScale"]) == -9.0
    assert strike["Actor1Code"] == "RUSGOV" and strike["Actor2CountryCode"] == "UKR"
    assert strike["NumMentions"] == "1" and strike["SOURCEURL"] == "https://outlet.example/a2"
    assert strike["ActionGeo_FullName"] == "Kharkiv"


def test_flat_jsonl_and_csv_exports(filled, tmp_path):
    with attache.open(filled) as s:
        export(s.con, "jsonl", tmp_path / "e.jsonl")
        export(s.con, "csv", tmp_path / "e.csv")
    rows = [json.loads(x) for x in (tmp_path / "e.jsonl").read_text().splitlines()]
    assert rows[0]["actor_codes"] == ["CHN", "IND"] and rows[0]["num_articles"] == 1
    assert "CHN;IND" in (tmp_path / "e.csv").read_text()


def test_read_only_open_of_a_missing_file_is_a_store_error(tmp_path):
    with pytest.raises(StoreError, match="no such database"):
        attache.open(tmp_path / "nope.duckdb")


def test_gdelt_export_gives_one_row_per_actor_pair(tmp_path):
    import csv

    db, out = tmp_path / "pairs.duckdb", tmp_path / "pairs.csv"
    with Store(db, write=True) as s:
        add(
            s,
            coded(
                "a1",
                "x",
                D,
                [
                    record("e1", "a1", "ACCUSE", ["USA", "FRA"], ["RUS"], D),
                    record("e2", "a1", "CONSULT", ["CHN", "IND", "PAK"], [], D, start=2),
                    record("e3", "a1", "PROTEST", ["FRA"], [], D, start=4, sector="CVL"),
                ],
            ),
        )
        assert export(s.con, "gdelt", out) == 2 + 3 + 1
    rows = [
        (r["GLOBALEVENTID"], r["Actor1Code"], r["Actor2Code"], r["Directed"])
        for r in csv.DictReader(out.open())
    ]
    assert sorted(rows) == [
        ("e1", "FRAGOV", "RUSGOV", "1"),
        ("e1", "USAGOV", "RUSGOV", "1"),
        ("e2", "CHNGOV", "INDGOV", "0"),
        ("e2", "CHNGOV", "PAKGOV", "0"),
        ("e2", "INDGOV", "PAKGOV", "0"),
        ("e3", "FRACVL", "", "1"),
    ]
