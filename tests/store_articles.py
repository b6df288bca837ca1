"""Articles for the store's tests: a few written for them, and a few hundred made from templates
(local events, four reports each) for the crash test."""

from __future__ import annotations

import json
import random
from datetime import date, timedelta
from pathlib import Path

BRIDGE_CLOSED = {
    "id": "bridge-closed",
    "published": "2024-05-06",
    "source": "Le Courrier du Val",
    "title": "Fissure sur le pont de Morvillard : la circulation interrompue",
    "text": (
        "La circulation est interrompue depuis lundi sur le pont suspendu de Morvillard, où les techniciens "
        "du département ont découvert une fissure de 40 centimètres sur une pile.\n"
        "« Nous ne prendrons aucun risque avec la sécurité des usagers », a déclaré Armelle Kerjean, "
        "présidente du conseil départemental.\n"
        "Une déviation de 18 kilomètres est mise en place par la vallée."
    ),
}
BRIDGE_NEXT_DAY = {
    "id": "bridge-next-day",
    "published": "2024-05-07",
    "source": "La Gazette de Morvillard",
    "title": "Pont de Morvillard : les premiers sondages sur la fissure rassurent",
    "text": (
        "Au lendemain de la fermeture du pont suspendu de Morvillard, les sondages menés sur la pile "
        "fissurée montrent que la fissure de 40 centimètres ne s'étend pas.\n"
        "Armelle Kerjean, présidente du conseil départemental, a indiqué que la déviation de 18 kilomètres "
        "resterait en place jusqu'à la fin des expertises.\n"
        "Les commerçants de Morvillard s'inquiètent de la baisse de fréquentation."
    ),
}
HONEY = {
    "id": "honey",
    "published": "2024-05-07",
    "source": "L'Abeille du Plateau",
    "title": "Saison record pour le miel de Vézenac",
    "text": (
        "Les apiculteurs du plateau de Vézenac annoncent une récolte de miel de châtaignier exceptionnelle, "
        "avec près de 30 tonnes extraites depuis le printemps.\n"
        "« Les ruches n'avaient pas été aussi pleines depuis dix ans », explique Théo Lambrecht, président "
        "du syndicat apicole.\n"
        "La coopérative prévoit d'ouvrir un second point de vente."
    ),
}
UNDATED_CHOIR = {
    "id": "choir",
    "source": "Le Courrier du Val",
    "title": "La chorale de Saint-Ivel fête ses cinquante ans",
    "text": (
        "La chorale de Saint-Ivel a réuni ses anciens membres pour un concert anniversaire dans l'église "
        "du village, devant près de 200 spectateurs.\n"
        "Sa cheffe, Lucie Marchal, a annoncé une tournée dans les villages voisins."
    ),
}


def write_feed(folder: Path, *records: dict[str, str]) -> Path:
    """Each record in its own JSON Lines file, named after its id."""
    folder.mkdir(parents=True, exist_ok=True)
    for record in records:
        (folder / f"{record['id']}.jsonl").write_text(json.dumps(record, ensure_ascii=False) + "\n", "utf-8")
    return folder


