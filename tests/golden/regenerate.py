"""Regenerate the golden files: ``python tests/golden/regenerate.py`` (from the repository root).

Run it only after a change that is meant to alter the communities of data/, and review
the diff of ``tests/golden/data_communities.json`` before committing it.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent.parent))

from graphkit.pipeline import build  # noqa: E402
from tests_golden_snapshot import snapshot  # noqa: E402

if __name__ == "__main__":
    out = HERE / "data_communities.json"
    out.write_text(json.dumps(snapshot(build()), ensure_ascii=False, indent=1, sort_keys=True)
                   + "\n", encoding="utf-8")
    print(f"wrote {out}")
