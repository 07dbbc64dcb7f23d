"""Loads regions.yml into a KnowledgeBase, refusing any file that breaks the rules below."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from bot.triage.knowledge.models import (
    DOCTOR_FIRST,
    EVIDENCE_LEVELS,
    EXPLANATIONS,
    USUAL,
    KnowledgeBase,
    Muscle,
    Region,
)
from bot.triage.knowledge.strict_yaml import read_yaml
from bot.triage.language import LANGUAGES

DEFAULT_PATH = Path(__file__).resolve().with_name("regions.yml")

# The interface, not the content: NLU patterns, stories and the interview key on these ids in this
# order, so a YAML file that drifts from them is refused rather than silently breaking them.
CONTRACT_REGION_IDS = (
    "temple", "back_of_head", "forehead", "jaw", "neck", "shoulder_top", "shoulder_front",
    "shoulder_blade", "upper_arm", "elbow_outer", "elbow_inner", "forearm_hand", "chest",
    "mid_back", "low_back", "buttock", "hip_groin", "thigh", "knee_front", "knee_back",
    "shin_ankle", "calf", "achilles_heel", "sole", "abdomen",
)  # fmt: skip

_MUSCLE_KEYS = {"technical", "labels"}
_REGION_KEYS = {"id", "labels", "explanation", "muscles"}
_REFERENCE_KEYS = {"id", "note", "evidence", "clinic_example"}


class _Context:
    """Builds error messages that name the file and the entry at fault."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def error(self, entry: str, problem: str) -> ValueError:
        return ValueError(f"{self.path}: {entry}: {problem}")


def _mapping(ctx: _Context, value: Any, entry: str, allowed: set[str]) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise ctx.error(entry, "must be a mapping")
    unknown = sorted(set(value) - allowed)
    if unknown:
        raise ctx.error(entry, f"unknown key(s) {unknown}; allowed: {sorted(allowed)}")
    return value


