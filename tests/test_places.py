"""Places in the actor KB: cities, provinces and ports resolve to their state as places."""

from __future__ import annotations

import datetime as dt
import importlib.util
import sys
from pathlib import Path

import pytest
import yaml

from attache.actors import ActorKB, ArticleActors
from attache.actors.entity import ActorEntity

REPO = Path(__file__).resolve().parents[1]
LEXICON = REPO / "src" / "attache" / "actors" / "data" / "lexicon"
D = dt.date.fromisoformat


@pytest.fixture(scope="module")
def kb() -> ActorKB:
    return ActorKB.load()


@pytest.fixture(scope="module")
def build_kb():
    spec = importlib.util.spec_from_file_location("build_kb", REPO / "scripts" / "build_kb.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    sys.modules["build_kb"] = mod
    spec.loader.exec_module(mod)
    return mod


def place(kb: ActorKB, text: str) -> ActorEntity:
    ents = kb.lookup(text, D("2024-06-01"))
    assert len(ents) == 1, (text, ents)
    return ents[0]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Peshawar", "PAK"),
        ("Aleppo", "SYR"),
        ("Homs", "SYR"),
        ("Hims", "SYR"),  # the Factbook's spelling
        ("Kolkata", "IND"),
        ("Donetsk", "UKR"),
        ("Nabatieh", "LBN"),
        ("Mosul", "IRQ"),
        ("Khyber Pakhtunkhwa", "PAK"),  # an administrative division
        ("Gwadar", "PAK"),  # a key port
        ("Lagos", "NGA"),  # also a Portuguese town, but a major city only in Nigeria
        ("New York", "USA"),  # was a code-less place in places.yaml
    ],
)
def test_place_resolves_to_its_state(kb: ActorKB, text: str, code: str) -> None:
    e = place(kb, text)
    assert (e.code, e.sector, e.place) == (code, None, True), e
    assert e.reason == f"place '{text}' in {code}"
    assert e.pid is None and e.office is None


def test_place_in_running_phrase(kb: ActorKB) -> None:
    e = place(kb, "the northwestern city of Peshawar")
    assert (e.code, e.place) == ("PAK", True)
    assert {e.code for e in kb.lookup("Aleppo and Homs")} == {"SYR"}


@pytest.mark.parametrize(
    ("text", "code", "reason"),
    [
        ("Damascus", "SYR", "seat of power 'Damascus'"),
        ("Islamabad", "PAK", "seat of power 'Islamabad'"),
        ("Kyiv", "UKR", "seat of power 'Kyiv'"),
        ("Georgia", "GEO", "state name 'Georgia'"),  # also a US state
        ("Jordan", "JOR", "state name 'Jordan'"),
    ],
)
def test_states_and_capitals_win_over_places(kb: ActorKB, text: str, code: str, reason: str) -> None:
    e = place(kb, text)
    assert (e.code, e.sector, e.place, e.reason) == (code, "GOV", False, reason)


@pytest.mark.parametrize(
    "text", ["Victoria", "Of", "Central", "North", "Eastern", "Capital", "Delta", "Rivers", "Mobile"]
)
def test_words_and_common_names_are_not_places(kb: ActorKB, text: str) -> None:
    assert not any(e.place for e in kb.lookup(text)), text


def test_stop_list_is_respected(kb: ActorKB) -> None:
    stop = yaml.safe_load((LEXICON / "place_stoplist.yaml").read_text())
    assert "Victoria" in stop["names"] and "Central" in stop["words"]
    leaks = [s for s in stop["names"] + stop["words"] if any(e.place for e in kb.lookup(s))]
    assert leaks == []
    # Names made only of stop-list words are no places either ("North Side", Cayman).
    assert not any(e.place for e in kb.lookup("North Side"))
    assert [e.code for e in kb.lookup("North Waziristan")] == ["PAK"]


def test_name_in_two_countries_is_not_a_place(kb: ActorKB) -> None:
    # Tripoli's Arabic name is in Libya and Lebanon, Kochi in India and Japan, Tyrol in
    # Austria and Italy.
    for text in ("Tarabulus", "Kochi", "Tyrol"):
        assert kb.lookup(text) == [], text
        entries = kb.data.entries(text.lower())
        assert entries and all(e[0] == "place" and e[2] is None for e in entries), entries


def test_existing_person_surname_keeps_its_name(kb: ActorKB) -> None:
    # "Kano" is also the surname of a Japanese minister in the KB: people win.
    ents = kb.lookup("Kano")
    assert ents and not ents[0].place and ents[0].pid is not None


