"""The domain vocabulary (transforms/vocabulary/*.csv) is written once, and every reader agrees with it:
the extractor emits nothing outside it, dbt loads it as seeds and tests against it, and no dbt test
spells out its values again."""

import json
import re

import pytest
from conftest import GOLD, REPO

from transforms import cues
from transforms.extract import extract_article
from transforms.vocabulary import VOCABULARY_DIR, actors, countries, fields, named_militias, rows, values

# An event's fields and the vocabulary file that lists their values.
EVENT_FIELDS = {
    "event_type": "event_types",
    "actor": "actors",
    "weapon": "weapons",
    "country": "countries",
    "location_kind": "location_kinds",
    "time_of_day": "times_of_day",
    "outcome": "outcomes",
}


@pytest.mark.parametrize("field", fields())
def test_each_file_lists_unique_values(field):
    listed = values(field)
    assert listed and all(listed) and len(set(listed)) == len(listed)


def test_the_actors_roles_hold_together():
    for actor in actors().values():
        assert actor.specificity in {"named", "generic", "unknown"}
        assert actor.side in {"militia", "us_coalition", None}
        assert (actor.side is None) == (actor.specificity == "unknown"), actor
        assert actor.member_of is None or actors()[actor.member_of].side == actor.side, actor
    assert named_militias() == cues.NAMED_ACTORS


def test_every_time_of_day_has_a_clock_hour():
    assert all(0 <= int(row["representative_hour"]) <= 23 for row in rows("times_of_day"))


def test_events_md_lists_the_vocabulary():
    """The contract's table of fields names the same values as the files the code reads."""
    fields_section = (REPO / "docs" / "EVENTS.md").read_text(encoding="utf-8").split("## Fields")[1].split("\n## ")[0]
    table = [line.split(" | ") for line in fields_section.splitlines() if line.startswith("| `")]
    documented = {row[0].strip("| `"): set(re.findall(r"`([^`]+)`", " ".join(row[1:]))) for row in table}
    for field, vocabulary in EVENT_FIELDS.items():
        assert documented[field] - set(documented) == set(values(vocabulary)), field


def test_the_extractor_emits_only_the_vocabulary():
    emitted = {field: set() for field in EVENT_FIELDS}
    for folder in sorted(GOLD.parent.glob("gold*/articles")):
        for path in sorted(folder.glob("*.txt")):
            for record in extract_article(path.read_text(encoding="utf-8"), path.name, None):
                for field in EVENT_FIELDS:
                    value = record[field]
                    emitted[field].update(value if isinstance(value, list) else [value])
    for field, vocabulary in EVENT_FIELDS.items():
        found = emitted[field] - {None}
        assert found, f"the gold articles gave no {field} at all"
        assert found <= set(values(vocabulary)), f"{field}: {sorted(found - set(values(vocabulary)))}"


def test_every_country_has_words_the_extractor_reads():
    assert list(cues.COUNTRY_WORDS) == list(countries())
    for code, country in countries().items():
        assert country.spellings and all(cues.COUNTRY_WORDS[code].search(cues.rx(word).pattern) for word in country.spellings)


@pytest.fixture(scope="module")
def manifest(pipeline):
    return json.loads((REPO / "dbt_project" / "target" / "manifest.json").read_text(encoding="utf-8"))


def test_dbt_seeds_are_the_vocabulary_files(manifest):
    seeds = {node["name"]: node for node in manifest["nodes"].values() if node["resource_type"] == "seed"}
    assert sorted(seeds) == fields()
    for name, seed in seeds.items():
        assert (REPO / "dbt_project" / seed["original_file_path"]).resolve() == VOCABULARY_DIR / f"{name}.csv"
        assert seed["schema"] == "vocabulary"


def test_dbt_tests_values_against_the_seeds_and_never_lists_them(manifest):
    vocabulary_values = {field: set(values(field)) for field in fields()}
    relationships = 0
    for node in manifest["nodes"].values():
        metadata = node.get("test_metadata") or {}
        kwargs = metadata.get("kwargs") or {}
        if metadata.get("name") == "accepted_values":
            listed = set(kwargs["values"])
            assert not any(listed <= known for known in vocabulary_values.values()), (
                f"{node['name']} lists vocabulary values: test against the seed with relationships"
            )
        if metadata.get("name") == "relationships" and "ref('" in kwargs["to"]:
            seed = kwargs["to"].split("'")[1]
            if seed in vocabulary_values:
                relationships += 1
                assert kwargs["field"] == next(iter(rows(seed)[0])), f"{node['name']} joins {seed} on another column than its key"
    assert relationships >= len(EVENT_FIELDS)


def test_the_warehouse_holds_the_vocabulary_as_loaded(served):
    for field in fields():
        table = served.execute(f"select * from vocabulary.{field}").fetchall()
        loaded = [tuple(None if value is None else str(value) for value in row) for row in table]
        assert loaded == [tuple(row.values()) for row in rows(field)], field
