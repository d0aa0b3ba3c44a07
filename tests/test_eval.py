"""attache eval: our scoring equals shared/tools/score.py; --errors lists what went wrong."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from attache.evaluate import evaluate, keys, load_gold, load_pred, predicted_from_records

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
DEV = SHARED / "gold" / "dev.jsonl"
SCORER = SHARED / "tools" / "score.py"
needs_shared = pytest.mark.skipif(
    not (DEV.exists() and SCORER.exists()),
    reason=f"shared gold and scorer not found at {SHARED} (CI mounts them at <repo>/../shared)",
)
LEVELS = ("full", "type+actor", "type")


def shared_score(gold: Path, pred: Path) -> dict:
    out = subprocess.run(
        [sys.executable, str(SCORER), str(gold), str(pred), "--json"],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(out.stdout)


def run_cli(*args: str) -> subprocess.CompletedProcess:
    code = "import sys; from attache.cli import app; sys.argv[0] = 'attache'; app()"
    return subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True)


def test_keys_follow_coding_md():
    assert set(keys("accuse", ["USA", "FRA"], ["RUS"])) == {
        ("ACCUSE", "USA", "RUS"),
        ("ACCUSE", "FRA", "RUS"),
    }
    assert set(keys("CONSULT", ["IND"], ["CHN"])) == {("CONSULT", frozenset({"CHN", "IND"}))}
    assert set(keys("ASSAULT", ["ARM", "AZE"], [])) == {("ASSAULT", frozenset({"ARM", "AZE"}))}
    assert set(keys("PROTEST", [], [])) == {("PROTEST", "UNK", "-")}
    assert set(keys("REQUEST", [], ["ISR"])) == {("REQUEST", "UNK", "ISR")}


def perturbed_predictions(gold_path: Path, out: Path) -> None:
    """Gold events turned into predictions with misses, wrong recipients and noise."""
    lines = []
    for n, line in enumerate(gold_path.read_text(encoding="utf-8").splitlines()):
        art = json.loads(line)
        for i, ev in enumerate(art["events"]):
            if ev.get("required", True) and i % 4 == 0:
                continue  # a miss
            rec = {
                "article_id": art["id"],
                "event_type": ev["type"],
                "actor": [{"code": c.lower()} for c in ev["actor"]] if i % 2 else ev["actor"],
                "recipient": ["ZZZ"] if i % 5 == 1 else ev["recipient"],
                "evidence": {"sentence": ev.get("evidence", "")},
                "reason": "perturbed",
            }
            lines.append(rec)
        lines.append(
            {
                "article_id": art["id"],
                "event_type": "ASSAULT",
                "actor": ["USA"],
                "recipient": ["CHN"],
                "negated": True,
            }
        )
        lines.append({"article_id": art["id"], "type": "PROTEST", "actor": [], "recipient": []})
        if n % 3 == 0:
            lines.append(
                {
                    "article_id": art["id"],
                    "event_type": "THREATEN",
                    "actor": ["PRK"],
                    "recipient": ["KOR", "JPN"],
                }
            )
    lines.append({"article_id": "not-in-gold", "event_type": "AID", "actor": ["USA"], "recipient": ["UKR"]})
    out.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")


def assert_same_figures(ours: dict, theirs: dict) -> None:
    for level in LEVELS:
        assert ours[level] == theirs[level], level
    assert ours["articles"] == theirs["articles"]
    assert ours["unknown_article_ids"] == theirs["unknown_article_ids"]


@needs_shared
def test_pred_scores_equal_the_shared_scorer(tmp_path):
    pred = tmp_path / "pred.jsonl"
    perturbed_predictions(DEV, pred)
    theirs = shared_score(DEV, pred)
    assert 0 < theirs["full"]["f1"] < 1  # the perturbation must leave something to get wrong
    out = run_cli("eval", str(DEV), "--pred", str(pred), "--json")
    assert out.returncode == 0, out.stderr
    assert_same_figures(json.loads(out.stdout), theirs)
    # and the text report carries the same full-level figures
    text = run_cli("eval", str(DEV), "--pred", str(pred), "--by-type")
    f = theirs["full"]
    assert f"(tp={f['tp']} fp={f['fp']} fn={f['fn']})" in text.stdout


@pytest.fixture(scope="module")
def coder():
    from attache.pipeline import Coder

    return Coder()


@needs_shared
def test_real_coder_predictions_score_equal_the_shared_scorer(coder, tmp_path):
    gold = load_gold(DEV)
    subset = dict(list(gold.items())[:12])  # keep the test fast; equality is per article anyway
    gold_file = tmp_path / "gold.jsonl"
    ids = set(subset)
    gold_file.write_text(
        "".join(
            line + "\n"
            for line in DEV.read_text(encoding="utf-8").splitlines()
            if json.loads(line)["id"] in ids
        ),
        encoding="utf-8",
    )
    records = [r for g in subset.values() for r in coder.code(g.article).events]
    pred_file = tmp_path / "pred.jsonl"
    pred_file.write_text("".join(r.model_dump_json() + "\n" for r in records), encoding="utf-8")
    ours = evaluate(subset, predicted_from_records(records))
    assert_same_figures(ours, shared_score(gold_file, pred_file))
    assert_same_figures(evaluate(load_gold(gold_file), load_pred(pred_file)), ours)


GOLD = {
    "id": "g1",
    "title": "t",
    "date": "2024-05-01",
    "text": "China and India held talks. The US accused Russia. Iran warned Israel.",
    "events": [
        {
            "type": "CONSULT",
            "actor": ["CHN", "IND"],
            "recipient": [],
            "required": True,
            "evidence": "China and India held talks.",
        },
        {
            "type": "ACCUSE",
            "actor": ["USA"],
            "recipient": ["RUS"],
            "required": True,
            "evidence": "The US accused Russia.",
        },
        {
            "type": "THREATEN",
            "actor": ["IRN"],
            "recipient": ["ISR"],
            "required": False,
            "evidence": "Iran warned Israel.",
        },
    ],
}


def pred_line(event_type, actor, recipient, sentence, reason):
    return (
        json.dumps(
            {
                "article_id": "g1",
                "event_type": event_type,
                "actor": [{"code": c} for c in actor],
                "recipient": [{"code": c} for c in recipient],
                "evidence": {"sentence": sentence},
                "reason": reason,
            }
        )
        + "\n"
    )


def test_errors_list_missed_and_spurious_keys_with_evidence(tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps(GOLD) + "\n" + json.dumps({"id": "g2", "text": "x", "events": []}) + "\n")
    pred = tmp_path / "pred.jsonl"
    pred.write_text(
        pred_line("CONSULT", ["IND"], ["CHN"], "China and India held talks.", "verb 'hold talks'")
        + pred_line("ACCUSE", ["RUS"], ["USA"], "The US accused Russia.", "verb 'accuse' subj")
        + pred_line("THREATEN", ["IRN"], ["ISR"], "Iran warned Israel.", "verb 'warn'")
    )
    out = run_cli("eval", str(gold), "--pred", str(pred), "--errors")
    assert out.returncode == 0, out.stderr
    text = out.stdout
    # CONSULT right (either direction), ACCUSE reversed, optional THREATEN neither right nor wrong
    assert "full        P=0.500 R=0.500 F1=0.500 (tp=1 fp=1 fn=1)" in text
    block = text.split("== g1", 1)[1]
    assert "MISSED   ACCUSE USA->RUS" in block and "gold: The US accused Russia." in block
    assert "SPURIOUS ACCUSE RUS->USA" in block and "rule: verb 'accuse' subj" in block
    assert "CONSULT" not in block and "THREATEN" not in block and "== g2" not in text
    as_json = json.loads(run_cli("eval", str(gold), "--pred", str(pred), "--errors", "--json").stdout)
    assert as_json["errors"][0]["missed"][0]["key"] == "ACCUSE USA->RUS"


def test_eval_codes_gold_articles_with_the_real_coder(tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps(GOLD) + "\n")
    pred = tmp_path / "pred.jsonl"
    out = run_cli("eval", str(gold), "--json", "-o", str(pred))
    assert out.returncode == 0, out.stderr
    result = json.loads(out.stdout)
    assert result["articles"] == 1 and result["full"]["fn"] + result["full"]["tp"] == 2
    # the predictions written are what was scored
    assert evaluate(load_gold(gold), load_pred(pred))["full"] == result["full"]


def test_bad_prediction_file_is_a_one_line_error(tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps(GOLD) + "\n")
    pred = tmp_path / "pred.jsonl"
    pred.write_text("{not json\n")
    out = run_cli("eval", str(gold), "--pred", str(pred))
    assert out.returncode == 2
    assert "Traceback" not in out.stderr and len(out.stderr.strip().splitlines()) == 1
