"""``attache eval``: code a gold file (or read predictions) and score it (CODING.md rules)."""

from __future__ import annotations

import json
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from attache.cli.options import ActorsOption, SpacyModelOption, check_actor_files

if TYPE_CHECKING:
    from attache.evaluate import GoldArticle, Predicted


def eval_command(
    gold: Annotated[Path, typer.Argument(help="Gold JSONL: id, title, text, date, events.")],
    by_type: Annotated[bool, typer.Option("--by-type", help="Also print per-type counts.")] = False,
    errors: Annotated[
        bool, typer.Option("--errors", help="List every missed and spurious key per article.")
    ] = False,
    spacy_model: SpacyModelOption = None,
    actors: ActorsOption = None,
    pred: Annotated[
        Path | None,
        typer.Option("--pred", help="Score this prediction JSONL instead of coding the articles."),
    ] = None,
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="Also write the predictions here (JSONL).")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
) -> None:
    """Score attache (or a prediction file) against gold events."""
    from attache import evaluate as ev

    try:
        gold_articles = ev.load_gold(gold)
        if pred is not None:
            predicted = ev.load_pred(pred)
        else:
            predicted = _code(gold_articles, spacy_model, check_actor_files(actors), output)
    except (OSError, ValueError, KeyError) as e:
        # ValueError covers bad JSON lines; KeyError a line without id/article_id.
        print(f"error: {type(e).__name__}: {e}", file=sys.stderr)
        raise typer.Exit(2) from None
    result = ev.evaluate(gold_articles, predicted)
    errs = ev.errors(gold_articles, predicted) if errors else []
    if as_json:
        if errors:
            result["errors"] = [
                {
                    "article_id": e.article_id,
                    "missed": [{"key": k, "gold_evidence": s} for k, s in e.missed],
                    "spurious": [
                        {"key": k, "records": [{"sentence": s, "reason": r} for s, r in recs]}
                        for k, recs in e.spurious
                    ],
                }
                for e in errs
            ]
        print(json.dumps(result))
        return
    for lvl in ev.LEVELS:
        s = result[lvl]
        print(
            f"{lvl:11s} P={s['precision']:.3f} R={s['recall']:.3f} F1={s['f1']:.3f} "
            f"(tp={s['tp']} fp={s['fp']} fn={s['fn']})"
        )
        if by_type and lvl == "full":
            for t, c in s["per_type"].items():
                print(f"    {t:10s} tp={c['tp']:3d} fp={c['fp']:3d} fn={c['fn']:3d}")
    if result["unknown_article_ids"]:
        print(
            f"warning: {result['unknown_article_ids']} predicted article ids are not in the gold file",
            file=sys.stderr,
        )
    print(f"articles={result['articles']} full_f1={result['full']['f1']:.3f}")
    for e in errs:
        print(f"\n== {e.article_id}")
        for key, evidence in e.missed:
            print(f"  MISSED   {key}")
            for s in evidence:
                print(f"           gold: {s}")
        for key, recs in e.spurious:
            print(f"  SPURIOUS {key}")
            for sentence, reason in recs:
                print(f"           pred: {sentence}")
                print(f"           rule: {reason}")


def _code(
    gold_articles: Mapping[str, GoldArticle],
    spacy_model: str | None,
    actors: Sequence[Path],
    output: Path | None,
) -> Predicted:
    """Predictions of the real coder on the gold articles."""
    from attache import evaluate as ev
    from attache.pipeline import Coder
    from attache.records import InputError

    coder = Coder(spacy_model=spacy_model, actors_files=actors)
    records = []
    for result in coder.code_many(g.article for g in gold_articles.values()):
        if isinstance(result, InputError):
            # Scored as predicting nothing, which is what a user of the coder would get.
            print(f"warning: {result}", file=sys.stderr)
        else:
            records += result.events
    if output is not None:
        with open(output, "w", encoding="utf-8") as f:
            for rec in records:
                f.write(rec.model_dump_json() + "\n")
    return ev.predicted_from_records(records)


def register(app: typer.Typer) -> None:
    """Add this module's commands to ``app``."""
    app.command("eval")(eval_command)
