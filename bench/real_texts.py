"""The real texts of ../shared/data that the benches' own annotated sets point into by offsets
(bench/data/fr-quotes-*.jsonl, fr-figures-*.jsonl): the texts stay in ../shared, never copied.

Ids: an RPM2 article's own id ("T03_C1_04"); `tb-STEM` for a French TimeBank article (its <TEXT>
body, tags taken out: Est Républicain, 1999); `se-ID` for one of SemEval's French articles (its
`text` as given: web news of 2019–2020, short, quotes mostly between ASCII marks).
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

SHARED_DATA = Path(__file__).resolve().parents[2] / "shared" / "data"


def timebank_text(tml: str) -> str:
    """A French TimeBank file's article: its <TEXT> body without the TimeML tags."""
    body = tml[tml.index("<TEXT>") + 6 : tml.index("</TEXT>")]
    return re.sub(r"<[^>]+>", "", body).strip()


@cache
def real_texts() -> dict[str, str]:
    """Every text a set may point into, by id; empty when ../shared/data is absent."""
    texts: dict[str, str] = {}
    rpm2 = SHARED_DATA / "clustering" / "rpm2-dev.jsonl"
    if rpm2.is_file():
        for row in map(json.loads, rpm2.read_text(encoding="utf-8").splitlines()):
            texts[row["id"]] = row["text"]
    for path in sorted((SHARED_DATA / "fr-timebank").glob("*.tml")):
        texts[f"tb-{path.stem}"] = timebank_text(path.read_text(encoding="utf-8"))
    semeval = SHARED_DATA / "clustering" / "semeval-dev-articles.jsonl"
    if semeval.is_file():
        for row in map(json.loads, semeval.read_text(encoding="utf-8").splitlines()):
            if row["lang"] == "fr":
                texts[f"se-{row['id']}"] = row["text"]
    return texts
