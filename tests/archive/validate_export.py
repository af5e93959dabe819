#!/usr/bin/env python3
"""Export round trip: the corpus ingested into a new archive, exported, is valid against
schema/notice-1.schema.json and reads back to the records `notice parse` writes for the same files.

usage: validate_export.py NOTICE_BINARY SOURCE_DIR
"""
import json
import os
import subprocess
import sys
import tempfile

import jsonschema


def run(args, **kw):
    return subprocess.run(args, capture_output=True, **kw)


def main():
    binary, source = sys.argv[1], sys.argv[2]
    schema = json.load(open(os.path.join(source, "schema", "notice-1.schema.json"), encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    folders = [os.path.join(source, "corpus", f) for f in ("text", "pdf", "real/web", "real/html", "real/pdf", "real/ofd")]
    failed = 0
    with tempfile.TemporaryDirectory() as tmp:
        db = os.path.join(tmp, "a.db")
        ingest = run([binary, "ingest", "--archive", db, *folders])  # scans and garbled PDFs fail: exit 1
        print(ingest.stdout.decode().strip())
        exported = json.loads(run([binary, "export", "--archive", db, "--all-versions"], check=True).stdout)
        lines = run([binary, "export", "--archive", db, "--all-versions", "--format", "jsonl"], check=True).stdout
        as_lines = [json.loads(line) for line in lines.decode().splitlines()]
        if as_lines != exported:
            print("FAIL: jsonl and json exports differ")
            failed += 1
        files = [r["source"]["file"] for r in exported]
        parsed = run([binary, "parse", "--format", "jsonl", *files]).stdout.decode().splitlines()
        by_file = {r["source"]["file"]: r for r in map(json.loads, parsed)}
        engine_invalid = 0
        for record in exported:
            name = os.path.relpath(record["source"]["file"], source)
            same = by_file.get(record["source"]["file"]) == record
            if not same:
                print(f"FAIL {name}: the exported record is not the one `notice parse` writes")
            errors = list(validator.iter_errors(record))
            for e in errors[:5]:
                print(f"INVALID {name}: /{'/'.join(map(str, e.absolute_path))}: {e.message[:200]}")
            if errors and same:
                # The engine's own record, exported unchanged: the engine or the schema is to
                # mend (tests/schema covers the samples), not the archive.
                print(f"  (the same record `notice parse` writes: the engine's, not the archive's)")
                engine_invalid += 1
            elif errors or not same:
                failed += 1
        print(f"{len(exported)} exported records, {failed} failed, {engine_invalid} invalid as the engine writes them")
        if len(exported) < 60:
            print("FAIL: fewer records than the corpus gives")
            failed += 1
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
