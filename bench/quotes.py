"""Score quote attribution: PolNeAR dev (English, the shared scorer: its tuning two thirds, its
kept-aside third and all 84 files), fr-quotes-dev (real French news, the shared scorer: its tuning
two thirds, its kept-aside third and all 40 files), fr-quotes-dev2 (15 more real articles
annotated by someone who never saw the code, a development set since), fr-quotes-aside and
fr-quotes-unseen (15 and 30 more, annotated alike: scored, never looked at), fr-quotes-dev3,
dev4 and dev5 (15, 14 and 14 more, annotated alike: development sets, each scored first),
fr-quotes-press and fr-quotes-press-aside (48 and 48 texts of other French papers, annotated alike:
the first a development set, the second scored only), fr-quotes-dev6 and fr-quotes-aside2 (29 and
28 more RPM2 articles, alike),
recoupe's own French set and two French sets written by the team.

usage: .venv/bin/python bench/quotes.py [-v] [--via-cli]   (-v lists every miss and wrong speaker)

PolNeAR and fr-quotes-dev are scored by the shared scorers' own code, imported: each file's
`recoupe quotes FILE --format json` is answered here by the command's function, with the models
loaded once (about a minute). --via-cli runs the shared scorers as written instead, one `recoupe`
process per file (about 27 minutes): the same figures.

The held-out sets, bench/data/fr-quotes-heldout.jsonl (92 texts, 128 quotes) and
fr-quotes-heldout2.jsonl (60 texts, 97 quotes), were written without looking at the quote rules or
at the tests' French set. Each was scored once as written (speaker F1 0.465 and 0.711) and has
been a development set since: its later figures are no longer held-out ones. How they are
annotated:
- A quote is words the text gives as said, written or chanted by someone (a notice on a door, a
  crowd's cry too): what lies between a pair of « », “ ”, " " or ‹ › marks (the spaces by the marks
  left out, punctuation inside them kept), however short ("a jugé « indécent »", "ce qu'il appelle
  la « trahison »").
- Not quotes, so not listed: titles of works, names of operations and exercises, nicknames, and
  scare quotes that no one in the text says (the debate on the « superprofits »).
- One quote per pair of marks: a quote over several sentences is one quote, a nested quote stays
  inside its outer one, and a cue inside the marks ("« Cette décision, a commenté X, est … »")
  stays in the quote; a quote closed and reopened around its cue is two quotes.
- speaker: the fullest name the text gives the person ("Grégoire Martel", or "M. Ravier" when
  that is all), or the organisation as written ("le parquet de Marseille", "l'ONU", "Moscou"),
  whatever the cue says (a pronoun, a role noun, "selon la présidence"); null when the text names
  no one: no cue, or an anonymous or indefinite speaker ("une source proche de Matignon", "un
  retraité", "a-t-on appris").
- cue (not scored): how the text points at the speaker: name, role, pronoun, organisation,
  context (no cue in the sentence: the previous speaker or subject), none.
"""

from __future__ import annotations

import contextlib
import io
import json
import re
import subprocess
import sys
import tempfile
import time
from functools import cache
from pathlib import Path
from types import ModuleType, SimpleNamespace
from typing import Any

from real_texts import real_texts

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
FRENCH_SET = ROOT / "tests" / "extract" / "data" / "fr-quotes.jsonl"
HELDOUT_SETS = [ROOT / "bench" / "data" / f"fr-quotes-heldout{n}.jsonl" for n in ("", "2")]
UNSEEN = ROOT / "bench" / "data" / "fr-quotes-unseen.jsonl"
# 30 more RPM2 articles annotated on 2026-12-07 by two people who never saw the code: the first 15
# are a development set (its errors are listed with -v), the other 15 are kept aside, scored only.
DEV2 = ROOT / "bench" / "data" / "fr-quotes-dev2.jsonl"
ASIDE = ROOT / "bench" / "data" / "fr-quotes-aside.jsonl"
# 15 more, annotated alike at the end of that session, and 28 more (dev4: 14, dev5: 14) on
# 2026-12-07: each scored before anyone read its errors (bench/README.md), then development sets.
DEV3 = ROOT / "bench" / "data" / "fr-quotes-dev3.jsonl"
DEV4 = ROOT / "bench" / "data" / "fr-quotes-dev4.jsonl"
DEV5 = ROOT / "bench" / "data" / "fr-quotes-dev5.jsonl"
# Another press: 96 French texts that are not RPM2's (54 French TimeBank articles of 1999–2003 and
# 42 of SemEval's French web articles of 2019–2020, bench/real_texts.py), quotes annotated without
# the code on 2026-12-07 and scored before any change; every other text in name order is a
# development set, the rest kept aside, scored only.
PRESS = ROOT / "bench" / "data" / "fr-quotes-press.jsonl"
PRESS_ASIDE = ROOT / "bench" / "data" / "fr-quotes-press-aside.jsonl"
# The last 57 RPM2 articles no quote set held (straight quote marks mostly), annotated alike later
# that day: 29 a development set (dev6), 28 kept aside (aside2); each scored before any change.
DEV6 = ROOT / "bench" / "data" / "fr-quotes-dev6.jsonl"
ASIDE2 = ROOT / "bench" / "data" / "fr-quotes-aside2.jsonl"


