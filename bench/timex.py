"""Score the temporal-expression finder on French TimeBank: relaxed extraction F1 and value F1.

usage: .venv/bin/python bench/timex.py [-v]   (-v lists every miss and wrong value)
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def main(argv: list[str]) -> int:
    scorer = SHARED / "tools" / "score_timex.py"
    data = SHARED / "data" / "fr-timebank"
    if not scorer.is_file() or not data.is_dir():
        print(f"bench/timex.py: {SHARED} is absent: no French TimeBank to score on", file=sys.stderr)
        return 2
    command = ["python3", str(scorer), str(ROOT / ".venv" / "bin" / "recoupe"), str(data), *argv]
    run = subprocess.run(command, capture_output=True, text=True, check=False)
    sys.stdout.write(run.stdout)
    sys.stderr.write(run.stderr)
    return run.returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
