"""The data contracts of the Python frames, as versioned code. Each suite is built fresh for every validation.

An expectation's GX severity says what its failure means: ``critical`` (ERROR here) stops
the data reaching the marts, ``warning`` is shown and lets the run go on. Suite meta
``row_key`` names the columns that identify a failing row in the check's examples.
The suites of the dbt marts are in ``expectations/marts.py``.
"""

from __future__ import annotations

import datetime as dt

import great_expectations as gx
import great_expectations.expectations as gxe
from great_expectations.expectations.metadata_types import FailureSeverity

from expectations.verdicts import EARLIEST_PUBLICATION, latest_publication
from transforms.gazetteer import load
from transforms.vocabulary import values

ERROR = FailureSeverity.CRITICAL
WARNING = FailureSeverity.WARNING


def raw_articles_suite() -> gx.ExpectationSuite:
    """raw_articles with ``text_chars`` (expectations.derived.articles_to_validate).

    The landing step quarantines the files whose article breaks a row rule here
    (expectations.verdicts), so a run's failure means a fault of the batch as a whole.
    """
    return gx.ExpectationSuite(
        name="raw_articles",
        meta={"row_key": ["file"]},
        expectations=[
            gxe.ExpectColumnValuesToNotBeNull(column="article_id", severity=ERROR),
            gxe.ExpectColumnValuesToBeUnique(column="article_id", severity=ERROR),
            gxe.ExpectColumnValuesToBeUnique(column="file", severity=ERROR),
            gxe.ExpectColumnValuesToNotBeNull(column="text", severity=ERROR),
            gxe.ExpectColumnValuesToBeBetween(column="text_chars", min_value=1, severity=ERROR),
            gxe.ExpectColumnValuesToBeBetween(
                column="published_on",
                min_value=dt.datetime.combine(EARLIEST_PUBLICATION, dt.time()),
                max_value=dt.datetime.combine(latest_publication(), dt.time()),
                severity=ERROR,
            ),
        ],
    )


def events_suite() -> gx.ExpectationSuite:
    """events with the columns of expectations.derived.events_to_validate."""
    return gx.ExpectationSuite(
        name="events",
        meta={"row_key": ["event_id", "article"]},
        expectations=[
            gxe.ExpectColumnValuesToNotBeNull(column="event_id", severity=ERROR),
            gxe.ExpectColumnValuesToBeUnique(column="event_id", severity=ERROR),
            gxe.ExpectColumnValuesToBeInSet(column="article_found", value_set=[True], severity=ERROR),
            gxe.ExpectColumnValuesToNotBeNull(column="event_type", severity=ERROR),
            gxe.ExpectColumnValuesToBeInSet(column="event_type", value_set=list(values("event_types")), severity=ERROR),
            gxe.ExpectColumnValuesToBeInSet(column="location_kind", value_set=list(values("location_kinds")), severity=ERROR),
            gxe.ExpectColumnValuesToBeInSet(column="location_id", value_set=sorted(load().locations), severity=ERROR),
            gxe.ExpectColumnValuesToBeInSet(column="location_kind_matches_gazetteer", value_set=[True], severity=ERROR),
            gxe.ExpectColumnValuesToBeInSet(column="countries_known", value_set=[True], severity=ERROR),
            gxe.ExpectColumnValuesToNotBeNull(column="actor", severity=ERROR),
            gxe.ExpectColumnValuesToBeInSet(column="actor", value_set=list(values("actors")), severity=ERROR),
            gxe.ExpectColumnValuesToNotBeNull(column="claimed", severity=ERROR),
            gxe.ExpectColumnValuesToNotBeNull(column="background", severity=ERROR),
            gxe.ExpectColumnValuesToBeInSet(column="weapon", value_set=list(values("weapons")), severity=ERROR),
            gxe.ExpectColumnValuesToBeInSet(column="time_of_day", value_set=list(values("times_of_day")), severity=ERROR),
            gxe.ExpectColumnValuesToBeInSet(column="outcome", value_set=list(values("outcomes")), severity=ERROR),
            gxe.ExpectColumnValuesToBeBetween(column="munition_count", min_value=0, max_value=500, severity=ERROR),
            gxe.ExpectColumnValuesToBeBetween(column="killed", min_value=0, max_value=1000, severity=ERROR),
            gxe.ExpectColumnValuesToBeBetween(column="injured", min_value=0, max_value=2000, severity=ERROR),
            # An act is reported on the day it happens or later.
            gxe.ExpectColumnValuesToBeBetween(column="days_after_publication", max_value=0, severity=ERROR),
            gxe.ExpectColumnValuesToBeBetween(column="day_offset", max_value=0, severity=ERROR),
            gxe.ExpectColumnValuesToBeBetween(column="evidence_span_count", min_value=1, severity=ERROR),
            gxe.ExpectColumnValuesToBeInSet(column="evidence_inside_text", value_set=[True], severity=ERROR),
            # Plausible but rare: a salvo this big is worth a look before it is trusted.
            gxe.ExpectColumnValuesToBeBetween(column="munition_count", min_value=0, max_value=60, severity=WARNING),
        ],
    )
