"""Writes a benchmark set: COUNT indicators with two dimensions (category: 4 codes, department: 12
codes) and QUARTERS quarterly observations of every combination, as WORK/indicators.jsonl (one
indicator per line, for POST /indicators) and WORK/import.csv (for POST /observation-imports).
Indicators are PREFIX followed by a four-digit number; OFFSET shifts the values, so that sets of
different rounds differ. Used by dashboard-reads.sh and import-rounds.sh.

usage: python3 bench-set.py PREFIX COUNT QUARTERS OFFSET WORK
"""
import json
import sys

prefix, count, quarters, offset, work = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
cats = ["beleid", "uitvoering", "ondersteuning", "inspectie"]
deps = [f"d{i:02d}" for i in range(12)]
with open(f"{work}/indicators.jsonl", "w") as out:
    for k in range(count):
        out.write(json.dumps({"id": f"{prefix}{k:04d}", "themeId": "werkgeverschap", "unit": "fte", "kind": "level",
            "label": {"nl": f"Benchmark {k}", "en": f"Benchmark {k}"}, "frequencies": ["quarterly"],
            "dimensions": [{"id": "category", "label": {"nl": "Categorie", "en": "Category"}, "codes": [{"code": c, "label": {"nl": c, "en": c}} for c in cats]},
                           {"id": "department", "label": {"nl": "Ministerie", "en": "Ministry"}, "codes": [{"code": d, "label": {"nl": d, "en": d}} for d in deps]}]}) + "\n")
with open(f"{work}/import.csv", "w") as f:
    f.write("indicatorId,periodCode,category,department,qualifier,value,valueText,status,sourceId,quote\n")
    for k in range(count):
        for c in cats:
            for d in deps:
                for q in range(quarters):
                    v = (offset + k * 31 + q * 7 + len(c) * 3 + int(d[1:])) % 5000
                    f.write(f"{prefix}{k:04d},{2016 + q // 4}-Q{q % 4 + 1},{c},{d},exact,{v},{v} fte,final,antwoorden-so-functioneren-rijksdienst-2026,Benchmarkrij\n")