def main(argv: list[str]) -> int:
    started = time.monotonic()
    via_cli = "--via-cli" in argv
    argv = [a for a in argv if a != "--via-cli"]
    scorer = SHARED / "tools" / "score_quotes.py"
    data = SHARED / "data" / "polnear"
    if not scorer.is_file() or not data.is_dir():
        print(f"bench/quotes.py: {SHARED} is absent: no PolNeAR to score on", file=sys.stderr)
        return 2
    parts = {}
    for name, files in polnear_splits().items():
        run = score_polnear(files, argv, via_cli)
        sys.stdout.write(f"PolNeAR dev {name}: " + run.stdout if run.stdout else "")
        sys.stderr.write(run.stderr)
        parts[name] = run.stdout.strip().splitlines()[-1] if run.stdout.strip() else ""
    print("PolNeAR dev (all 84, the two parts' counts added): " + polnear_total(list(parts.values())))
    for name, files in fr_quotes_dev_splits().items():
        print(f"fr-quotes-dev {name}: " + score_fr_quotes_dev(files, argv, via_cli))
    print("fr-quotes-dev2 (15 articles, tuned on): " + score_rpm2_set(DEV2, verbose="-v" in argv))
    print("fr-quotes-aside (15 articles, scored, never looked at): " + score_rpm2_set(ASIDE))
    print("fr-quotes-dev3 (15 articles): " + score_rpm2_set(DEV3))
    print("fr-quotes-dev4 (14 articles): " + score_rpm2_set(DEV4))
    print("fr-quotes-dev5 (14 articles): " + score_rpm2_set(DEV5))
    print("fr-quotes-unseen (30 articles, scored, never looked at): " + score_rpm2_set(UNSEEN))
    press = score_rpm2_set(PRESS, verbose="-v" in argv)
    print("fr-quotes-press (48 texts of another press, tuned on): " + press)
    print("fr-quotes-press-aside (48 texts, scored, never looked at): " + score_rpm2_set(PRESS_ASIDE))
    print("fr-quotes-dev6 (29 articles, tuned on): " + score_rpm2_set(DEV6, verbose="-v" in argv))
    print("fr-quotes-aside2 (28 articles, scored, never looked at): " + score_rpm2_set(ASIDE2))
    print("French set: " + score_french_set(FRENCH_SET, verbose="-v" in argv))
    for path in HELDOUT_SETS:
        print(f"French held-out set {path.name}: " + score_french_set(path, verbose="-v" in argv))
    how = "PolNeAR and fr-quotes-dev via the CLI" if via_cli else "in-process"
    print(f"Run time: {time.monotonic() - started:.0f} s ({how})")
    return run.returncode


def polnear_splits() -> dict[str, list[Path]]:
    """PolNeAR dev's texts, sorted by name: every third one is kept aside (28 files), the others are
    the tuning two thirds (56 files). Issue 20's third round read errors on the two thirds only and
    scored the third before and after it."""
    files = sorted((SHARED / "data" / "polnear" / "text").glob("*.txt"))
    return {
        "tuning two thirds": [f for k, f in enumerate(files) if k % 3 != 2],
        "kept-aside third": [f for k, f in enumerate(files) if k % 3 == 2],
    }