_TOWNS = [
    "Valbrune", "Montferrand", "Saint-Arnoux", "Corbelles", "Haute-Ribière", "Lorvignac", "Bréval",
    "Queyrol", "Sainte-Odile", "Pradelles", "Ormesson", "Vaudrenne", "Castelmoron", "Fontvieille",
    "Rocheblave", "Lanzac", "Miremont", "Aubeterre", "Cazals", "Puylaurens",
]  # fmt: skip
_FIRST = ["Hélène", "Bruno", "Yasmine", "Paul", "Claire", "Idriss", "Martine", "Lucas", "Nadia", "Gilles"]
_LAST = [
    "Marchetti", "Castagné", "Delorme", "Oberlin", "Fontanel", "Benali", "Royer", "Vernier", "Lachaud",
    "Peyrol", "Tissandier", "Quéméner",
]  # fmt: skip
_OUTLETS = ["Le Courrier du Sud", "La Gazette des Vallées", "Le Matin de l'Ouest", "L'Écho Régional"]
# Per kind: headline, lead (what, when, a figure), a quote, and the follow-up sentence.
_KINDS = [
    (
        "Un incendie ravage un entrepôt à {town}",
        "Un incendie s'est déclaré dans un entrepôt de {town}, mobilisant {n} pompiers toute la nuit.",
        "« Le feu a pris dans la zone de stockage des palettes », a déclaré {person}, chef des secours.",
        "Une enquête a été ouverte pour déterminer l'origine du sinistre.",
    ),
    (
        "Le conseil municipal de {town} adopte son budget",
        "Le conseil municipal de {town} a adopté un budget de {n} millions d'euros après un long débat.",
        "« Ce budget protège les écoles et les services publics », a affirmé {person}, le maire.",
        "L'opposition a voté contre en dénonçant la hausse de la taxe foncière.",
    ),
    (
        "Fermeture annoncée d'une usine de chaussures à {town}",
        "La direction de l'usine de chaussures de {town} a annoncé la suppression de {n} emplois.",
        "« C'est un choc pour toute la vallée », a réagi {person}, déléguée syndicale.",
        "Les salariés ont voté une grève reconductible à partir de lundi.",
    ),
    (
        "Crue de la rivière à {town}, des habitants évacués",
        "La rivière est sortie de son lit à {town}, où {n} habitants ont dû quitter leur maison.",
        "« L'eau est montée en moins d'une heure dans le quartier bas », a raconté {person}.",
        "La préfecture a demandé la reconnaissance de l'état de catastrophe naturelle.",
    ),
    (
        "Un festival de jazz bat son record d'affluence à {town}",
        "Le festival de jazz de {town} a accueilli {n} spectateurs, un record depuis sa création.",
        "« Nous avons dû ouvrir une troisième scène sur la place du marché », a expliqué {person}.",
        "La prochaine édition doit se tenir sur quatre jours au lieu de trois.",
    ),
    (
        "Une collision entre un car scolaire et un camion près de {town}",
        "Un car scolaire transportant {n} élèves a percuté un camion sur la départementale près de {town}.",
        "« Les enfants ont été évacués très vite par le chauffeur », a témoigné {person}.",
        "Trois élèves légèrement blessés ont été conduits à l'hôpital par précaution.",
    ),
]


def write_generated_articles(folder: Path, events: int = 50, seed: int = 7) -> int:
    """Write the articles as JSON Lines files, roughly in date order as feeds bring them (some a
    week late, so that batches mix days); return how many were written."""
    rng = random.Random(seed)
    records = []
    arrival: dict[str, float] = {}
    for event in range(events):
        headline, lead, quote, follow_up = _KINDS[event % len(_KINDS)]
        town = _TOWNS[event % len(_TOWNS)]
        person = f"{_FIRST[event % len(_FIRST)]} {_LAST[(event * 5) % len(_LAST)]}"
        number = rng.randint(12, 900)
        day = date(2024, 3, 1) + timedelta(days=2 * event)  # same-kind events 12 days apart
        for report in range(4):
            text = [
                lead.format(town=town, n=number),
                quote.format(person=person),
                follow_up,
                f"Selon {_OUTLETS[report]}, les autorités de {town} feront le point dans la soirée.",
            ]
            if report == 2 and event % 4 == 0:  # a scraped copy of the first report
                text = [*records[-2]["text"].split("\n"), "[ad_1]"]
            elif report:
                rng.shuffle(text)
            undated = report == 3 and event % 5 == 0
            arrival[f"e{event:02d}-{report}"] = 2 * event + rng.uniform(0, 8)
            records.append(
                {
                    "id": f"e{event:02d}-{report}",
                    "title": headline.format(town=town) if report != 1 else None,
                    "published": None if undated else str(day + timedelta(report // 2)),
                    "source": _OUTLETS[report],
                    "text": "\n".join(text),
                }
            )
    records.sort(key=lambda r: arrival[r["id"]])
    folder.mkdir(parents=True, exist_ok=True)
    for part in range(0, len(records), 40):
        lines = [json.dumps(r, ensure_ascii=False) for r in records[part : part + 40]]
        (folder / f"feed-{part // 40:02d}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(records)
