#!/usr/bin/env bash
# The bulk import against PostgreSQL's own COPY, in rounds taken in turn.
#
# Method: build the service (unless SKIP_BUILD=1), start it with a fresh embedded database, and
# create an empty table with the observation table's columns, defaults and indexes (bench_copy).
# Then ROUNDS times (default 5): add PER_ROUND indicators (default 20; 4 x 12 codes, QUARTERS
# quarters each: 20 x 4 x 12 x 40 = 38,400 rows), import their rows in one request through the
# import API (validation, history, events and the writers' lock included; the time curl measures,
# upload included), write those very rows out of the observation table with COPY TO, and COPY them
# (the time psql measures between two clock reads in the same session)
#   - into bench_copy: the same indexes, but none of the observation table's foreign keys (indicator,
#     source, origin source: PostgreSQL checks each row against them) or its statement trigger;
#   - into the observation table itself, as the rows of as many other indicators (added through the
#     API beforehand, named cpy-…) with observation numbers of their own: the same table the import
#     writes to, with its indexes, keys and trigger.
# All tables grow by the same rows each round, so each meets the same sizes and the same moments of
# a shared machine; the ratios of each round and their medians are printed. A single COPY on this
# machine varies by half from one run to the next, which is why this is measured in rounds.
set -euo pipefail
cd "$(dirname "$0")/.."

ROUNDS=${ROUNDS:-5}
PER_ROUND=${PER_ROUND:-20}
QUARTERS=${QUARTERS:-40}
PORT=${PORT:-18086}
WORK=$(mktemp -d)
B="http://localhost:$PORT/api/v1"

command -v psql > /dev/null || { echo "psql is needed (apt-get install postgresql-client)"; exit 2; }
[ "${SKIP_BUILD:-0}" = 1 ] || ./mvnw -q -B package -DskipTests
KPI_EMBEDDED_POSTGRES_DATA_DIR="$WORK/pg" KPI_AUTH_KEY_DIR="$WORK/keys" \
  java ${JAVA_OPTS:-} -Dquarkus.http.port=$PORT -jar target/quarkus-app/quarkus-run.jar > "$WORK/service.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true; wait $PID 2>/dev/null || true; rm -rf "$WORK"' EXIT
for _ in $(seq 1 90); do curl -fs "$B/scorecard" > /dev/null 2>&1 && break; sleep 1; done
TOKEN=$(KPI_AUTH_KEY_DIR="$WORK/keys" java -jar target/quarkus-app/quarkus-run.jar editor-token benchmark)
PG_PORT=$(sed -n 4p "$WORK/pg/postmaster.pid")
export PGPASSWORD=$(cat "$WORK/pg/kpi-superuser.password")
pg() { psql -h localhost -p "$PG_PORT" -U postgres -qAtX "$@"; }
pg -c "create table bench_copy (like observation including defaults including indexes)"

echo "date: $(date -u +%Y-%m-%dT%H:%MZ); machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo); $ROUNDS rounds of $((PER_ROUND * 4 * 12 * QUARTERS)) rows"
echo "| round | import, rows/s | COPY into the observation table, rows/s | import / that | COPY into bench_copy (no keys, no trigger), rows/s | import / that |"
echo "| --- | --: | --: | --: | --: | --: |"
ratios=()
bare_ratios=()
# the observation table's columns but its row number (a new one for each row) and observation number (a new one for each observation)
COLS=$(pg -c "select string_agg(column_name, ', ' order by ordinal_position) from information_schema.columns where table_name = 'observation' and column_name not in ('id', 'observation_id')")
copy_rate() { # rows, COPY statement: rows per second of the COPY
  pg <<SQL | tail -1
select extract(epoch from clock_timestamp()) \gset t0_
$2;
select round($1 / (extract(epoch from clock_timestamp()) - :t0_extract));
SQL
}
for round in $(seq 1 "$ROUNDS"); do
  r=$(printf %02d "$round")
  python3 benchmarks/bench-set.py "imp-$r-" "$PER_ROUND" "$QUARTERS" $((round * 17)) "$WORK"
  mkdir -p "$WORK/cpy" && python3 benchmarks/bench-set.py "cpy-$r-" "$PER_ROUND" "$QUARTERS" $((round * 17)) "$WORK/cpy"
  cat "$WORK/indicators.jsonl" "$WORK/cpy/indicators.jsonl" | while read -r line; do
    curl -fsS -o /dev/null -X POST "$B/indicators" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' -d "$line"
  done
  rows=$(( $(wc -l < "$WORK/import.csv") - 1 ))
  t=$(curl -fsS -o "$WORK/report.json" -w '%{time_total}' -X POST "$B/observation-imports?reason=benchmark" \
      -H "Authorization: Bearer $TOKEN" -H 'Content-Type: text/csv' --data-binary "@$WORK/import.csv")
  pg -c "copy (select * from observation where indicator_id like 'imp-$r-%') to '$WORK/rows.copy'"
  pg -c "copy (select nextval('observation_identity_seq'), $(echo "$COLS" | sed "s/indicator_id/'cpy' || substr(indicator_id, 4)/") from observation where indicator_id like 'imp-$r-%') to '$WORK/same-table.copy'"
  same=$(copy_rate "$rows" "copy observation (observation_id, $COLS) from '$WORK/same-table.copy'")
  bare=$(copy_rate "$rows" "copy bench_copy from '$WORK/rows.copy'")
  [ "$(pg -c "select count(*) from observation where indicator_id like 'cpy-$r-%'")" = "$rows" ] || { echo "COPY into observation did not write $rows rows"; exit 1; }
  import=$(python3 -c "print(round($rows / $t))")
  ratio=$(python3 -c "print(f'{$import / $same:.2f}')")
  bare_ratio=$(python3 -c "print(f'{$import / $bare:.2f}')")
  ratios+=("$ratio")
  bare_ratios+=("$bare_ratio")
  echo "| $round | $import | $same | $ratio | $bare | $bare_ratio |"
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR + 1) / 2)]}'; }
echo "| median | | | $(median "${ratios[@]}") | | $(median "${bare_ratios[@]}") |"
