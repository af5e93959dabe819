#!/usr/bin/env python3
"""Validates every record the CLI produces for the bundled corpus against schema/notice-1.schema.json.

usage: validate_records.py NOTICE_BINARY SOURCE_DIR
Prints one line per record and 'N passed, N failed'; exits 1 on any invalid record.
"""
import glob
import json
import os
import subprocess
import sys

import jsonschema


def main():
    binary, source = sys.argv[1], sys.argv[2]
    schema = json.load(open(os.path.join(source, "schema", "notice-1.schema.json"), encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    inputs = sorted(glob.glob(os.path.join(source, "corpus", "text", "*")) +
                    glob.glob(os.path.join(source, "corpus", "pdf", "*.pdf")) +
                    glob.glob(os.path.join(source, "corpus", "real", "ofd", "*.ofd")) +
                    glob.glob(os.path.join(source, "tests", "data", "ofd", "m*.ofd")) +
                    glob.glob(os.path.join(source, "tests", "data", "docx", "zhejiang-*.docx")))
    passed = failed = 0
    for path in inputs:
        run = subprocess.run([binary, "parse", path], capture_output=True)
        if run.returncode != 0:
            print(f"no record (exit {run.returncode}): {path}: {run.stderr.decode(errors='replace').strip()}")
            failed += 1
            continue
        record = json.loads(run.stdout)
        errors = list(validator.iter_errors(record))
        for e in errors[:5]:
            print(f"INVALID {path}: /{'/'.join(map(str, e.absolute_path))}: {e.message[:200]}")
        if errors:
            failed += 1
        else:
            print(f"valid: {os.path.relpath(path, source)}")
            passed += 1
    print(f"{passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
