# The key fields of a record against its label: exits non-zero naming the fields that differ.
#   python3 tests/install/same_as_label.py RECORD.json LABEL.json
import json
import sys

record, label = (json.load(open(p)) for p in sys.argv[1:3])
keys = ["doc_number", "title", "doc_type", "province", "year", "issuers", "issuer_count", "issue_date", "themes"]
bad = [k for k in keys if record.get(k) != label.get(k)]
if bad:
    sys.exit("fields unlike the label: " + ", ".join(f"{k}: {record.get(k)!r} != {label.get(k)!r}" for k in bad))
