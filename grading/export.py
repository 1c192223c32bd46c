"""Writes the copy of the repository that an instructor hands out: no solutions, no repo checks.

The files a learner edits (the manifest's ``files``) never come from the instructor's working
tree as it is, which may hold the instructor's own answers:

- in a git checkout, they come from the last commit (``git show HEAD:katas/NN/FILE``); changes
  not yet committed are named, and refused under ``--strict``;
- without git, every one must match the stub signature that ``katas/katas.toml`` records
  (``stubs``: a SHA-256 per file, written by ``python -m grading.export --sign``).

The handout's README is written for learners (``grading/handout/README.md``), not the
repository's, which speaks of its own checks and of folders the handout does not have.
"""

from __future__ import annotations

import hashlib
import re
import shutil
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

from harness import manifest
from harness.manifest import MANIFEST_PATH, ROOT, SOLUTIONS_DIR

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

# Everything a learner needs to install, run the katas and use the grader.
HANDED_OUT = [
    "pyproject.toml",
    "conftest.py",
    "grader.py",
    ".gitignore",
    "harness",
    "grading",
    "katas",
]
HANDOUT_README = Path(__file__).parent / "handout" / "README.md"
SIGN_COMMAND = "python -m grading.export --sign"


class HandoutError(Exception):
    """Why no handout was written, in one line."""


# --- the stubs, as committed or as signed ----------------------------------------------------


def learner_files() -> list[str]:
    """Every learner-editable file, as a path from the repository's root."""
    return [f"katas/{kata.id}/{name}" for kata in manifest.load() for name in kata.files]


def signature(content: bytes) -> str:
    """A stub's SHA-256, the same for a checkout with Windows line endings."""
    return hashlib.sha256(content.replace(b"\r\n", b"\n")).hexdigest()


def recorded_signatures(path: Path = MANIFEST_PATH) -> dict[str, str]:
    """``katas/NN/FILE``: the signature the manifest records for that stub."""
    with open(path, "rb") as f:
        entries = tomllib.load(f)["kata"]
    return {
        f"katas/{entry['id']}/{name}": digest
        for entry in entries
        for name, digest in entry.get("stubs", {}).items()
    }


