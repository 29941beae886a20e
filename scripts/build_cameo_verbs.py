"""Build ``cameo_verbs.json`` and ``cameo_plover.tsv`` (``src/sitrep/events/data/``).

Source: ``CAMEO.2.0.txt`` of PETRARCH-2 (Open Event Data Alliance, MIT licence), in
``../shared/data/knowledge/petrarch2/``: about 4,700 patterns in 400 verb blocks with WordNet
synonym sets. The builder keeps the *facts* of the dictionary — which verbs share a block,
each block's and verb's default code, and each pattern's words and code — in a form our
dependency-parse reader (:mod:`sitrep.events.cameo`) matches; PETRARCH's own matching engine
is not used. Codes are kept as CAMEO codes; their PLOVER type and mode come from the
CAMEO→PLOVER table (``plover-dev/CAMEO2PLOVER-2021.txt``, Open Event Data Alliance,
CC BY-SA 4.0), written beside it as ``cameo_plover.tsv`` with that attribution and licence.
The PLOVER manual drops CAMEO 01 (statements) and 02 (appeals): those codes map to nothing.

Pattern syntax (from the file): ``- PRE * POST [CODE] # VERB``, where ``*`` is the verb, PRE
words belong to the subject side, POST words follow the verb: ``WORD``, ``{MULTI WORD}``
(a compound), ``&SET`` (a synonym set), ``(PREP WORDS)`` (a prepositional phrase), and the
actor markers ``$`` (source), ``+`` (target), ``%`` (compound), ``^`` (skip), which we drop.
A code ``[:054]`` is passive (source and target swapped): kept with ``reverse: true``.
``[---]`` marks a pattern or verb that codes nothing.

    python scripts/build_cameo_verbs.py            # rebuild the JSON
    python scripts/build_cameo_verbs.py --check    # exit 1 if the JSON is out of date
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
SOURCE = REPO.parent / "shared" / "data" / "knowledge" / "petrarch2" / "CAMEO.2.0.txt"
TABLE = REPO.parent / "shared" / "data" / "plover-dev" / "CAMEO2PLOVER-2021.txt"
DATA = REPO / "src" / "sitrep" / "events" / "data"
OUT = DATA / "cameo_verbs.json"
OUT_TABLE = DATA / "cameo_plover.tsv"
_TABLE_LINE = re.compile(r"^(\d{2,4}):\s*([A-Z]+)\s*(?:,\s*([^,#]*))?")
# Articles in the dictionary's phrases ("(TO A VOTE)") are not matched word for word.
_ARTICLES = frozenset({"a", "an", "the"})

_BLOCK = re.compile(r"^---\s+(\S+)\s+\[([^\]]*)\]\s+---")
_CODE = re.compile(r"\[([^\]]*)\]")
_TOKEN = re.compile(r"\{[^}]*\}|\([^)]*\)|[^\s(){}]+")
_MARKERS = frozenset({"$", "+", "%", "^"})


def _words(text: str) -> list[str]:
    """Lower-case words of a dictionary phrase ("SIT-IN", "{PEACE PLAN}", "RE_CALL")."""
    words = re.split(r"[\s_]+", text.strip("{}() ").replace("+", " "))
    return [w.lower() for w in words if w and w.lower() not in _ARTICLES]


def _code(raw: str) -> tuple[str | None, bool]:
    """A pattern's code and whether it is passive: ``042:043`` → 042; ``:054`` → 054 reversed;
    ``---`` → none."""
    raw = raw.strip()
    if not raw or raw.startswith("---"):
        return None, False
    first, _, second = raw.partition(":")
    if first:
        return first, False
    return (second or None), bool(second)


def _element(token: str, synsets: dict[str, list[str]]) -> dict[str, Any] | None:
    if token in _MARKERS:
        return None
    if token.startswith("("):
        inner = [t for t in _TOKEN.findall(token[1:-1]) if t not in _MARKERS]
        if not inner:
            return None
        prep, rest = inner[0].lower(), inner[1:]
        words = [w for t in rest for w in _group(t, synsets)]
        return {"prep": prep, "words": words}
    return {"words": _group(token, synsets)}


def _group(token: str, synsets: dict[str, list[str]]) -> list[Any]:
    """A word, a compound (a list of words), or a synonym set (a reference ``&NAME``)."""
    if token.startswith("&"):
        name = token.rstrip("_").upper()
        return [name] if name in synsets else []
    if token in _MARKERS:
        return []
    words = _words(token)
    if not words:
        return []
    return [words if len(words) > 1 else words[0]]


def parse(text: str) -> dict[str, Any]:
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if "VERB PATTERNS" in line)
    end = next(i for i, line in enumerate(lines) if "TRANSFORMATIONS" in line)
    synsets = _synsets(lines[:start])
    blocks: dict[str, dict[str, Any]] = {}
    verbs: dict[str, dict[str, Any]] = {}
    block: dict[str, Any] | None = None
    name = ""
    for raw in lines[start + 1 : end]:
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        header = _BLOCK.match(line)
        if header:
            name = header[1]
            code, _ = _code(header[2])
            block = {"code": code, "patterns": []}
            blocks[name] = block
            continue
        if block is None:
            continue
        if line.startswith("-"):
            pattern = _pattern(line[1:], synsets)
            if pattern is not None:
                block["patterns"].append(pattern)
            continue
        verb = _verb_line(line)
        if verb is not None:
            key, code, has_code = verb
            entry: dict[str, Any] = {"block": name}
            if has_code:
                entry["code"] = code
            verbs.setdefault(key, entry)
    return {
        "source": "CAMEO.2.0.txt, PETRARCH-2 (openeventdata/petrarch2 at 676801c), "
        "Open Event Data Alliance",
        "licence": "MIT",
        "built_by": "scripts/build_cameo_verbs.py",
        "synsets": synsets,
        "verbs": dict(sorted(verbs.items())),
        "blocks": blocks,
    }


def _synsets(lines: list[str]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    current: list[str] | None = None
    for raw in lines:
        line = raw.split("#", 1)[0].strip()
        if line.startswith("&"):
            current = out.setdefault(line.rstrip("_").upper(), [])
        elif line.startswith("+") and current is not None:
            current.append(" ".join(_words(line[1:])))
        elif not line:
            current = None
    return {k: sorted(set(v)) for k, v in out.items() if v}


def _verb_line(line: str) -> tuple[str, str | None, bool] | None:
    """``ASK [020]`` / ``+ASK_FOR {…} [020]`` / ``HURRY {HURRIES …}`` → (key, code, has_code)."""
    body = re.sub(r"\{[^}]*\}", " ", line)
    match = _CODE.search(body)
    code, has_code = (None, False)
    if match:
        code, _ = _code(match[1])
        has_code = True
        body = body[: match.start()]
    words = _words(body.strip().lstrip("+"))
    if not words:
        return None
    return " ".join(words), code, has_code


def _pattern(body: str, synsets: dict[str, list[str]]) -> dict[str, Any] | None:
    match = _CODE.search(body)
    if match is None or "*" not in body[: match.start()]:
        return None
    code, reverse = _code(match[1])
    before, _, after = body[: match.start()].partition("*")
    pre = [e for t in _TOKEN.findall(before) if (e := _element(t, synsets)) is not None]
    post = [e for t in _TOKEN.findall(after) if (e := _element(t, synsets)) is not None]
    pre = [e for e in pre if e.get("words")]
    post = [e for e in post if e.get("words") or e.get("prep")]
    if not pre and not post:
        return None  # "- * [code]" only repeats the block default
    pattern: dict[str, Any] = {"code": code}
    if reverse:
        pattern["reverse"] = True
    if pre:
        pattern["pre"] = [w for e in pre for w in e["words"]]
    if post:
        pattern["post"] = post
    return pattern


def render(source: Path = SOURCE) -> str:
    data = parse(source.read_text(encoding="latin-1"))
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=False) + "\n"


def render_table(source: Path = TABLE) -> str:
    """CAMEO code → PLOVER type and mode, one row per code (the first row of a repeated code
    wins, as in the table's own order)."""
    rows: dict[str, tuple[str, str]] = {}
    for line in source.read_text(encoding="utf-8").splitlines():
        match = _TABLE_LINE.match(line.strip())
        if match:
            mode = (match[3] or "").strip().replace(" ", "")
            rows.setdefault(match[1], (match[2], mode))
    header = [
        "# CAMEO code -> PLOVER event type and mode.",
        "# Source: CAMEO2PLOVER-2021.txt (PLOVER manual draft 0.8, 2021-09-17), Open Event Data",
        "# Alliance, github.com/openeventdata/PLOVER; licence CC BY-SA 4.0. Derived by",
        "# scripts/build_cameo_verbs.py (modes as written there; an empty mode is none).",
        "code\ttype\tmode",
    ]
    body = [f"{code}\t{kind}\t{mode}" for code, (kind, mode) in sorted(rows.items())]
    return "\n".join([*header, *body]) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="fail if the JSON is out of date")
    parser.add_argument("--source", type=Path, default=SOURCE)
    args = parser.parse_args()
    text, table = render(args.source), render_table()
    if args.check:
        for path, want in ((OUT, text), (OUT_TABLE, table)):
            if path.read_text(encoding="utf-8") != want:
                print(f"{path.relative_to(REPO)} is out of date: run {Path(__file__).name}")
                return 1
        return 0
    OUT.write_text(text, encoding="utf-8")
    OUT_TABLE.write_text(table, encoding="utf-8")
    data = json.loads(text)
    n_patterns = sum(len(b["patterns"]) for b in data["blocks"].values())
    print(
        f"wrote {OUT.relative_to(REPO)}: {len(data['verbs'])} verbs, "
        f"{len(data['blocks'])} blocks, {n_patterns} patterns, {len(data['synsets'])} synonym sets"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
