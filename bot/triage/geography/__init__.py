"""Where HCMC's centres are, where patients live, and which centre is nearer to them.

All places and centres live in centres.yml and places.yml beside this file.
"""

from bot.triage.geography.data import load_centres, load_places
from bot.triage.geography.distance import FAR_AWAY_KM, CentreChoice, haversine_km, nearest_centre
from bot.triage.geography.lookup import PlaceFinder, find_place
from bot.triage.geography.models import Centre, Place
from bot.triage.geography.normalise import normalise

__all__ = [
    "FAR_AWAY_KM",
    "Centre",
    "CentreChoice",
    "Place",
    "PlaceFinder",
    "find_place",
    "haversine_km",
    "load_centres",
    "load_places",
    "nearest_centre",
    "normalise",
]
