"""Strings that would run as script or become live links if any page let them through unescaped."""

from __future__ import annotations

SCRIPT = "<script>alert(1)</script>"
BREAKOUT = '"><img src=x onerror=alert(1)>'
JS_URL = "javascript:alert(1)"
EVIL = SCRIPT + BREAKOUT + JS_URL

# A JSONL record whose every field carries the payloads; the text stays an article so that it is kept.
HOSTILE_RECORD = {
    "id": EVIL,
    "url": JS_URL,
    "title": "Vallorge " + EVIL,
    "source": EVIL,
    "published": "2024-03-20",
    "text": "\n".join(
        [
            f"Le conseil municipal de Vallorge a voté mardi le budget de rénovation des écoles {SCRIPT}.",
            f"« Nous ne laisserons pas les enfants dans des classes glaciales {BREAKOUT} », a déclaré "
            "la maire, Odile Ferrand, devant une salle comble.",
            f"Les travaux commenceront en juillet, selon le calendrier présenté par la mairie {JS_URL}.",
            f"Lire aussi : {SCRIPT}",
        ]
    ),
}
