"""The event lexicon's data files are checked when they load."""

from __future__ import annotations

from pathlib import Path

import pytest

from attache.events.lexicon import CUES_FILE, PLOVER_FILE, TRIGGERS_FILE, LexiconError, load_lexicon


def load(tmp_path: Path, triggers: str | None = None, cues: str | None = None):
    t = tmp_path / "triggers.yaml"
    c = tmp_path / "cues.yaml"
    t.write_text(
        triggers if triggers is not None else TRIGGERS_FILE.read_text(encoding="utf-8"), encoding="utf-8"
    )
    c.write_text(cues if cues is not None else CUES_FILE.read_text(encoding="utf-8"), encoding="utf-8")
    return load_lexicon(t, c, PLOVER_FILE)


def test_shipped_files_load_and_keep_their_words() -> None:
    lexicon = load_lexicon()
    assert "on" in lexicon.cues["frame_prepositions"]  # a bare YAML `on` would have become True
    assert lexicon.triggers("urge", "verb")[0].event_type == "REQUEST"
    assert lexicon.lemma("accusing", "accusing") == "accuse"
    assert lexicon.lemma("held", "held") == "hold"
    assert lexicon.types["CONSULT"].future_as == "AGREE"


def test_unknown_event_type_is_refused(tmp_path: Path) -> None:
    with pytest.raises(LexiconError, match="BOMB: not an event type"):
        load(tmp_path, triggers="BOMB:\n  verbs:\n    bomb: {}\n")


def test_misspelt_option_is_refused(tmp_path: Path) -> None:
    with pytest.raises(LexiconError, match="unknown option"):
        load(tmp_path, triggers="ASSAULT:\n  verbs:\n    bomb: {requries: [at]}\n")


def test_bare_yaml_boolean_is_refused(tmp_path: Path) -> None:
    with pytest.raises(LexiconError, match="quote on/off/no/yes"):
        load(tmp_path, triggers="ASSAULT:\n  verbs:\n    fire: {requires: [at, on]}\n")


def test_syntax_error_names_file_and_line(tmp_path: Path) -> None:
    with pytest.raises(LexiconError, match=r"triggers.yaml:4: "):
        load(tmp_path, triggers="ASSAULT:\n  verbs:\n    bomb: {mode: [\n")
