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
set -euo pipefail
cd "$(dirname "$0")/.."

INDICATORS=$(( ${INDICATORS:-100} * ${SCALE:-1} ))
QUARTERS=${QUARTERS:-40}
SAMPLE=${SAMPLE:-200}
DURATION=${DURATION:-20s}
CONNECTIONS=${CONNECTIONS:-32}
PORT=${PORT:-18082}
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
python3 - "$INDICATORS" "$QUARTERS" "$WORK" <<'PY'
import json, sys
n, quarters, work = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
cats = ["beleid", "uitvoering", "ondersteuning", "inspectie"]
deps = [f"d{i:02d}" for i in range(12)]
with open(f"{work}/indicators.jsonl", "w") as out:
    for k in range(n):
        out.write(json.dumps({"id": f"bench-{k:04d}", "themeId": "werkgeverschap", "unit": "fte", "kind": "level",
            "label": {"nl": f"Benchmark {k}", "en": f"Benchmark {k}"}, "frequencies": ["quarterly"],
            "dimensions": [{"id": "category", "label": {"nl": "Categorie", "en": "Category"}, "codes": [{"code": c, "label": {"nl": c, "en": c}} for c in cats]},
                           {"id": "department", "label": {"nl": "Ministerie", "en": "Ministry"}, "codes": [{"code": d, "label": {"nl": d, "en": d}} for d in deps]}]}) + "\n")
with open(f"{work}/import.csv", "w") as f:
    f.write("indicatorId,periodCode,category,department,qualifier,value,valueText,status,sourceId,quote\n")
    for k in range(n):
        for c in cats:
            for d in deps:
                for q in range(quarters):
                    v = (k * 31 + q * 7 + len(c) * 3 + int(d[1:])) % 5000
                    f.write(f"bench-{k:04d},{2016 + q // 4}-Q{q % 4 + 1},{c},{d},exact,{v},{v} fte,final,antwoorden-so-functioneren-rijksdienst-2026,Benchmarkrij\n")
PY
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
with open(f"{work}/series.txt", "w") as s, open(f"{work}/page.txt", "w") as p:
    for i in range(sample):
        k = random.randrange(n)
        s.write(f"/api/v1/indicators/bench-{k:04d}/observations?category={random.choice(cats)}&department=d{random.randrange(12):02d}\n")
        p.write(f"/api/v1/indicators/bench-{random.randrange(n):04d}/observations?pageSize=1000\n")
PY
for kind in series page; do
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
for kind in series page; do
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
