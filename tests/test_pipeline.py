"""The pipeline as a whole: ids stay unique, exact duplicates are read once, the order of the inputs
does not change the brief."""

from __future__ import annotations

import json
import random
from dataclasses import replace
from pathlib import Path

from store_articles import BRIDGE_CLOSED, BRIDGE_NEXT_DAY, HONEY, UNDATED_CHOIR, write_feed
from typer.testing import CliRunner

from recoupe.cli import app
from recoupe.pipeline import build_brief
from recoupe.report import render_json

TEXT_A = "Le conseil municipal de Dinan a voté mardi la piétonnisation du centre historique pour l'été."
TEXT_B = "The harbour authority in Falmouth said on Monday that the new ferry terminal would open in May."


def test_two_different_files_with_one_name_both_stay_with_unique_ids(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "note.txt").write_text(TEXT_A, encoding="utf-8")
    (tmp_path / "b" / "note.txt").write_text(TEXT_B, encoding="utf-8")
    run = build_brief([tmp_path])
    assert [a.id for a in run.brief.articles] == ["note", "note~2"]
    assert run.skipped == []


def test_the_same_content_twice_is_read_once_and_the_second_reported(tmp_path: Path) -> None:
    (tmp_path / "one.txt").write_text(TEXT_A, encoding="utf-8")
    (tmp_path / "two.txt").write_text(TEXT_A + "\n", encoding="utf-8")
    run = build_brief([tmp_path])
    assert [a.id for a in run.brief.articles] == ["one"]
    assert [(s.where.endswith("two.txt"), "same content" in s.reason) for s in run.skipped] == [(True, True)]


STORY_FR = [
    "Incendie au port de Lorient",
    "",
    "Un incendie s'est déclaré lundi soir dans un entrepôt du port de pêche de Lorient, a indiqué la "
    "préfecture du Morbihan. Une soixantaine de pompiers ont lutté toute la nuit contre les flammes.",
    "",
    "« Le feu est maîtrisé depuis six heures du matin », a déclaré mardi le commandant Yann Le Goff.",
]
STORY_EN = [
    "Ferry terminal delayed again",
    "",
    "The harbour authority in Falmouth said on Monday that the new ferry terminal would open in May, "
    "six months late, after winter storms damaged the quay twice.",
]


def _corpus(root: Path) -> list[Path]:
    """Files given one by one: two named alike in two folders, an exact copy, JSONL and HTML."""
    files = {
        "x/lorient.txt": "\n".join(STORY_FR),
        "y/lorient.txt": "\n".join(STORY_FR).replace("lundi soir", "dimanche soir"),
        "y/copy-of-ferry.txt": "\n".join(STORY_EN),
        "z/ferry.txt": "\n".join(STORY_EN),
        "z/feed.jsonl": json.dumps({"id": "dinan", "text": TEXT_A, "published": "2024-03-12"}) + "\n",
        "page.html": (
            "<html><head><title>Le port de Lorient rouvre</title></head><body><article><p>Le port de "
            "Lorient a rouvert mercredi après l'incendie de lundi, a annoncé la préfecture du Morbihan, "
            "qui a levé le périmètre de sécurité autour de l'entrepôt détruit.</p></article></body></html>"
        ),
    }
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    return [root / name for name in files]


def _brief_json(paths: list[Path], workers: int = 1) -> str:
    run = build_brief(paths, workers=workers)
    return render_json(replace(run.brief, generated_at=""))


def test_the_brief_is_byte_identical_whatever_the_order_of_the_inputs(tmp_path: Path) -> None:
    paths = _corpus(tmp_path)
    shuffled = paths[:]
    random.Random(7).shuffle(shuffled)
    first = _brief_json(paths)
    assert _brief_json(list(reversed(paths))) == first
    assert _brief_json(shuffled) == first
    brief = json.loads(first)
    ids = [a["id"] for a in brief["articles"]]
    assert "lorient" in ids and "lorient~2" in ids  # the ~2 goes to the later path in sorted order
    by_id = {a["id"]: a for a in brief["articles"]}
    assert by_id["lorient"]["origin"] == str(tmp_path / "x" / "lorient.txt")
    assert "copy-of-ferry" in ids and "ferry" not in ids  # of two equal files, the first path stays


