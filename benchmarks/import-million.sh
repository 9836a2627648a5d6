#!/usr/bin/env bash
# Imports 1,000,000 observations in one request, exports them whole in every format, reads a deep
# page, and reports the rates and the service's peak memory.
#
# Method: build the service, start it with a fresh embedded database and a heap limit (XMX, default 512m), add a
# benchmark indicator (1,000 codes of one dimension, monthly periods), generate a CSV of
# 1,000 codes x 1,000 months in the export's format, POST it once (all new rows) and once more (all
# unchanged rows); then download the whole series as CSV, SDMX-CSV and SDMX-JSON and its changes as
# CSV (each streamed: far larger than an answer kept in memory), and read the first and the last
# 100-row page; and read the JVM's peak resident memory (VmHWM) from /proc. Wall-clock times
# come from curl; the machine is shared and noisy, so compare runs made on one machine in one go.
set -euo pipefail
cd "$(dirname "$0")/.."

ROWS_CODES=${ROWS_CODES:-1000}
ROWS_MONTHS=${ROWS_MONTHS:-1000}
WORK=$(mktemp -d)
PORT=${PORT:-18080}
B="http://localhost:$PORT/api/v1"

./mvnw -q -B package -DskipTests
KPI_EMBEDDED_POSTGRES_DATA_DIR="$WORK/pg" KPI_AUTH_KEY_DIR="$WORK/keys" \
  java -Xmx${XMX:-512m} -Dquarkus.http.port=$PORT -jar target/quarkus-app/quarkus-run.jar > "$WORK/service.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true; wait $PID 2>/dev/null || true; rm -rf "$WORK"' EXIT
for _ in $(seq 1 60); do curl -fs "$B/scorecard" > /dev/null 2>&1 && break; sleep 1; done
TOKEN=$(KPI_AUTH_KEY_DIR="$WORK/keys" java -jar target/quarkus-app/quarkus-run.jar editor-token benchmark)

python3 - "$ROWS_CODES" "$ROWS_MONTHS" "$WORK" <<'PY'
import json, sys
codes, months, work = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
indicator = {"id": "benchmark-series", "themeId": "werkgeverschap", "unit": "count", "kind": "level",
             "label": {"nl": "Benchmarkreeks", "en": "Benchmark series"}, "frequencies": ["monthly"],
             "dimensions": [{"id": "organisation", "label": {"nl": "Organisatie", "en": "Organisation"},
                             "codes": [{"code": f"o{i}", "label": {"nl": f"Organisatie {i}"}} for i in range(codes)]}]}
json.dump(indicator, open(f"{work}/indicator.json", "w"))
with open(f"{work}/import.csv", "w") as f:
    f.write("indicatorId,periodCode,organisation,qualifier,value,valueText,status,sourceId,quote\n")
    for m in range(months):
        period = f"{1940 + m // 12}-{m % 12 + 1:02d}"
        for i in range(codes):
            v = (m * 7 + i * 13) % 10000
            f.write(f"benchmark-series,{period},o{i},exact,{v},{v},final,antwoorden-so-functioneren-rijksdienst-2026,Benchmarkrij\n")
PY
curl -fsS -o /dev/null -X POST "$B/indicators" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' --data-binary "@$WORK/indicator.json"
SIZE=$(stat -c %s "$WORK/import.csv")
ROWS=$((ROWS_CODES * ROWS_MONTHS))
echo "rows: $ROWS, body: $((SIZE / 1024 / 1024)) MiB"
for run in first repeat; do
  T=$(curl -fsS -o "$WORK/report.json" -w '%{time_total}' -X POST "$B/observation-imports?reason=benchmark" \
      -H "Authorization: Bearer $TOKEN" -H 'Content-Type: text/csv' --data-binary "@$WORK/import.csv")
  echo "$run import: ${T}s, $(python3 -c "print(round($ROWS / $T))") rows/s, report: $(cat "$WORK/report.json")"
done
for download in "format=csv" "format=sdmx-csv" "format=sdmx-json" "changes:format=csv"; do
  path="observations?${download}"
  [ "${download#changes:}" != "$download" ] && path="changes?${download#changes:}"
  read -r code size time <<< "$(curl -sS -o /dev/null -w '%{http_code} %{size_download} %{time_total}' "$B/indicators/benchmark-series/$path")"
  echo "download $path: HTTP $code, $((size / 1024 / 1024)) MiB in ${time}s"
done
if command -v wrk > /dev/null; then
  # other reads while one whole CSV export runs: a dashboard's series of 12 rows (from memory once rendered), wrk 2 threads, 32 connections
  SERIES="http://localhost:$PORT/api/v1/indicators/benchmark-series/observations?organisation=o7&from=1990-01&to=1990-12"
  curl -fsS -o /dev/null "$SERIES"
  p99() { wrk -t2 -c32 -d${WRK_DURATION:-8s} --latency "$SERIES" | awk '/Requests\/sec/ {rps=$2} /^ +99%/ {p99=$2} END {printf "%s req/s, p99 %s", rps, p99}'; }
  echo "a series alone: $(p99)"
  curl -fsS -o /dev/null "$B/indicators/benchmark-series/observations?format=csv" &
  EXPORT=$!
  sleep 1
  echo "a series while the million rows are exported as CSV: $(p99)"
  wait $EXPORT || true
  # once more alone: just after the import, PostgreSQL may still be busy with the new rows (autovacuum, checkpoints)
  echo "a series alone, after the export: $(p99)"

fi
LAST=$(( (ROWS + 99) / 100 ))
for page in 1 $((LAST / 2)) $LAST; do
  echo "page $page of $LAST (pageSize=100): $(curl -fsS -o /dev/null -w '%{time_total}' "$B/indicators/benchmark-series/observations?page=$page&pageSize=100")s"
done
echo "service peak resident memory (VmHWM): $(grep VmHWM /proc/$PID/status | awk '{print $2/1024 " MiB"}')"
echo "series read back: $(curl -fsS "$B/indicators/benchmark-series/observations?pageSize=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["paging"]["totalItems"])') observations"
