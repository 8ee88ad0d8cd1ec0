"""The article contract's verdict on one file: the rule of the raw_articles suite a decoded file can still break.

The landing step asks this of every article it decodes, so that a file the contract
would refuse is quarantined with a reason naming the rule, and the rest of the batch
loads; the GX suite (``expectations.suites.raw_articles_suite``) still checks the whole
frame with the same bounds. The other row rules (text not blank) are the decoder's
already. Pure Python: no GX, no Dagster.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

# The conflict the corpus covers starts with US forces in Iraq: an older publication date is a parsing error.
EARLIEST_PUBLICATION = dt.date(2003, 1, 1)


def latest_publication() -> dt.date:
    """A day's margin: a report dated in a time zone east of the pipeline's can be a day ahead."""
    return dt.date.today() + dt.timedelta(days=1)


def article_refusal(article: Mapping) -> str | None:
    """Why the article contract refuses this article (an ingest ARTICLE_SCHEMA row), or None."""
    published = article["published_on"]
    if published is not None and not EARLIEST_PUBLICATION <= published <= latest_publication():
        return (
            f"published_on {published} (from the {article['published_on_source']}) is outside the article "
            f"contract's range {EARLIEST_PUBLICATION} to {latest_publication()}"
        )
    return None