def test_places_are_never_persons(kb: ActorKB) -> None:
    places = 0
    for key in list(kb.data.gazetteer):
        entries = kb.data.entries(key) or []
        if any(e[0] == "place" and e[2] for e in entries):
            places += 1
            # A place with a state never shares its key with an actor reading.
            assert {e[0] for e in entries} == {"place"}, (key, entries)
    assert places > 5_000
    for text in ("Peshawar", "Aleppo", "Kharkiv", "Quetta"):
        for e in kb.lookup(text):
            assert e.pid is None and e.name == text and e.office is None


def test_agents_of_a_place_are_actors_of_its_state(kb: ActorKB) -> None:
    e = place(kb, "Peshawar police")
    assert (e.code, e.sector, e.place) == ("PAK", "COP", False)
    e = place(kb, "the governor of Kharkiv")
    assert (e.code, e.sector, e.place) == ("UKR", "GOV", False)
    # Troops in a place may be anyone's.
    assert kb.lookup("troops in Aleppo") == []


def test_actors_win_over_places_in_one_phrase(kb: ActorKB) -> None:
    ents = kb.lookup("QUETTA, Pakistan (Reuters) - Gunmen")
    assert ents and not any(e.place for e in ents)
    assert ("PAK", "REB") in {(e.code, e.sector) for e in ents}
    ents = kb.lookup("Aleppo and Damascus")
    assert [(e.code, e.sector, e.place) for e in ents] == [("SYR", "GOV", False)]


def test_find_mentions_skips_places(kb: ActorKB) -> None:
    text = "Gunmen attacked a school in Peshawar, and Russia bombed Aleppo."
    mentions = kb.find_mentions(text)
    assert [m.text for m in mentions] == ["Russia"]


def test_article_memory_ignores_places(kb: ActorKB) -> None:
    arts = ArticleActors(kb, D("2024-06-01"))
    arts.start_sentence("Russia bombed Aleppo.")
    assert arts.resolve("Russia")[0].code == "RUS"
    assert arts.resolve("Aleppo")[0].place
    # "it" and "the country" point to the last actor, not to the place.
    assert arts.resolve("it")[0].code == "RUS"
    assert arts.resolve("the country")[0].code == "RUS"


def test_place_serialises_as_plain_entity(kb: ActorKB) -> None:
    e = place(kb, "Aleppo")
    assert "place" not in e.as_entity().model_dump()


# ------------------------------------------------------------------ build-time parsing


def test_factbook_urban_areas(build_kb) -> None:
    text = (
        "2.585 million DAMASCUS (capital), 2.203 million Aleppo, 1.443 million Hims (Homs), "
        "996,000 Hamah (2023)"
    )
    got = build_kb.parse_factbook_list(text, metro=True)
    assert got == ["Damascus", "Aleppo", "Hims", "Homs", "Hamah"]
    text = "18.937 million New York-Newark, 5.490 million WASHINGTON, D.C. (capital) (2023)"
    got = build_kb.parse_factbook_list(text, metro=True)
    assert "New York" in got and "Newark" in got and "Washington, D.C" in got
    got = build_kb.parse_factbook_list("1.628 million Marseille-Aix-en-Provence (2023)", metro=True)
    assert "Marseille" in got and "Aix-en-Provence" in got and "Aix-en" not in got


def test_factbook_administrative_divisions(build_kb) -> None:
    text = (
        "14 provinces (<em>muhafazat</em>, singular - <em>muhafazah</em>); Al Hasakah, "
        "Al Ladhiqiyah (Latakia), Dimashq (Damascus), Halab (Aleppo), Hims (Homs), Idlib, "
        "Rif Dimashq (Damascus Countryside), Tartus"
    )
    got = build_kb.parse_factbook_list(text)
    for name in ("Al Hasakah", "Latakia", "Halab", "Aleppo", "Damascus Countryside", "Tartus"):
        assert name in got
    assert not any("muhafaz" in n or "singular" in n or n[0].isdigit() for n in got), got
    text = (
        "4 provinces, 2 Pakistan-administered areas*, and 1 capital territory**; Azad Kashmir*, "
        "Balochistan, Islamabad Capital Territory**"
    )
    assert build_kb.parse_factbook_list(text) == [
        "Azad Kashmir",
        "Balochistan",
        "Islamabad Capital Territory",
    ]
    text = (
        "<strong>provinces:</strong> Anhui, Fujian; (see note on Taiwan) <br><br>"
        "<strong>municipalities:</strong> Tianjin"
    )
    assert build_kb.parse_factbook_list(text) == ["Anhui", "Fujian", "Tianjin"]
