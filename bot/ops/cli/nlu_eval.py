"""`make nlu-eval`: how well the one multilingual NLU model understands each language.

For English, French and Dutch separately:
- intent F1: Rasa's cross-validation (`rasa test nlu --cross-validation`) on that language's NLU
  files alone (data/nlu/*.yml for English, data/nlu/fr/ and data/nlu/nl/), with the project's
  config.yml: the weighted average F1 of the intents, and of the FAQ answers (the FAQ selector);
- entity F1: the entity ruler (deterministic, not trained, so no cross-validation) on the held-out
  gold set tests/nlu/entities.yml, matching (entity, value) pairs per message;
- language detection: on that language's NLU examples, how many are recognised as that language,
  left undecided (None) or taken for another language.

With --multilingual, also the model as deployed: one cross-validation on the three languages'
data together, its predictions then scored per language (intent F1 of the one multilingual
model, to compare with a model per language).

With --model, the trained model (models/hcmc.tar.gz, as served) on the held-out intents
tests/nlu/heldout_intents.yml, written by someone who never saw the training data: intent F1 per
language on all of them and on those that are not also a training example. Cross-validation
scores data against data written by the same hands; this is the independent check.

Writes var/results/nlu-eval.json and the per-language Rasa reports under var/results/nlu-eval/.
Takes a few minutes (3 folds x 3 languages of training); not part of `make test`.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import yaml

from bot.config import PROJECT_ROOT
from bot.ops.supervisor import rasa_environment
from bot.triage.language import LANGUAGES, detect_language

NLU_DIR = PROJECT_ROOT / "data" / "nlu"
GOLD_ENTITIES = PROJECT_ROOT / "tests" / "nlu" / "entities.yml"
HELDOUT_INTENTS = PROJECT_ROOT / "tests" / "nlu" / "heldout_intents.yml"
HELDOUT_FAQ = PROJECT_ROOT / "tests" / "nlu" / "heldout_faq.yml"
RESULTS_DIR = PROJECT_ROOT / "var" / "results"
# Entities that are not spans of the patient's words: the message's language, red-flag ids.
NOT_EVALUATED = frozenset({"detected_language", "red_flag_id"})
TARGET_INTENT_F1 = 0.95


def nlu_files(language: str, nlu_dir: Path | None = None) -> list[Path]:
    """English lives in data/nlu/*.yml, French and Dutch in data/nlu/fr/ and data/nlu/nl/."""
    nlu_dir = nlu_dir or NLU_DIR
    folder = nlu_dir if language == "en" else nlu_dir / language
    return sorted(folder.glob("*.yml"))


def examples_by_intent(files: Iterable[Path]) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for path in files:
        for item in yaml.safe_load(path.read_text(encoding="utf-8")).get("nlu") or []:
            if "intent" not in item:
                continue
            lines = str(item.get("examples") or "").splitlines()
            found.setdefault(item["intent"], []).extend(
                line.strip()[2:].strip() for line in lines if line.strip().startswith("- ")
            )
    return found


def training_languages() -> dict[str, str]:
    """Every training example of the three languages -> its language."""
    return {
        text: language
        for language in LANGUAGES
        for texts in examples_by_intent(nlu_files(language)).values()
        for text in texts
    }


def detection_stats(language: str, texts: Sequence[str]) -> dict[str, Any]:
    """How many texts the detector gives to this language, to none, to another one."""
    results = Counter(detect_language(text) for text in texts)
    total = len(texts) or 1
    other = sum(count for found, count in results.items() if found not in (language, None))
    return {
        "examples": len(texts),
        "correct": round(results[language] / total, 3),
        "undecided": round(results[None] / total, 3),
        "wrong": round(other / total, 3),
    }


def _pairs(entities: Mapping[str, Any]) -> set[tuple[str, str]]:
    return {
        (label, _canonical(value))
        for label, values in entities.items()
        for value in (values if isinstance(values, list) else [values])
    }


def _canonical(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value)


def entity_scores(
    gold: Sequence[Mapping[str, Any]], extract: Any
) -> dict[str, float | int | list[dict[str, Any]]]:
    """Micro precision, recall and F1 of (entity, value) pairs, and the messages that differ.

    A value found twice in one message counts once: the interview reads values, not spans.
    """
    true_positives = predicted_total = gold_total = 0
    misses: list[dict[str, Any]] = []
    for item in gold:
        expected = _pairs(item.get("entities") or {})
        found = {
            (entity["entity"], _canonical(entity["value"]))
            for entity in extract(item["text"])
            if entity["entity"] not in NOT_EVALUATED
        }
        true_positives += len(expected & found)
        predicted_total += len(found)
        gold_total += len(expected)
        if expected != found:
            misses.append(
                {
                    "text": item["text"],
                    "missing": sorted(f"{k}={v}" for k, v in expected - found),
                    "extra": sorted(f"{k}={v}" for k, v in found - expected),
                }
            )
    precision = true_positives / predicted_total if predicted_total else 0.0
    recall = true_positives / gold_total if gold_total else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "precision": round(precision, 3),
        "recall": round(recall, 3),
        "f1": round(f1, 3),
        "messages": len(gold),
        "errors": misses,
    }


def load_heldout(path: Path = HELDOUT_INTENTS) -> dict[str, list[tuple[str, str]]]:
    """language -> [(message, intent)] from the held-out file (language -> intent -> messages)."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return {
        language: [
            (str(text), intent) for intent, texts in data[language].items() for text in texts
        ]
        for language in LANGUAGES
        if language in data
    }


def _f1_of(gold: Sequence[str], found: Sequence[str], indices: Iterable[int]) -> float | None:
    from sklearn.metrics import f1_score

    chosen = list(indices)
    if not chosen:
        return None
    golds, founds = [gold[i] for i in chosen], [found[i] for i in chosen]
    return round(float(f1_score(golds, founds, average="weighted", zero_division=0)), 3)


def _misses(
    items: Sequence[tuple[str, str]], found: Sequence[str], expected: str, given: str
) -> list[dict[str, str]]:
    """The messages read wrong: the text, what was expected and what was found instead, under
    the report's own names for them."""
    return [
        {"text": text, expected: gold, given: found[i]}
        for i, (text, gold) in enumerate(items)
        if found[i] != gold
    ]


def heldout_scores(
    heldout: Mapping[str, Sequence[tuple[str, str]]],
    intent_of: Callable[[str], str],
    training_texts: Iterable[str],
) -> dict[str, dict[str, Any]]:
    """Weighted intent F1 per language on all held-out messages and on the unseen ones (not equal
    to a training example, ignoring case), with the misread messages."""
    seen = {text.casefold().strip() for text in training_texts}
    scores: dict[str, dict[str, Any]] = {}
    for language, items in heldout.items():
        found = [intent_of(text) for text, _ in items]
        gold = [intent for _, intent in items]
        unseen = [i for i, (text, _) in enumerate(items) if text.casefold().strip() not in seen]
        scores[language] = {
            "heldout_intent_f1": _f1_of(gold, found, range(len(items))),
            "heldout_unseen_intent_f1": _f1_of(gold, found, unseen),
            "heldout_messages": len(items),
            "heldout_unseen_messages": len(unseen),
            "heldout_errors": _misses(items, found, "intent", "predicted"),
        }
    return scores


def model_reader(model: Path) -> Callable[[str], dict[str, Any]]:
    """What the trained model (the whole NLU pipeline, overrides included) makes of a text."""
    import logging

    from rasa.core.agent import Agent
    from rasa.utils.log_utils import configure_structlog

    configure_structlog(logging.WARNING)  # not a debug line per message parsed
    agent = Agent.load(str(model))
    loop = asyncio.new_event_loop()

    def parse(text: str) -> dict[str, Any]:
        return dict(loop.run_until_complete(agent.parse_message(text)))

    return parse


def model_intent_reader(model: Path) -> Callable[[str], str]:
    """The intent the trained model gives a text."""
    parse = model_reader(model)
    return lambda text: str((parse(text).get("intent") or {}).get("name") or "None")


def faq_answer_of(parsed: Mapping[str, Any]) -> str:
    """The FAQ answer the assistant gives ("faq/session"), or the intent it took instead."""
    intent = str((parsed.get("intent") or {}).get("name") or "None")
    if intent != "faq":
        return f"intent:{intent}"
    selector = (parsed.get("response_selector") or {}).get("faq") or {}
    return str((selector.get("response") or {}).get("intent_response_key") or "faq/None")


def heldout_faq_scores(path: Path, answer_of: Callable[[str], str]) -> dict[str, dict[str, Any]]:
    """Weighted F1 of the FAQ answer per language on tests/nlu/heldout_faq.yml (a question the
    classifier did not take for a question counts as a wrong answer), with the misses."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    scores: dict[str, dict[str, Any]] = {}
    for language in LANGUAGES:
        items = [
            (str(text), f"faq/{answer}")
            for answer, texts in (data.get(language) or {}).items()
            for text in texts
        ]
        if not items:
            continue
        found = [answer_of(text) for text, _ in items]
        gold = [answer for _, answer in items]
        scores[language] = {
            "heldout_faq_f1": _f1_of(gold, found, range(len(items))),
            "heldout_faq_messages": len(items),
            "heldout_faq_errors": _misses(items, found, "answer", "given"),
        }
    return scores


def _weighted_f1(report_path: Path) -> float | None:
    if not report_path.exists():
        return None
    report = json.loads(report_path.read_text(encoding="utf-8"))
    return round(float(report["weighted avg"]["f1-score"]), 3)


def _run_cross_validation(
    languages: Sequence[str], folds: int, config: Path, out_dir: Path, successes: bool = False
) -> int:
    """`rasa test nlu --cross-validation` on the NLU files of the languages; seconds taken."""
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="nlu-eval-") as tmp:
        for language in languages:
            for path in nlu_files(language):
                shutil.copy(path, Path(tmp) / f"{language}_{path.name}")
        command = [
            str(Path(sys.executable).parent / "rasa"), "test", "nlu",
            "--nlu", tmp, "--config", str(config), "--domain", str(PROJECT_ROOT / "domain"),
            "--cross-validation", "--folds", str(folds), "--out", str(out_dir),
            "--no-plot", "--quiet", *(["--successes"] if successes else []),
        ]  # fmt: skip
        started = time.monotonic()
        result = subprocess.run(
            command, cwd=PROJECT_ROOT, env=rasa_environment(), capture_output=True, text=True
        )
    if result.returncode != 0:
        print((result.stdout + result.stderr)[-3000:], file=sys.stderr)
        raise RuntimeError(f"cross-validation failed for {', '.join(languages)}")
    return round(time.monotonic() - started)


def cross_validate(language: str, folds: int, config: Path, out_dir: Path) -> dict[str, Any]:
    """Rasa's cross-validation on one language's NLU files; the weighted intent and FAQ F1."""
    seconds = _run_cross_validation([language], folds, config, out_dir)
    return {
        "intent_f1": _weighted_f1(out_dir / "intent_report.json"),
        "faq_f1": _weighted_f1(out_dir / "response_selection_report.json"),
        "seconds": seconds,
    }


def multilingual_intent_f1(folds: int, config: Path, out_dir: Path) -> dict[str, float]:
    """One cross-validation on the three languages together, scored per language."""
    from sklearn.metrics import f1_score

    _run_cross_validation(LANGUAGES, folds, config, out_dir, successes=True)
    language_of = training_languages()
    predictions: dict[str, tuple[list[str], list[str]]] = {lang: ([], []) for lang in LANGUAGES}
    for name in ("intent_successes.json", "intent_errors.json"):
        path = out_dir / name
        for item in json.loads(path.read_text(encoding="utf-8")) if path.exists() else []:
            language = language_of.get(item["text"])
            if language is None:
                continue
            predictions[language][0].append(item["intent"])
            predictions[language][1].append(item["intent_prediction"]["name"] or "None")
    return {
        language: round(float(f1_score(gold, found, average="weighted", zero_division=0)), 3)
        for language, (gold, found) in predictions.items()
        if gold
    }


def table(results: Mapping[str, Mapping[str, Any]]) -> str:
    header = (
        f"{'language':<9}{'examples':>9}{'intent F1':>11}{'FAQ F1':>8}{'multi F1':>10}"
        f"{'held-out':>10}{'unseen':>8}{'FAQ h-o':>9}{'entity F1':>11}{'detected':>10}"
        f"{'undecided':>11}"
        f"{'wrong':>7}"
    )
    rows = [header, "-" * len(header)]
    for language, result in results.items():
        detection = result["detection"]

        def number(value: Any) -> str:
            return "-" if value is None else f"{value:.3f}"

        rows.append(
            f"{language:<9}{detection['examples']:>9}{number(result.get('intent_f1')):>11}"
            f"{number(result.get('faq_f1')):>8}{number(result.get('multilingual_intent_f1')):>10}"
            f"{number(result.get('heldout_intent_f1')):>10}"
            f"{number(result.get('heldout_unseen_intent_f1')):>8}"
            f"{number(result.get('heldout_faq_f1')):>9}"
            f"{number(result['entities']['f1']):>11}"
            f"{detection['correct']:>10.1%}{detection['undecided']:>11.1%}"
            f"{detection['wrong']:>7.1%}"
        )
    return "\n".join(rows)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--folds", type=int, default=3)
    parser.add_argument("--languages", nargs="+", choices=LANGUAGES, default=list(LANGUAGES))
    parser.add_argument("--config", type=Path, default=PROJECT_ROOT / "config.yml")
    parser.add_argument(
        "--no-cv", action="store_true", help="skip cross-validation (entities, detection only)"
    )
    parser.add_argument(
        "--multilingual",
        action="store_true",
        help="also cross-validate the three languages together, scored per language",
    )
    parser.add_argument(
        "--model",
        type=Path,
        help="also score this trained model on the held-out tests/nlu/heldout_intents.yml",
    )
    args = parser.parse_args(argv)

    from bot.triage.nlp.canonical_entities import extract_entities
    from bot.triage.nlp.pipeline import build_pipeline

    nlp = build_pipeline()
    gold = yaml.safe_load(GOLD_ENTITIES.read_text(encoding="utf-8"))
    results: dict[str, dict[str, Any]] = {}
    for language in args.languages:
        texts = [t for ts in examples_by_intent(nlu_files(language)).values() for t in ts]
        result: dict[str, Any] = {
            "detection": detection_stats(language, texts),
            "entities": entity_scores(gold[language], lambda text: extract_entities(nlp, text)),
        }
        if not args.no_cv:
            print(f"cross-validating {language} ({args.folds} folds)...", flush=True)
            result.update(
                cross_validate(
                    language, args.folds, args.config, RESULTS_DIR / "nlu-eval" / language
                )
            )
        results[language] = result
    if args.multilingual and not args.no_cv:
        print(f"cross-validating en+fr+nl together ({args.folds} folds)...", flush=True)
        scores = multilingual_intent_f1(
            args.folds, args.config, RESULTS_DIR / "nlu-eval" / "multilingual"
        )
        for language, score in scores.items():
            if language in results:
                results[language]["multilingual_intent_f1"] = score

    if args.model:
        print(f"scoring {args.model.name} on the held-out intents...", flush=True)
        training = training_languages()
        parse = model_reader(args.model)

        def intent_of(text: str) -> str:
            return str((parse(text).get("intent") or {}).get("name") or "None")

        heldout = heldout_scores(load_heldout(), intent_of, training)
        for language, found in heldout.items():
            if language in results:
                results[language].update(found)
        if HELDOUT_FAQ.exists():
            print(f"scoring {args.model.name} on the held-out FAQ questions...", flush=True)
            faq = heldout_faq_scores(HELDOUT_FAQ, lambda text: faq_answer_of(parse(text)))
            for language, found in faq.items():
                if language in results:
                    results[language].update(found)

    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    report = RESULTS_DIR / "nlu-eval.json"
    report.write_text(json.dumps(results, indent=2, ensure_ascii=False), encoding="utf-8")
    print(table(results))
    print(f"(details: {report.relative_to(PROJECT_ROOT)})")
    verdict = below_target(results)
    if verdict:
        print(verdict, file=sys.stderr)
    return 0


def below_target(results: Mapping[str, Mapping[str, Any]]) -> str:
    """Which languages miss the intent F1 aim, judged on the model that is deployed: the one
    multilingual model when it was measured (--multilingual), else the model per language."""
    key = "intent_f1"
    if any(result.get("multilingual_intent_f1") is not None for result in results.values()):
        key = "multilingual_intent_f1"
    below = [
        language
        for language, result in results.items()
        if result.get(key) is not None and result[key] < TARGET_INTENT_F1
    ]
    if not below:
        return ""
    model = "the multilingual model" if key == "multilingual_intent_f1" else "a model per language"
    return f"intent F1 of {model} below {TARGET_INTENT_F1} for: {', '.join(below)}"


if __name__ == "__main__":
    sys.exit(main())
