#!/usr/bin/env bash
# Read throughput of the endpoints dashboards poll, with wrk on loopback.
#
# Method: build the service, start it with a fresh embedded database (the letter's data), warm it
# up, then run wrk for DURATION (default 15 s) with 2 threads and 16 connections against each URL,
# and once more against the scorecard with If-None-Match (the 304 path). Client and service share
# the machine's 2 cores, so absolute numbers are low; compare rows measured in one run.
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${DURATION:-15s}
WORK=$(mktemp -d)
PORT=${PORT:-18081}
B="http://localhost:$PORT/api/v1"

./mvnw -q -B package -DskipTests
KPI_EMBEDDED_POSTGRES_DATA_DIR="$WORK/pg" KPI_AUTH_KEY_DIR="$WORK/keys" \
  java -Dquarkus.http.port=$PORT -jar target/quarkus-app/quarkus-run.jar > "$WORK/service.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true; wait $PID 2>/dev/null || true; rm -rf "$WORK"' EXIT
for _ in $(seq 1 60); do curl -fs "$B/scorecard" > /dev/null 2>&1 && break; sleep 1; done

URLS=("$B/scorecard" "$B/indicators/external-hiring-share/observations" "$B/indicators/external-hiring-share/norm-checks" "$B/indicators")
for url in "${URLS[@]}"; do wrk -t2 -c16 -d5s "$url" > /dev/null; done
for url in "${URLS[@]}"; do
  printf '%-70s ' "${url#$B}"
  wrk -t2 -c16 -d"$DURATION" --latency "$url" | awk '/Requests\/sec/ {rps=$2} /99%/ {p99=$2} /50%/ {p50=$2} END {print rps " req/s, p50 " p50 ", p99 " p99}'
done
ETAG=$(curl -fs -D - -o /dev/null "$B/scorecard" | awk 'tolower($1)=="etag:" {print $2}' | tr -d '\r')
printf '%-70s ' "/scorecard with If-None-Match (304)"
wrk -t2 -c16 -d"$DURATION" --latency -H "If-None-Match: $ETAG" "$B/scorecard" | awk '/Requests\/sec/ {rps=$2} /99%/ {p99=$2} /50%/ {p50=$2} END {print rps " req/s, p50 " p50 ", p99 " p99}'
echo "service resident memory after the run (VmRSS): $(grep VmRSS /proc/$PID/status | awk '{print $2/1024 " MiB"}')"