def in_git_checkout() -> bool:
    """Whether the repository's root is the top of a git working tree that git can read."""
    try:
        top = subprocess.run(
            ["git", "rev-parse", "--show-toplevel"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=30,
        )
    except (OSError, subprocess.SubprocessError):
        return False
    return top.returncode == 0 and Path(top.stdout.strip()).resolve() == ROOT.resolve()


def committed(relative: str) -> bytes | None:
    shown = subprocess.run(
        ["git", "show", f"HEAD:{relative}"], cwd=ROOT, capture_output=True, timeout=30
    )
    return shown.stdout if shown.returncode == 0 else None


def working_copy(relative: str) -> bytes | None:
    path = ROOT / relative
    return path.read_bytes() if path.is_file() else None


def committed_stubs(strict: bool) -> tuple[dict[str, bytes], list[str]]:
    """The learner files from HEAD, and notes on what differs from it in the working tree."""
    files = {relative: committed(relative) for relative in learner_files()}
    absent = [relative for relative, content in files.items() if content is None]
    if absent:
        raise HandoutError(f"not committed yet: {', '.join(absent)}; commit the stubs first")
    changed = [relative for relative, content in files.items() if working_copy(relative) != content]
    notes = []
    if changed:
        if strict:
            raise HandoutError(
                f"uncommitted changes in {', '.join(changed)} (--strict): commit or discard them"
            )
        notes.append(
            f"uncommitted changes in {', '.join(changed)}: the handout holds the committed stubs"
        )
    signed = recorded_signatures()
    unsigned = [r for r, content in files.items() if signed.get(r) != signature(content)]
    if unsigned:
        message = (
            f"as committed, {files_differ(unsigned)} from the stubs signed in the manifest "
            f"(answers committed, or stubs edited without running `{SIGN_COMMAND}`)"
        )
        if strict:
            raise HandoutError(message + " (--strict)")
        notes.append(message)
    return files, notes


def files_differ(paths: list[str]) -> str:
    return f"{', '.join(paths)} {'differs' if len(paths) == 1 else 'differ'}"


def signed_stubs() -> dict[str, bytes]:
    """Without git: the working tree's learner files, each matching its recorded signature."""
    signed = recorded_signatures()
    files = {relative: working_copy(relative) for relative in learner_files()}
    wrong = [
        relative
        for relative, content in files.items()
        if content is None or signed.get(relative) != signature(content)
    ]
    if wrong:
        raise HandoutError(
            f"{files_differ(wrong)} from the stubs signed in katas/katas.toml, and without "
            "git there is no committed copy to hand out instead: restore the stubs"
        )
    return files


def handout_stubs(strict: bool = False) -> tuple[dict[str, bytes], list[str]]:
    """The learner files to hand out, and notes for the instructor (HandoutError if none)."""
    if in_git_checkout():
        return committed_stubs(strict)
    return signed_stubs(), []


# --- the copy --------------------------------------------------------------------------------


def handout_readme() -> str:
    """The learners' README, with the manifest's table of katas in it."""
    table = manifest.readme_table(manifest.load())
    return HANDOUT_README.read_text().replace("{kata_table}", table)


def export_student_copy(
    destination: Path, solved: Sequence[str] = (), stubs: dict[str, bytes] | None = None
) -> list[str]:
    """Copy the learner's repository to ``destination`` (which must not exist yet).

    ``stubs`` replaces learner files (``katas/NN/FILE``: content), as ``handout_stubs`` gives
    them. ``solved`` names katas whose reference solutions to put in place, as a learner who
    finished them would have: the repository's own checks and benchmarks use that.
    """
    if destination.exists():
        raise HandoutError(f"{destination} already exists: choose a new folder")
    destination.mkdir(parents=True)
    copied = ["README.md"]
    (destination / "README.md").write_text(handout_readme())
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", ".hypothesis")
    for entry in HANDED_OUT:
        source = ROOT / entry
        if source.is_dir():
            shutil.copytree(source, destination / entry, ignore=ignore)
        elif source.is_file():
            shutil.copy2(source, destination / entry)
        else:
            continue
        copied.append(entry)
    for relative, content in (stubs or {}).items():
        (destination / relative).parent.mkdir(parents=True, exist_ok=True)
        (destination / relative).write_bytes(content)
    for kata_id in solved:
        target = destination / "katas" / kata_id
        shutil.copytree(SOLUTIONS_DIR / kata_id, target, dirs_exist_ok=True)
    return copied


def export_handout(destination: Path, strict: bool = False) -> tuple[list[str], list[str]]:
    """What ``grader.py export-student`` writes: (entries copied, notes for the instructor)."""
    if destination.exists():
        raise HandoutError(f"{destination} already exists: choose a new folder")
    stubs, notes = handout_stubs(strict)
    return export_student_copy(destination, stubs=stubs), notes


# --- signing the stubs -----------------------------------------------------------------------


def signed_manifest(text: str, root: Path = ROOT) -> str:
    """``text`` (katas.toml) with each kata's ``stubs = {...}`` line set from its stub files.

    The line goes right after the kata's ``files = [...]`` line; nothing else changes.
    """
    out, kata_id = [], None
    for line in text.splitlines(keepends=True):
        if line.startswith("stubs = "):
            continue  # written again below, from the files as they are now
        out.append(line)
        found = re.match(r'id = "(\w+)"', line)
        kata_id = found.group(1) if found else kata_id
        if line.startswith("files = ") and kata_id is not None:
            stubs = [root / "katas" / kata_id / name for name in tomllib.loads(line)["files"]]
            digests = ", ".join(
                f'"{stub.name}" = "{signature(stub.read_bytes())}"'
                for stub in stubs
                if stub.is_file()  # a kata still being written: signed once its stub exists
            )
            out.append(f"stubs = {{ {digests} }}\n")
    return "".join(out)


if __name__ == "__main__":
    if sys.argv[1:] != ["--sign"]:
        sys.exit(f"usage: {SIGN_COMMAND}   (records each stub's signature in katas/katas.toml)")
    before = MANIFEST_PATH.read_text()
    after = signed_manifest(before)
    MANIFEST_PATH.write_text(after)
    print("katas/katas.toml: stubs signed" if after != before else "stub signatures up to date")
