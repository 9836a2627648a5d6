#!/usr/bin/env bash
# Dashboard reads at a realistic volume, side by side with nginx serving the very same bytes.
#
# Method: build the service (unless SKIP_BUILD=1), start it with a fresh embedded database, add
# INDICATORS indicators (default 100) with two dimensions (category: 4 codes, department: 12 codes)
# through the API and import INDICATORS x 4 x 12 x QUARTERS (default 40) observations through the
# import API (100 x 4 x 12 x 40 = 192,000; SCALE=10 gives 1.92 M by multiplying the indicators).
# Then, for two requests a dashboard makes -- one series of QUARTERS rows
# (/indicators/{id}/observations?category=..&department=..) and one indicator's 1,000-row page
# (?pageSize=1000) -- take a sample of SAMPLE (default 200) random URLs, save the service's answers
# (body and ETag) and serve those files from Debian's nginx, started by this script on the same
# machine. wrk (2 threads, CONNECTIONS connections, DURATION each, a random URL of the sample per
# request) measures four paths for each: the service answering 200, the service answering 304 to
# If-None-Match, nginx answering 200 and nginx answering 304. Client, service, database and nginx
# share the machine's cores: compare the ratios of one run, not the absolute numbers of two.
#
# The set is written by bench-set.py (also used by import-rounds.sh).
#
# Also measured, in the same run:
# - the cache miss (the first request after a change): a second instance on the same database
#   with its cache of rendered answers off (kpi.cache.max-bytes=0), so every request is rendered
#   (since 1.12.5 from its rows' JSON, kept as after a change, when all but the changed rows are;
#   with kpi.cache.rows.max-bytes=0 in JAVA_OPTS every row is rendered too, as after a start),
#   against PostgreSQL alone answering the same query as JSON (pgbench, prepared statements, the
#   same connections; json_agg of the selected rows), after MISS_WARMUP seconds of warm-up (default
#   300, see below), in MISS_ROUNDS (default 5)
#   rounds taken in turn;
# - a download: one indicator's whole CSV (1,920 rows at SCALE=1), service against nginx;
# - just after a change: how many of the sampled series are rendered anew after one observation of
#   one indicator changed (the cache's miss counter in /q/metrics; before 1.9.0, all of them);
# - other reads while large exports run: the series' p99 while EXPORTERS connections (default 4)
#   download whole CSVs of random indicators one after another (a second wrk, with credentials, so
#   each is rendered and streamed, not served from memory), against its p99 without them. (Until
#   1.12.1 the exporters were shell loops of curl: starting a process per download took as much of
#   the shared cores as the downloads themselves.)
set -euo pipefail
cd "$(dirname "$0")/.."

INDICATORS=$(( ${INDICATORS:-100} * ${SCALE:-1} ))
QUARTERS=${QUARTERS:-40}
SAMPLE=${SAMPLE:-200}
DURATION=${DURATION:-20s}
CONNECTIONS=${CONNECTIONS:-32}
PORT=${PORT:-18082}
MISS_PORT=${MISS_PORT:-18083}
EXPORTERS=${EXPORTERS:-4}
NGINX_PORT=${NGINX_PORT:-18092}
# WORK_DIR keeps the database (and the loaded set) between runs: a second run with the same
# WORK_DIR and SCALE skips the load.
WORK=${WORK_DIR:-$(mktemp -d)}
mkdir -p "$WORK"
B="http://localhost:$PORT/api/v1"

command -v wrk > /dev/null || { echo "wrk is needed (apt-get install wrk)"; exit 2; }
NGINX=$(command -v nginx || echo /usr/sbin/nginx)
[ -x "$NGINX" ] || { echo "nginx is needed (apt-get install nginx)"; exit 2; }

[ "${SKIP_BUILD:-0}" = 1 ] || ./mvnw -q -B package -DskipTests
KPI_EMBEDDED_POSTGRES_DATA_DIR="$WORK/pg" KPI_AUTH_KEY_DIR="$WORK/keys" \
  java ${JAVA_OPTS:-} -Dquarkus.http.port=$PORT -jar target/quarkus-app/quarkus-run.jar > "$WORK/service.log" 2>&1 &
