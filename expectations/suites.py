"""The data contracts, as versioned code. Each suite is built fresh for every validation.

Meta ``severity`` on an expectation says what its failure means: ``error`` stops the
data reaching the marts, ``warning`` is shown and lets the run go on.
"""

from __future__ import annotations

import great_expectations as gx
import great_expectations.expectations as gxe

from transforms.gazetteer import load

EVENT_TYPES = ["attack", "strike"]
LOCATION_KINDS = ["base", "place", "governorate"]
ACTORS = ["us", "coalition", "islamic_resistance_iraq", "kataib_hezbollah", "nujaba", "pmf", "irgc", "iran_aligned", "unknown"]
WEAPONS = ["rocket", "drone", "missile", "artillery", "airstrike", "gunfire"]
TIMES_OF_DAY = ["dawn", "morning", "afternoon", "evening", "night"]
OUTCOMES = ["hit", "intercepted", "foiled", "no_damage"]
ERROR = {"severity": "error"}
WARNING = {"severity": "warning"}


def events_suite() -> gx.ExpectationSuite:
    """raw events as the extractor writes them (scalar columns)."""
    return gx.ExpectationSuite(name="events", expectations=[
        gxe.ExpectColumnValuesToBeUnique(column="event_id", meta=ERROR),
        gxe.ExpectColumnValuesToNotBeNull(column="event_type", meta=ERROR),
        gxe.ExpectColumnValuesToBeInSet(column="event_type", value_set=EVENT_TYPES, meta=ERROR),
        gxe.ExpectColumnValuesToBeInSet(column="location_kind", value_set=LOCATION_KINDS, meta=ERROR),
        gxe.ExpectColumnValuesToBeInSet(column="location_id", value_set=sorted(load().locations), meta=ERROR),
        gxe.ExpectColumnValuesToNotBeNull(column="actor", meta=ERROR),
        gxe.ExpectColumnValuesToBeInSet(column="actor", value_set=ACTORS, meta=ERROR),
        gxe.ExpectColumnValuesToBeInSet(column="weapon", value_set=WEAPONS, meta=ERROR),
        gxe.ExpectColumnValuesToBeInSet(column="time_of_day", value_set=TIMES_OF_DAY, meta=ERROR),
        gxe.ExpectColumnValuesToBeInSet(column="outcome", value_set=OUTCOMES, meta=ERROR),
        gxe.ExpectColumnValuesToBeBetween(column="munition_count", min_value=0, max_value=500, meta=ERROR),
        gxe.ExpectColumnValuesToBeBetween(column="killed", min_value=0, max_value=1000, meta=ERROR),
        gxe.ExpectColumnValuesToBeBetween(column="injured", min_value=0, max_value=2000, meta=ERROR),
        gxe.ExpectColumnValuesToBeBetween(column="munition_count", min_value=0, max_value=60, meta=WARNING),
    ])