def test_the_brief_is_byte_identical_whatever_the_number_of_workers(tmp_path: Path) -> None:
    paths = _corpus(tmp_path)
    assert _brief_json(paths, workers=2) == _brief_json(paths)


BRIDGE_UNDATED = {
    "id": "bridge-undated",
    "source": "Radio Plaine",
    "title": "Morvillard : le pont suspendu fermé après la découverte d'une fissure",
    "text": (
        "Le pont suspendu de Morvillard reste fermé : une fissure de 40 centimètres a été découverte "
        "sur une pile par les techniciens du département.\n"
        "Armelle Kerjean, présidente du conseil départemental, a confirmé la déviation de 18 kilomètres."
    ),
}
HONEY_UNDATED = {
    "id": "honey-undated",
    "title": "Vézenac : trente tonnes de miel de châtaignier",
    "text": (
        "Récolte exceptionnelle sur le plateau de Vézenac, où les apiculteurs ont extrait près de 30 tonnes "
        "de miel de châtaignier.\n"
        "Théo Lambrecht, président du syndicat apicole, évoque une saison jamais vue depuis dix ans."
    ),
}


def test_ingest_and_brief_give_the_same_stories_for_the_same_inputs(tmp_path: Path) -> None:
    folder = write_feed(
        tmp_path / "in", BRIDGE_CLOSED, BRIDGE_NEXT_DAY, BRIDGE_UNDATED, HONEY, HONEY_UNDATED, UNDATED_CHOIR
    )
    db = tmp_path / "stories.db"
    runner = CliRunner()
    assert runner.invoke(app, ["ingest", str(folder), "--db", str(db), "-q"]).exit_code == 0
    from_paths = runner.invoke(app, ["brief", str(folder), "--format", "json", "-q"])
    from_store = runner.invoke(app, ["brief", "--db", str(db), "--format", "json"])
    assert from_paths.exit_code == from_store.exit_code == 0, from_paths.output + from_store.output
    by_paths, by_store = json.loads(from_paths.stdout), json.loads(from_store.stdout)
    stories = [sorted(s["articles"]) for s in by_paths["stories"]]
    assert [sorted(s["articles"]) for s in by_store["stories"]] == stories
    assert ["bridge-closed", "bridge-next-day", "bridge-undated"] in stories  # undated reports join theirs
    assert ["choir"] in stories
    by_paths.pop("generated_at"), by_store.pop("generated_at")
    assert by_store == by_paths  # and everything said of them


def test_headlines_without_a_body_are_articles_every_format_renders(tmp_path: Path) -> None:
    from recoupe.report import render_html, render_markdown

    headlines = [
        {"id": "h1", "title": "Le pont suspendu de Morvillard fermé après la découverte d'une fissure"},
        {"id": "h2", "title": "Saison record pour le miel de châtaignier sur le plateau de Vézenac"},
        {"id": "empty", "source": "Feed"},
    ]
    feed = tmp_path / "feed.jsonl"
    feed.write_text("".join(json.dumps(h, ensure_ascii=False) + "\n" for h in headlines), encoding="utf-8")
    run = build_brief([feed], workers=1)
    assert [(a.id, a.flags, a.text == a.title) for a in run.brief.articles] == [
        ("h1", ["headline-only"], True),
        ("h2", ["headline-only"], True),
    ]
    assert [s.reason for s in run.skipped] == ["no 'text', 'html' or 'title' field with content"]
    for render in (render_markdown, render_html, render_json):
        assert "Vézenac" in render(run.brief)