def _text(ctx: _Context, value: Any, entry: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ctx.error(entry, "must be a non-empty text")
    return value.strip()


def _languages(ctx: _Context, value: Any, entry: str) -> dict[str, str]:
    """en, fr and nl are all required: the assistant answers in the patient's language."""
    texts = _mapping(ctx, value, entry, set(LANGUAGES))
    missing = [language for language in LANGUAGES if language not in texts]
    if missing:
        raise ctx.error(entry, f"missing language label(s) {missing}")
    return {language: _text(ctx, texts[language], f"{entry}.{language}") for language in LANGUAGES}


def _catalogue(ctx: _Context, raw: Any) -> dict[str, dict[str, Any]]:
    if not isinstance(raw, dict) or not raw:
        raise ctx.error("muscles", "must be a non-empty mapping of muscle id -> entry")
    catalogue: dict[str, dict[str, Any]] = {}
    for muscle_id, value in raw.items():
        entry = f"muscle {muscle_id!r}"
        body = _mapping(ctx, value, entry, _MUSCLE_KEYS)
        catalogue[str(muscle_id)] = {
            "technical": _text(ctx, body.get("technical"), f"{entry}.technical"),
            "labels": _languages(ctx, body.get("labels"), f"{entry}.labels"),
        }
    return catalogue


def _reference(
    ctx: _Context, raw: Any, entry: str, catalogue: dict[str, dict[str, Any]]
) -> tuple[Muscle, bool]:
    """One muscle listed by a region: a bare id or a mapping; returns it and its example flag."""
    ref = {"id": raw} if isinstance(raw, str) else _mapping(ctx, raw, entry, _REFERENCE_KEYS)
    muscle_id = _text(ctx, ref.get("id"), f"{entry}.id")
    if muscle_id not in catalogue:
        raise ctx.error(entry, f"unknown muscle reference {muscle_id!r}")
    evidence = ref.get("evidence", USUAL)
    if evidence not in EVIDENCE_LEVELS:
        raise ctx.error(entry, f"evidence must be one of {list(EVIDENCE_LEVELS)}")
    example = ref.get("clinic_example", False)
    if not isinstance(example, bool):
        raise ctx.error(entry, "clinic_example must be true or false")
    notes = _languages(ctx, ref["note"], f"{entry}.note") if "note" in ref else {}
    known = catalogue[muscle_id]
    muscle = Muscle(muscle_id, known["technical"], dict(known["labels"]), evidence, notes)
    return muscle, example


def _region(ctx: _Context, raw: Any, index: int, catalogue: dict[str, dict[str, Any]]) -> Region:
    body = _mapping(ctx, raw, f"region #{index + 1}", _REGION_KEYS)
    region_id = _text(ctx, body.get("id"), f"region #{index + 1}.id")
    entry = f"region {region_id!r}"
    explanation = body.get("explanation")
    if explanation not in EXPLANATIONS:
        raise ctx.error(entry, f"explanation must be one of {list(EXPLANATIONS)}")
    listed = body.get("muscles")
    if not isinstance(listed, list):
        raise ctx.error(entry, "muscles must be a list (use [] for none)")
    if explanation == DOCTOR_FIRST and listed:
        raise ctx.error(entry, "a doctor_first region must list no muscles (muscles: [])")
    if explanation != DOCTOR_FIRST and not listed:
        raise ctx.error(entry, "a muscular region must list at least one muscle")
    muscles: list[Muscle] = []
    examples: list[str] = []
    for position, item in enumerate(listed, start=1):
        muscle, example = _reference(ctx, item, f"{entry}, muscle #{position}", catalogue)
        if muscle.id in (m.id for m in muscles):
            raise ctx.error(entry, f"duplicate muscle id {muscle.id!r}")
        muscles.append(muscle)
        if example:
            examples.append(muscle.id)
    labels = _languages(ctx, body.get("labels"), f"{entry}.labels")
    return Region(region_id, labels, explanation, tuple(muscles), tuple(examples))


def _check_region_ids(ctx: _Context, ids: list[str]) -> None:
    duplicates = sorted({region_id for region_id in ids if ids.count(region_id) > 1})
    if duplicates:
        raise ctx.error("regions", f"duplicate region id(s) {duplicates}")
    unknown = [region_id for region_id in ids if region_id not in CONTRACT_REGION_IDS]
    if unknown:
        raise ctx.error("regions", f"region id(s) outside the agreed list: {unknown}")
    if len(ids) != len(CONTRACT_REGION_IDS):
        missing = [region_id for region_id in CONTRACT_REGION_IDS if region_id not in ids]
        expected = len(CONTRACT_REGION_IDS)
        problem = f"expected {expected} regions, got {len(ids)}; missing {missing}"
        raise ctx.error("regions", problem)
    if tuple(ids) != CONTRACT_REGION_IDS:
        raise ctx.error("regions", f"regions must be in the agreed order {CONTRACT_REGION_IDS}")


def parse_knowledge_base(path: Path) -> KnowledgeBase:
    """Reads and validates a knowledge base file; raises ValueError naming file and entry."""
    ctx = _Context(path)
    document = _mapping(ctx, read_yaml(path), "top level", {"muscles", "regions"})
    catalogue = _catalogue(ctx, document.get("muscles"))
    raw_regions = document.get("regions")
    if not isinstance(raw_regions, list):
        raise ctx.error("regions", "must be a list")
    regions = [_region(ctx, raw, index, catalogue) for index, raw in enumerate(raw_regions)]
    _check_region_ids(ctx, [region.id for region in regions])
    used = {muscle.id for region in regions for muscle in region.muscles}
    unused = [muscle_id for muscle_id in catalogue if muscle_id not in used]
    if unused:
        raise ctx.error("muscles", f"muscle(s) in the catalogue that no region uses: {unused}")
    return KnowledgeBase({region.id: region for region in regions})


@lru_cache(maxsize=1)
def _default_knowledge_base() -> KnowledgeBase:
    return parse_knowledge_base(DEFAULT_PATH)


def load_knowledge_base(path: Path | None = None) -> KnowledgeBase:
    """The knowledge base; the shipped file is parsed once and cached, other paths every call."""
    if path is None:
        return _default_knowledge_base()
    return parse_knowledge_base(Path(path))