PID=$!
cleanup() {
  [ -n "${MISS_PID:-}" ] && { kill $MISS_PID 2>/dev/null || true; wait $MISS_PID 2>/dev/null || true; }
  kill $PID 2>/dev/null || true; wait $PID 2>/dev/null || true
  [ -f "$WORK/nginx.pid" ] && kill "$(cat "$WORK/nginx.pid")" 2>/dev/null || true
  [ -n "${WORK_DIR:-}" ] || rm -rf "$WORK"
}
trap cleanup EXIT
for _ in $(seq 1 90); do curl -fs "$B/scorecard" > /dev/null 2>&1 && break; sleep 1; done
TOKEN=$(KPI_AUTH_KEY_DIR="$WORK/keys" java -jar target/quarkus-app/quarkus-run.jar editor-token benchmark)

if curl -fs -o /dev/null "$B/indicators/bench-$(printf %04d $((INDICATORS - 1)))"; then
  echo "the set of $INDICATORS indicators is loaded already ($WORK)"
else
python3 benchmarks/bench-set.py bench- "$INDICATORS" "$QUARTERS" 0 "$WORK"
while read -r line; do
  curl -fsS -o /dev/null -X POST "$B/indicators" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' -d "$line"
done < "$WORK/indicators.jsonl"
ROWS=$(( $(wc -l < "$WORK/import.csv") - 1 ))
T=$(curl -fsS -o "$WORK/report.json" -w '%{time_total}' -X POST "$B/observation-imports?reason=benchmark" \
    -H "Authorization: Bearer $TOKEN" -H 'Content-Type: text/csv' --data-binary "@$WORK/import.csv")
echo "loaded $ROWS observations of $INDICATORS indicators through the import API in ${T}s ($(python3 -c "print(round($ROWS / $T))") rows/s)"
fi
ROWS=$(( INDICATORS * 4 * 12 * QUARTERS ))

# The sample: random URLs of both kinds, their answers saved for nginx, their ETags for the 304 path.
mkdir -p "$WORK/www"
python3 - "$INDICATORS" "$SAMPLE" "$WORK" <<'PY'
import random, sys
n, sample, work = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
random.seed(7)
cats = ["beleid", "uitvoering", "ondersteuning", "inspectie"]
with open(f"{work}/series.txt", "w") as s, open(f"{work}/page.txt", "w") as p, open(f"{work}/download.txt", "w") as d:
    for i in range(sample):
        d.write(f"/api/v1/indicators/bench-{random.randrange(n):04d}/observations?format=csv\n")
        k = random.randrange(n)
        s.write(f"/api/v1/indicators/bench-{k:04d}/observations?category={random.choice(cats)}&department=d{random.randrange(12):02d}\n")
        p.write(f"/api/v1/indicators/bench-{random.randrange(n):04d}/observations?pageSize=1000\n")
PY
for kind in series page download; do
  i=0
  : > "$WORK/$kind-etags.txt"
  while read -r url; do
    etag=$(curl -fsS -D - -o "$WORK/www/$kind-$i.json" "http://localhost:$PORT$url" | awk -F': ' 'tolower($1)=="etag" {print $2}' | tr -d '\r')
    echo "$etag" >> "$WORK/$kind-etags.txt"
    i=$((i + 1))
  done < "$WORK/$kind.txt"
done

cat > "$WORK/nginx.conf" <<NGINX
worker_processes auto;
pid $WORK/nginx.pid;
error_log $WORK/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  default_type application/json;
  client_body_temp_path $WORK/tmp; proxy_temp_path $WORK/tmp; fastcgi_temp_path $WORK/tmp; uwsgi_temp_path $WORK/tmp; scgi_temp_path $WORK/tmp;
  server { listen $NGINX_PORT; root $WORK/www; }
}
NGINX
mkdir -p "$WORK/tmp"
# nginx's workers run as an unprivileged user: let them read the answers
chmod a+x "$WORK"; chmod -R a+rX "$WORK/www"
"$NGINX" -c "$WORK/nginx.conf" -p "$WORK"
sleep 1
for kind in series page download; do
  i=0
  : > "$WORK/$kind-static.txt"; : > "$WORK/$kind-static-etags.txt"
  while read -r url; do
    echo "/$kind-$i.json" >> "$WORK/$kind-static.txt"
    curl -fsS -D - -o /dev/null "http://localhost:$NGINX_PORT/$kind-$i.json" | awk -F': ' 'tolower($1)=="etag" {print $2}' | tr -d '\r' >> "$WORK/$kind-static-etags.txt"
    i=$((i + 1))
  done < "$WORK/$kind.txt"
