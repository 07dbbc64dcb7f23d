"""Straight-line distances, and which HCMC centre is nearer to a point."""

from __future__ import annotations

import math
from dataclasses import dataclass

from bot.triage.geography.data import load_centres
from bot.triage.geography.models import Centre

EARTH_RADIUS_KM = 6371.0088  # mean radius (IUGG)

# Beyond this from the nearer centre, the patient lives far from both: the bot should say so
# rather than present the nearer centre as close.
FAR_AWAY_KM = 40.0


@dataclass(frozen=True)
class CentreChoice:
    nearest: Centre
    nearest_km: float
    other: Centre
    other_km: float
    far_away: bool  # True when nearest_km > FAR_AWAY_KM


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km between two points given in decimal degrees."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    half_dphi = math.radians(lat2 - lat1) / 2
    half_dlambda = math.radians(lon2 - lon1) / 2
    a = math.sin(half_dphi) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(half_dlambda) ** 2
    # min() guards against rounding pushing `a` a hair above 1 for antipodal points.
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def nearest_centre(latitude: float, longitude: float) -> CentreChoice:
    """The nearer centre by straight line (not by road or public transport) and the other one."""
    _check_point(latitude, longitude)
    distances = [
        (haversine_km(latitude, longitude, centre.latitude, centre.longitude), centre)
        for centre in load_centres().values()
    ]
    # The id breaks an exact tie, so the answer never depends on file order.
    ranked = sorted(distances, key=lambda item: (item[0], item[1].id))
    if len(ranked) < 2:
        raise ValueError("nearest_centre needs at least two centres in centres.yml")
    (nearest_km, nearest), (other_km, other) = ranked[0], ranked[1]
    return CentreChoice(
        nearest=nearest,
        nearest_km=nearest_km,
        other=other,
        other_km=other_km,
        far_away=nearest_km > FAR_AWAY_KM,
    )


def _check_point(latitude: float, longitude: float) -> None:
    for value, limit, label in ((latitude, 90.0, "latitude"), (longitude, 180.0, "longitude")):
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise ValueError(f"{label} must be a number, got {value!r}")
        if not math.isfinite(value) or abs(value) > limit:
            raise ValueError(f"{label} {value} is not a valid coordinate")
