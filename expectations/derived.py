"""Scalar columns derived from the frames so that GX can check what lives in lists and across frames.

GX validates flat columns; an event's evidence spans (a list of structs) and its
article's text (another frame) are turned here into plain booleans and numbers.
Pure Polars: no GX, no Dagster.
"""

from __future__ import annotations

import polars as pl

from transforms.gazetteer import load
from transforms.vocabulary import values


def articles_to_validate(raw_articles: pl.DataFrame) -> pl.DataFrame:
    """raw_articles plus ``text_chars``: characters of the text once blank space is stripped."""
    return raw_articles.with_columns(text_chars=pl.col("text").str.strip_chars().str.len_chars())


def events_to_validate(events: pl.DataFrame, raw_articles: pl.DataFrame) -> pl.DataFrame:
    """events plus the derived columns the events suite checks.

    - ``article_found``: the event's article_id is one of the articles;
    - ``evidence_span_count`` and ``evidence_inside_text``: every span has 0 <= start < end <= the
      length of its article's text (null when there is no span, false when the article is missing);
    - ``days_after_publication``: event date minus publication date (an act is reported after it happens);
    - ``countries_known``: every country code is one of the vocabulary's;
    - ``location_kind_matches_gazetteer``: location_kind is the gazetteer's kind for location_id
      (null when the gazetteer does not know the id).
    """
    texts = raw_articles.select(
        "article_id",
        article_found=pl.lit(True),
        text_chars=pl.col("text").str.len_chars(),
    ).unique("article_id")
    kinds = pl.DataFrame(
        [(place.id, place.kind) for place in load().locations.values()],
        schema={"location_id": pl.String, "gazetteer_kind": pl.String},
        orient="row",
    )
    spans = pl.col("evidence_spans")
    starts = spans.list.eval(pl.element().struct.field("start"))
    ends = spans.list.eval(pl.element().struct.field("end"))
    widths = spans.list.eval(pl.element().struct.field("end") - pl.element().struct.field("start"))
    return (
        events.join(texts, on="article_id", how="left")
        .join(kinds, on="location_id", how="left")
        .with_columns(
            article_found=pl.col("article_found").fill_null(False),
            evidence_span_count=spans.list.len(),
            evidence_inside_text=pl.when(spans.list.len() > 0).then(
                ((starts.list.min() >= 0) & (widths.list.min() > 0) & (ends.list.max() <= pl.col("text_chars"))).fill_null(False)
            ),
            days_after_publication=(pl.col("date") - pl.col("published_on")).dt.total_days(),
            countries_known=pl.col("country").list.eval(pl.element().is_in(values("countries"))).list.all(),
            # Null for ids outside the gazetteer: that failure is the location_id expectation's.
            location_kind_matches_gazetteer=pl.when(pl.col("gazetteer_kind").is_not_null()).then(
                (pl.col("location_kind") == pl.col("gazetteer_kind")).fill_null(False)
            ),
        )
        .drop("text_chars", "gazetteer_kind")
    )
