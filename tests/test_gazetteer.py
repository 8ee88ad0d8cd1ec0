import csv

from gold.validate_gold import CANONICAL

from transforms.gazetteer import GAZETTEER_DIR, load
from transforms.normalize import normalize
from transforms.vocabulary import actors, values


def ids(text, kind="location"):
    return [m.id for m in load().find(normalize(text)) if m.kind == kind]


def test_every_canonical_place_of_events_md_is_in_the_gazetteer():
    assert set(load().locations) >= set(CANONICAL)


def test_locations_file_is_consistent():
    with open(GAZETTEER_DIR / "locations.csv", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    ids_seen = [r["id"] for r in rows]
    assert len(ids_seen) == len(set(ids_seen))
    governorates = {r["id"] for r in rows if r["kind"] == "governorate"}
    for row in rows:
        assert row["kind"] in values("location_kinds")
        assert row["country"] in values("countries")
        assert row["governorate"] in governorates | {"baghdad", "erbil"}, row["id"]
        assert -90 <= float(row["lat"]) <= 90 and -180 <= float(row["lon"]) <= 180


def test_every_actor_and_weapon_is_in_the_vocabulary():
    with open(GAZETTEER_DIR / "actors.csv", encoding="utf-8") as handle:
        assert {row["maps_to"] for row in csv.DictReader(handle)} <= set(values("actors"))
    with open(GAZETTEER_DIR / "weapons.csv", encoding="utf-8") as handle:
        assert {row["weapon"] for row in csv.DictReader(handle)} == set(values("weapons"))


def test_an_actor_takes_its_side_from_the_vocabulary():
    gazetteer = load()
    assert gazetteer.actors["kataib_sayyid_al_shuhada"].side == actors()["iran_aligned"].side == "militia"
    assert gazetteer.actors["coalition"].side == gazetteer.actors["us"].side == actors()["us"].side


def test_spelling_variants_and_clitics():
    assert ids("استهدف حقل كونيكو") == ["conoco"]
    assert ids("على قاعدة كونوكو") == ["conoco"]
    assert ids("في محيط قـاعدة كونيكو") == ["conoco"]
    assert ids("وبالتنف") == ["al_tanf"]
    assert ids("قاعدة عين الاسد الجوية") == ["ain_al_asad"]


def test_lam_alif_lam_contraction():
    assert ids("التابعة للتنف") == ["al_tanf"]


def test_longest_name_wins():
    assert ids("قرب مطار بغداد الدولي") == ["baghdad_airport"]
    assert ids("في بغداد") == ["baghdad"]


def test_names_inside_other_words_do_not_match():
    assert ids("التنفيذ") == []


def test_blockers_mask_names_of_their_own_kind_only():
    text = "وقالت قناة الميادين"
    assert ids(text) == []
    assert ids(text, "source") == ["mayadeen"]


def test_actors_and_weapons():
    assert "islamic_resistance_iraq" in ids("تبنت المقاومة الإسلامية في العراق", "actor")
    weapons = [m.entry for m in load().find(normalize("بـ3 طائرات مسيّرة")) if m.kind == "weapon"]
    assert [(w.weapon, w.number) for w in weapons] == [("drone", "plural")]