def score_polnear(
    files: list[Path], argv: list[str], via_cli: bool = False
) -> subprocess.CompletedProcess[str]:
    """The shared scorer on a subset of PolNeAR dev (a folder of links to its files)."""
    data = SHARED / "data" / "polnear"
    return _scored_subset("score_quotes.py", files, data, ("attributions",), argv, via_cli)


def _scored_subset(
    scorer: str, files: list[Path], data: Path, beside: tuple[str, ...], argv: list[str], via_cli: bool
) -> subprocess.CompletedProcess[str]:
    """A shared scorer run on a folder holding links to `files` (as text/) and to the set's
    `beside` entries: in its own process, calling the `recoupe` command once per file (`via_cli`),
    or here (`_scored_here`)."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "text").mkdir()
        for f in files:
            (folder / "text" / f.name).symlink_to(f)
        for name in beside:
            (folder / name).symlink_to(data / name)
        command = ["python3", str(SHARED / "tools" / scorer), str(ROOT / ".venv" / "bin" / "recoupe"),
                   str(folder), *argv]
        if not via_cli:
            return _scored_here(scorer, command)
        return subprocess.run(command, capture_output=True, text=True, check=False)


def _scored_here(scorer: str, command: list[str]) -> subprocess.CompletedProcess[str]:
    """`command` (a shared scorer's run) in this process: the scorer's own main, imported, its
    stdout captured, and its one `recoupe quotes FILE --format json` process per file answered by
    `_quotes_command`."""
    module = _shared_scorer(scorer)
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = module.main(command[2:])
    return subprocess.CompletedProcess(command, code or 0, out.getvalue(), "")


@cache
def _shared_scorer(name: str) -> ModuleType:
    """A shared scorer's module, its `subprocess.run` the in-process `recoupe quotes` command."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(name.removesuffix(".py"), SHARED / "tools" / name)
    if spec is None or spec.loader is None:
        raise FileNotFoundError(SHARED / "tools" / name)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.subprocess = SimpleNamespace(run=_quotes_command)  # type: ignore[attr-defined]
    return module


@cache
def _quotes_output(path: Path) -> tuple[int, str, str]:
    """Exit status, stdout and stderr of `recoupe quotes PATH --format json`, from the command's own
    function (recoupe.cli.quotes: the text read as the CLI reads it, find_quotes, the JSON it
    prints). Kept per file: fr-quotes-dev's files are scored twice (their part, then all 40)."""
    import typer

    from recoupe.cli import Format, quotes

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            quotes(path, None, Format.json, None, False)
        except typer.Exit as exc:
            return exc.exit_code, out.getvalue(), err.getvalue()
    return 0, out.getvalue(), err.getvalue()


def _quotes_command(command: list[str], **_: Any) -> subprocess.CompletedProcess[str]:
    """What a shared scorer's `subprocess.run([RECOUPE, "quotes", FILE, "--format", "json"], ...)`
    returns, computed in this process."""
    if command[1:2] != ["quotes"] or command[3:] != ["--format", "json"]:
        raise ValueError(f"not a `recoupe quotes FILE --format json` command: {command}")
    code, stdout, stderr = _quotes_output(Path(command[2]).resolve())
    return subprocess.CompletedProcess(command, code, stdout, stderr)


_SCORER_LINE = re.compile(
    r"(\d+) gold direct, (\d+) found \| quote P ([\d.]+) R ([\d.]+) .*speaker P ([\d.]+) R ([\d.]+)"
)


def polnear_total(lines: list[str]) -> str:
    """The scorer's figures over all files, from each part's last line: its counts come back from
    the printed P and R (three decimals over fewer than 1,000 quotes: exact once rounded)."""
    gold = found = quote_p = quote_r = speaker_p = speaker_r = 0
    for line in lines:
        match = _SCORER_LINE.search(line)
        if match is None:
            return "no figures (a part printed none)"
        n_gold, n_found = int(match[1]), int(match[2])
        gold, found = gold + n_gold, found + n_found
        quote_p += round(float(match[3]) * n_found)
        quote_r += round(float(match[4]) * n_gold)
        speaker_p += round(float(match[5]) * n_found)
        speaker_r += round(float(match[6]) * n_gold)

    def prf(tp_found: int, tp_gold: int) -> str:
        p, r = tp_found / found if found else 0.0, tp_gold / gold if gold else 0.0
        return f"P {p:.3f} R {r:.3f} F1 {2 * p * r / (p + r) if p + r else 0.0:.3f}"

    quotes, speakers = prf(quote_p, quote_r), prf(speaker_p, speaker_r)
    return f"{gold} gold direct, {found} found | quote {quotes} | speaker {speakers}"


def fr_quotes_dev_splits() -> dict[str, list[Path]]:
    """fr-quotes-dev's files, sorted by name: every third one is kept aside (the "kept-aside third",
    13 files), the others are the "tuning two thirds" (27 files). The kept-aside third was looked at
    only to report until the second round of issue 20, whose error study read all 40 files: both
    parts are still printed, but neither is held out any more (an independent gold set is)."""
    files = sorted((SHARED / "data" / "fr-quotes-dev" / "text").glob("*.txt"))
    return {
        "tuning two thirds": [f for k, f in enumerate(files) if k % 3 != 2],
        "kept-aside third": [f for k, f in enumerate(files) if k % 3 == 2],
        "all 40": files,
    }


def score_fr_quotes_dev(files: list[Path], argv: list[str], via_cli: bool = False) -> str:
    """The shared scorer's last line on a subset of fr-quotes-dev (a folder of links to its files)."""
    data = SHARED / "data" / "fr-quotes-dev"
    run = _scored_subset("score_fr_quotes.py", files, data, ("attributions", "speakers.jsonl"), argv, via_cli)
    if "-v" in argv:
        sys.stdout.write(run.stdout)
    lines = run.stdout.strip().splitlines()
    return lines[-1] if lines else f"no output ({run.stderr.strip()[-200:]})"


def score_rpm2_set(path: Path, verbose: bool = False) -> str:
    """A set of real articles annotated by someone who never saw the code (bench/data/*.jsonl, as
    offsets into ../shared's texts: bench/real_texts.py), scored as score_fr_quotes.py scores fr-quotes-dev:
    quote, speaker-mention and resolved-name P/R/F1. `verbose` lists its errors (a tuning set
    only: the errors of a kept-aside set are never printed)."""
    from recoupe.extract.quotes import find_quotes

    if not path.is_file():
        return "absent"
    scorer = _shared_scorer("score_fr_quotes.py")
    texts = real_texts()
    n = dict.fromkeys(("gold", "pred", "quote_p", "quote_r", "mention_p", "sourced", "mention_r"), 0)
    n |= dict.fromkeys(("named_p", "name_p", "named_r", "name_r"), 0)
    for row in map(json.loads, path.read_text(encoding="utf-8").splitlines()):
        text, gold = texts[row["file"]], row["quotes"]
        found = find_quotes(text, "fr")
        if verbose:
            _print_errors(row["file"], text, gold, found, scorer)
        n["gold"], n["pred"] = n["gold"] + len(gold), n["pred"] + len(found)
        for q in found:
            hits = [g for g in gold if scorer.overlap(q.start, q.end, g["start"], g["end"])]
            n["quote_p"] += bool(hits)
            n["mention_p"] += bool(hits) and _mention_ok(scorer, q, hits)
            n["named_p"] += bool(hits) and bool(q.speaker)
            n["name_p"] += bool(q.speaker) and any(
                scorer.same_speaker(q.speaker, g["speaker_name"]) for g in hits
            )
        for g in gold:
            hits = [q for q in found if scorer.overlap(q.start, q.end, g["start"], g["end"])]
            n["quote_r"] += bool(hits)
            n["sourced"] += bool(g["source"])
            n["mention_r"] += bool(g["source"]) and any(_mention_ok(scorer, q, [g]) for q in hits)
            n["named_r"] += bool(g["speaker_name"])
            n["name_r"] += bool(g["speaker_name"]) and any(
                q.speaker and scorer.same_speaker(q.speaker, g["speaker_name"]) for q in hits
            )

    def prf(tp_p: int, n_p: int, tp_r: int, n_r: int) -> str:
        p, r = tp_p / n_p if n_p else 0.0, tp_r / n_r if n_r else 0.0
        return f"P {p:.3f} R {r:.3f} F1 {2 * p * r / (p + r) if p + r else 0.0:.3f}"

    return (
        f"{n['gold']} gold, {n['pred']} found | quote {prf(n['quote_p'], n['pred'], n['quote_r'], n['gold'])}"
        f" | mention {prf(n['mention_p'], n['pred'], n['mention_r'], n['sourced'])}"
        f" | name {prf(n['name_p'], n['named_p'], n['name_r'], n['named_r'])}"
    )


def _print_errors(name: str, text: str, gold: list[dict[str, Any]], found: list[Any], scorer: Any) -> None:
    """Each gold quote missed or given a wrong mention or name, and each quote found that no gold
    quote overlaps."""
    for g in gold:
        hits = [q for q in found if scorer.overlap(q.start, q.end, g["start"], g["end"])]
        mention = text[g["source"][0] : g["source"][1]] if g["source"] else None
        named = any(q.speaker and scorer.same_speaker(q.speaker, g["speaker_name"]) for q in hits)
        if not hits:
            print(f"  {name} missed {text[g['start'] : g['end']][:50]!r} ({g['speaker_name']})")
        elif not (named or (g["speaker_name"] is None and all(q.speaker is None for q in hits))):
            got = [(text[q.speaker_start : q.speaker_end] if q.speaker_start is not None else None, q.speaker)
                   for q in hits]
            print(f"  {name} {text[g['start'] : g['end']][:50]!r}: gold {mention!r} = {g['speaker_name']!r},"
                  f" got {got}")
    for q in found:
        if not any(scorer.overlap(q.start, q.end, g["start"], g["end"]) for g in gold):
            print(f"  {name} extra {q.text[:50]!r} ({q.speaker})")


def _mention_ok(scorer: Any, quote: Any, gold: list[dict[str, Any]]) -> bool:
    """Whether the quote's speaker mention overlaps a gold source span."""
    return quote.speaker_start is not None and any(
        g["source"] and scorer.overlap(quote.speaker_start, quote.speaker_end, *g["source"]) for g in gold
    )


def same_speaker(expected: str | None, found: str | None) -> bool:
    """Both unknown, or one names the other ("Bertrand Lacoste" in "le général Bertrand Lacoste")."""
    if expected is None or found is None:
        return expected is None and found is None
    a, b = expected.casefold().replace("’", "'"), found.casefold().replace("’", "'")
    return a in b or b in a


def score_french_set(path: Path, verbose: bool = False) -> str:
    """Quote P/R/F1 (a prediction matches a gold quote it overlaps) and speaker P/R/F1 (the
    matched prediction names the gold speaker), over the hand-written French articles."""
    from recoupe.extract.quotes import find_quotes

    n_gold = n_pred = pred_ok = tp_q = tp_s = pred_sp_ok = 0
    for line in path.read_text(encoding="utf-8").splitlines():
        item = json.loads(line)
        text: str = item["text"]
        gold = []
        for quote in item["quotes"]:
            start = text.index(quote["text"])
            gold.append((start, start + len(quote["text"]), quote["speaker"]))
        found = find_quotes(text, "fr")
        n_gold, n_pred = n_gold + len(gold), n_pred + len(found)
        for q in found:
            hits = [g for g in gold if q.start < g[1] and g[0] < q.end]
            pred_ok += bool(hits)
            pred_sp_ok += any(same_speaker(g[2], q.speaker) for g in hits)
            if verbose and not hits:
                print(f"  extra: {q.text[:60]!r}")
        for g_start, g_end, speaker in gold:
            hits = [q for q in found if q.start < g_end and g_start < q.end]
            tp_q += bool(hits)
            ok = any(same_speaker(speaker, q.speaker) for q in hits)
            tp_s += ok
            if verbose and not ok:
                got = [q.speaker for q in hits] if hits else "no quote"
                print(f"  {text[g_start:g_end][:50]!r}: gold {speaker!r} got {got}")

    def prf(tp_pred: int, tp_gold: int) -> str:
        p, r = tp_pred / n_pred if n_pred else 0.0, tp_gold / n_gold if n_gold else 0.0
        return f"P {p:.3f} R {r:.3f} F1 {2 * p * r / (p + r) if p + r else 0.0:.3f}"

    accuracy = tp_s / tp_q if tp_q else 0.0
    return (
        f"{n_gold} gold, {n_pred} found | quote {prf(pred_ok, tp_q)} | speaker {prf(pred_sp_ok, tp_s)}"
        f" | speaker accuracy on found quotes {accuracy:.3f}"
    )


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
