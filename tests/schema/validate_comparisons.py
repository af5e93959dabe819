#!/usr/bin/env python3
"""Validates what `notice diff` and `notice compare` write as JSON against
schema/notice-diff-1.schema.json and schema/notice-series-1.schema.json, for the sample pairs
given as text exports, as PDFs and as records, and checks that the input's form does not change
what is compared: the same two notices give the same field and role changes from any form.

usage: validate_comparisons.py NOTICE_BINARY SOURCE_DIR
Exits 1 on any invalid output or disagreement.
"""
import json
import os
import subprocess
import sys
import tempfile

import jsonschema

PAIRS = [("2021-shanxi-jjzc30", "2026-shanxi-jjzc53"),
         ("2026-shanxi-jjzc53", "2026-anhui-wjmzc23"),
         ("2021-shanxi-jjzc30", "2021-shanxi-jjzc65"),
         ("2021-shanxi-jjzc30", "2024-shanxi-jjzc30")]


def run(binary, *args):
    done = subprocess.run([binary, *args], capture_output=True)
    if done.returncode != 0:
        raise RuntimeError(f"notice {' '.join(args)}: exit {done.returncode}: {done.stderr.decode(errors='replace')}")
    return json.loads(done.stdout)


def main():
    binary, source = sys.argv[1], sys.argv[2]
    load = lambda name: jsonschema.Draft202012Validator(
        json.load(open(os.path.join(source, "schema", name), encoding="utf-8")))
    diff_schema, series_schema = load("notice-diff-1.schema.json"), load("notice-series-1.schema.json")
    failures = 0

    def check(validator, doc, what):
        nonlocal failures
        errors = list(validator.iter_errors(doc))
        for e in errors[:5]:
            print(f"INVALID {what}: /{'/'.join(map(str, e.absolute_path))}: {e.message[:200]}")
        failures += bool(errors)
        if not errors:
            print(f"valid: {what}")

    text = lambda n: os.path.join(source, "corpus", "text", n + ".txt")
    pdf = lambda n: os.path.join(source, "corpus", "pdf", n + ".pdf")
    with tempfile.TemporaryDirectory() as tmp:
        def record(n):
            path = os.path.join(tmp, n + ".json")
            if not os.path.exists(path):
                with open(path, "w", encoding="utf-8") as f:
                    json.dump(run(binary, "parse", text(n)), f, ensure_ascii=False)
            return path

        for a, b in PAIRS:
            forms = {"text": (text(a), text(b)), "pdf": (pdf(a), pdf(b)), "record+pdf": (record(a), pdf(b))}
            diffs = {}
            for form, (x, y) in forms.items():
                diffs[form] = run(binary, "diff", "--format", "json", x, y)
                check(diff_schema, diffs[form], f"diff {a} {b} ({form})")
            for form in ("pdf", "record+pdf"):
                for key in ("fields", "issuers_by_role"):
                    if diffs[form][key] != diffs["text"][key]:
                        print(f"DIFFERENT {key}: diff {a} {b} from {form} against from text")
                        failures += 1
        series = run(binary, "compare", "--format", "json", *[text(n) for n in
                     ("2021-shanxi-jjzc30", "2024-shanxi-jjzc30", "2026-shanxi-jjzc53", "2026-anhui-wjmzc23")])
        check(series_schema, series, "compare, Shanxi 2021/2024/2026 and Anhui 2026")
    print(f"{failures} failed")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