done

# wrk: a random URL of a list per request, with its ETag as If-None-Match when asked.
cat > "$WORK/random.lua" <<'LUA'
local paths, etags = {}, {}
function init(args)
  for line in io.lines(args[1]) do paths[#paths + 1] = line end
  if args[2] then for line in io.lines(args[2]) do etags[#etags + 1] = line end end
  math.randomseed(os.time() + math.random(1000))
end
function request()
  local i = math.random(#paths)
  if #etags > 0 then return wrk.format("GET", paths[i], { ["If-None-Match"] = etags[i] }) end
  return wrk.format("GET", paths[i])
end
LUA
run() { # url-base list [etags]
  wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -s "$WORK/random.lua" "$1" -- "$2" ${3:-} \
    | awk '/Requests\/sec/ {rps=$2} /^ +50%/ {p50=$2} /^ +99%/ {p99=$2} /Non-2xx/ {non=$5} END {printf "%s %s %s", rps, p50, p99}'
}
# warm up the service (JIT, caches) on both lists
wrk -t2 -c"$CONNECTIONS" -d10s -s "$WORK/random.lua" "http://localhost:$PORT" -- "$WORK/series.txt" > /dev/null
wrk -t2 -c"$CONNECTIONS" -d10s -s "$WORK/random.lua" "http://localhost:$PORT" -- "$WORK/page.txt" > /dev/null

# the second instance, on the same database, renders every answer
PG_PORT=$(sed -n 4p "$WORK/pg/postmaster.pid")
export PGPASSWORD=$(cat "$WORK/pg/kpi-superuser.password")
QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://localhost:$PG_PORT/postgres" QUARKUS_DATASOURCE_USERNAME=postgres QUARKUS_DATASOURCE_PASSWORD="$PGPASSWORD" \
  KPI_AUTH_KEY_DIR="$WORK/keys" java ${JAVA_OPTS:-} -Dquarkus.http.port=$MISS_PORT -Dkpi.cache.max-bytes=0 -jar target/quarkus-app/quarkus-run.jar \
  > "$WORK/miss.log" 2>&1 &
MISS_PID=$!
for _ in $(seq 1 90); do curl -fs "http://localhost:$MISS_PORT/api/v1/scorecard" > /dev/null 2>&1 && break; sleep 1; done
# warm it up for MISS_WARMUP seconds (default 300) of load, series and page in turn, 10 s at a time:
# without its cache every request runs the whole rendering, which the JIT keeps compiling for minutes
# after a start on two shared cores (the series rate rose from 2,231 to 3,714 req/s over the five
# rounds that followed one minute of warm-up; a round within 5 % of the one before was no sign of
# the end: it rose again after such plateaus)
for round in $(seq 1 $(( ${MISS_WARMUP:-300} / 10 ))); do
  list=$([ $((round % 2)) = 1 ] && echo series || echo page)
  wrk -t2 -c"$CONNECTIONS" -d10s -s "$WORK/random.lua" "http://localhost:$MISS_PORT" -- "$WORK/$list.txt" > /dev/null
done
ORDER="order by period_start nulls last, period_end nulls last, period_code, dimension_key, coalesce(base_period_code, '')"
cat > "$WORK/pg-series.sql" <<SQL
\\set k random(0, $((INDICATORS - 1)))
\\set c random(0, 3)
\\set d random(0, 11)
select json_agg(o) from (select * from observation where indicator_id = 'bench-' || lpad(:k::text, 4, '0') and superseded_at is null
  and dimension_key = 'category=' || (array['beleid','uitvoering','ondersteuning','inspectie'])[:c + 1] || ';department=d' || lpad(:d::text, 2, '0') $ORDER limit 100) o;
SQL
cat > "$WORK/pg-page.sql" <<SQL
\\set k random(0, $((INDICATORS - 1)))
select json_agg(o) from (select * from observation where indicator_id = 'bench-' || lpad(:k::text, 4, '0') and superseded_at is null $ORDER limit 1000) o;
SQL
# PostgreSQL's own COPY of the same rows, for the import's ratios: into a table with the same
# indexes but none of the observation table's foreign keys or its trigger (bench_copy), and into the
# observation table itself, as the rows of as many other indicators (cpy-…, added in the same
# transaction) with observation numbers of their own; that transaction is rolled back and the table
# vacuumed, so the rest of the run meets the loaded set as it was.
COPY_RATES=$(psql -h localhost -p "$PG_PORT" -U postgres -qAt <<SQL 2>/dev/null | tail -2 | paste -sd' '
drop table if exists bench_copy;
create unlogged table bench_rows as select * from observation where indicator_id like 'bench-%';
copy bench_rows to '$WORK/bench-rows.copy';
select string_agg(column_name, ', ' order by ordinal_position) as ocols,
  string_agg(case column_name when 'indicator_id' then '''cpy'' || substr(indicator_id, 6)' else column_name end, ', ' order by ordinal_position) as oselect
  from information_schema.columns where table_name = 'observation' and column_name not in ('id', 'observation_id') \\gset
select string_agg(column_name, ', ' order by ordinal_position) as icols from information_schema.columns where table_name = 'indicator' and column_name <> 'id' \\gset
copy (select nextval('observation_identity_seq'), :oselect from bench_rows) to '$WORK/same-table.copy';
create table bench_copy (like observation including defaults including indexes);
select extract(epoch from clock_timestamp()) \\gset t0_
copy bench_copy from '$WORK/bench-rows.copy';
select round(count(*) / (extract(epoch from clock_timestamp()) - :t0_extract)) from bench_copy;
begin;
insert into indicator (id, :icols) select 'cpy' || substr(id, 6), :icols from indicator where id like 'bench-%';
select extract(epoch from clock_timestamp()) \\gset t1_
copy observation (observation_id, :ocols) from '$WORK/same-table.copy';
select round(count(*) / (extract(epoch from clock_timestamp()) - :t1_extract)) from observation where indicator_id like 'cpy-%';
rollback;
vacuum observation;
SQL
)
read -r COPY_RATE SAME_TABLE_RATE <<< "${COPY_RATES:-? ?}"
psql -h localhost -p "$PG_PORT" -U postgres -qAt -c "drop table if exists bench_copy; drop table if exists bench_rows" > /dev/null 2>&1 || true
pgbench_tps() { # script
  pgbench -n -h localhost -p "$PG_PORT" -U postgres -M prepared -c "$CONNECTIONS" -j 2 -T "${DURATION%s}" -f "$1" postgres 2>/dev/null \
    | awk '/^tps/ {print $3}'
}

echo
echo "date: $(date -u +%Y-%m-%dT%H:%MZ); machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo); $ROWS observations; wrk -t2 -c$CONNECTIONS -d$DURATION"
printf '| request | service req/s | p50 | p99 | nginx req/s | p50 | p99 | service / nginx |\n| --- | --: | --: | --: | --: | --: | --: | --: |\n'
for kind in series page; do
  for mode in 200 304; do
    if [ $mode = 200 ]; then
      read -r s50 sp50 sp99 <<< "$(run "http://localhost:$PORT" "$WORK/$kind.txt")"
      read -r n50 np50 np99 <<< "$(run "http://localhost:$NGINX_PORT" "$WORK/$kind-static.txt")"
    else
      read -r s50 sp50 sp99 <<< "$(run "http://localhost:$PORT" "$WORK/$kind.txt" "$WORK/$kind-etags.txt")"
      read -r n50 np50 np99 <<< "$(run "http://localhost:$NGINX_PORT" "$WORK/$kind-static.txt" "$WORK/$kind-static-etags.txt")"
    fi
    printf '| %s %s | %s | %s | %s | %s | %s | %s | %s |\n' "$kind" "$mode" "$s50" "$sp50" "$sp99" "$n50" "$np50" "$np99" \
      "$(python3 -c "print(f'{$s50 / $n50:.2f}')")"
  done
done
read -r s50 sp50 sp99 <<< "$(run "http://localhost:$PORT" "$WORK/download.txt")"
read -r n50 np50 np99 <<< "$(run "http://localhost:$NGINX_PORT" "$WORK/download-static.txt")"
printf '| download (whole CSV) 200 | %s | %s | %s | %s | %s | %s | %s |\n' "$s50" "$sp50" "$sp99" "$n50" "$np50" "$np99" "$(python3 -c "print(f'{$s50 / $n50:.2f}')")"

echo
if [ -n "${T:-}" ]; then
  echo "import: $ROWS rows through the import API at $(python3 -c "print(round($ROWS / $T))") rows/s; PostgreSQL's COPY of the same rows into the observation table: ${SAME_TABLE_RATE:-?} rows/s; into a table with its indexes, no keys or trigger: ${COPY_RATE:-?} rows/s"
fi
echo
echo "cache miss: every answer rendered (a second instance, cache off) against PostgreSQL alone answering the same query as JSON"
printf '| request | service req/s | p50 | p99 | PostgreSQL tps | service / PostgreSQL |\n| --- | --: | --: | --: | --: | --: |\n'
# MISS_ROUNDS (default 5) rounds, service and PostgreSQL in turn, so that both meet the same
# moments of a shared machine; the last column of the summary row is the median of the rounds' ratios
for kind in series page; do
  ratios=()
  for round in $(seq 1 "${MISS_ROUNDS:-5}"); do
    read -r s50 sp50 sp99 <<< "$(run "http://localhost:$MISS_PORT" "$WORK/$kind.txt")"
    pg=$(pgbench_tps "$WORK/pg-$kind.sql")
    ratio=$(python3 -c "print(f'{$s50 / $pg:.2f}')")
    ratios+=("$ratio")
    printf '| %s, miss, round %s | %s | %s | %s | %s | %s |\n' "$kind" "$round" "$s50" "$sp50" "$sp99" "$pg" "$ratio"
  done
  printf '| %s, miss, median | | | | | %s |\n' "$kind" "$(printf '%s\n' "${ratios[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR + 1) / 2)]}')"
done

echo
echo "just after a change: one observation of the first sampled series' indicator changes, then each sampled series is asked for once"
CHANGED=$(head -1 "$WORK/series.txt" | sed -E 's|.*/indicators/([^/]+)/.*|\1|')
misses() { curl -fsS "http://localhost:$PORT/q/metrics" | awk '/^cache_gets_total\{cache="rendered_answers",result="miss"/ {print int($2)}'; }
while read -r url; do curl -fsS -o /dev/null "http://localhost:$PORT$url"; done < "$WORK/series.txt"
m0=$(misses)
curl -fsS -o /dev/null -X POST "$B/observation-imports?reason=benchmark" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: text/csv' \
  --data-binary "indicatorId,periodCode,category,department,qualifier,value,status,sourceId,quote
$CHANGED,2030-Q1,beleid,d00,exact,$(date +%s),final,antwoorden-so-functioneren-rijksdienst-2026,Benchmarkrij"
sleep 1
m1=$(misses)
while read -r url; do curl -fsS -o /dev/null "http://localhost:$PORT$url"; done < "$WORK/series.txt"
m2=$(misses)
echo "$SAMPLE sampled series after a change of $CHANGED ($(grep -c "/$CHANGED/" "$WORK/series.txt") of them its own): $((m2 - m1)) rendered anew, $((SAMPLE - (m2 - m1))) from memory (rendered anew before the change: $((m1 - m0)))"

echo "other reads while $EXPORTERS connections download whole CSVs one after another (the series, served from memory)"
read -r q50 qp50 qp99 <<< "$(run "http://localhost:$PORT" "$WORK/series.txt")"
# with credentials, so that each export is rendered and streamed rather than served from memory
wrk -t1 -c"$EXPORTERS" -d"$(( ${DURATION%s} + 4 ))s" -H "Authorization: Bearer $TOKEN" -s "$WORK/random.lua" "http://localhost:$PORT" -- "$WORK/download.txt" \
  > "$WORK/exporters.txt" &
EXPORTERS_PID=$!
sleep 2
read -r b50 bp50 bp99 <<< "$(run "http://localhost:$PORT" "$WORK/series.txt")"
wait $EXPORTERS_PID || true
exports=$(awk '/Requests\/sec/ {print $2}' "$WORK/exporters.txt")
printf '| series 200 | req/s | p50 | p99 |\n| --- | --: | --: | --: |\n| alone | %s | %s | %s |\n| during exports | %s | %s | %s |\n' "$q50" "$qp50" "$qp99" "$b50" "$bp50" "$bp99"
echo "whole CSVs downloaded meanwhile: $exports per second, $(awk '/Non-2xx/ {n = $5} END {print n + 0}' "$WORK/exporters.txt") of them not 200"
