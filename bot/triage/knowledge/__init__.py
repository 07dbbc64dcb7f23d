"""Referred-pain knowledge base: body regions and the muscles that commonly refer pain there.

The content lives in ``regions.yml``; this package loads, validates and exposes it.
"""

from bot.triage.knowledge.loader import load_knowledge_base
from bot.triage.knowledge.models import (
    DOCTOR_FIRST,
    MUSCULAR,
    USUAL,
    WEAK,
    KnowledgeBase,
    Muscle,
    Region,
)
from bot.triage.language import LANGUAGES

# Read from the YAML (validated against the agreed list), so importers get ids in file order.
REGION_IDS: tuple[str, ...] = tuple(load_knowledge_base().regions)

__all__ = [
    "DOCTOR_FIRST",
    "LANGUAGES",
    "MUSCULAR",
    "REGION_IDS",
    "USUAL",
    "WEAK",
    "KnowledgeBase",
    "Muscle",
    "Region",
    "load_knowledge_base",
]
