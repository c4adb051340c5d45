#!/usr/bin/env bash
# Intake and case-page throughput against PostgreSQL, and the raw insert rate of the same server for comparison.
# Usage: bench/intake.sh [seconds]   (needs the Debian packages postgresql, wrk; run as root or as a user who can run initdb)
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_RUN="${1:-30}"
PGBIN=/usr/lib/postgresql/15/bin
PGPORT=55432
APPPORT=5099
WORK=$(mktemp -d /tmp/linli-bench-XXXX)
chmod 777 "$WORK"
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

cleanup() {
  [ -n "${APP_PID:-}" ] && kill "$APP_PID" 2>/dev/null || true
  as_postgres "$PGBIN/pg_ctl" -D "$WORK/pg" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT

echo "== PostgreSQL cluster (default durability: fsync and synchronous_commit on)"
as_postgres "$PGBIN/initdb" -D "$WORK/pg" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
as_postgres "$PGBIN/pg_ctl" -D "$WORK/pg" -o "-p $PGPORT -k $WORK -c max_connections=300" -l "$WORK/pg.log" start >/dev/null
CONN="Host=127.0.0.1;Port=$PGPORT;Username=postgres;Database=linli;Maximum Pool Size=100"
"$PGBIN/createdb" -h 127.0.0.1 -p $PGPORT -U postgres linli

echo "== Linli (Release, Production, PostgreSQL)"
dotnet publish src/Linli.Web -c Release -o "$WORK/app" >/dev/null
(cd "$WORK/app" && ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="http://127.0.0.1:$APPPORT" \
  Database__Provider=Postgres ConnectionStrings__Linli="$CONN" Database__SeedDemoWhenEmpty=true \
  RateLimits__ReportsPerMinute=100000000 Open311__ApiKeys__0=bench-key-0123456789 Logging__LogLevel__Default=Warning \
  exec dotnet Linli.Web.dll >"$WORK/app.log" 2>&1) &
APP_PID=$!
for _ in $(seq 1 120); do curl -fs "http://127.0.0.1:$APPPORT/health" >/dev/null && break; sleep 1; done
curl -fs "http://127.0.0.1:$APPPORT/health" >/dev/null || { cat "$WORK/app.log"; exit 1; }

WARMUP=$(curl -s "http://127.0.0.1:$APPPORT/api/v1/cases" -H 'Content-Type: application/json' \
  -d '{"category":"water-leak","description":"warm-up","latitude":29.5301,"longitude":106.5045,"attributes":{"where":"street"}}')
RECEIPT=$(echo "$WARMUP" | python3 -c 'import json,sys; print(json.load(sys.stdin)["receipt"])') || { echo "$WARMUP"; tail -50 "$WORK/app.log"; exit 1; }

run() { echo; echo "== $1"; shift; "$@"; }

# Not measured: 10 s of each intake first, so the runs below see compiled code (the JIT's tiering takes seconds of CPU
# after a start, and the first run used to pay for it).
wrk -t2 -c64 -d10s -s bench/report.lua "http://127.0.0.1:$APPPORT/api/v1/cases" >/dev/null
wrk -t2 -c64 -d10s -s bench/open311.lua "http://127.0.0.1:$APPPORT/open311/v2/requests.json" >/dev/null
echo "== load average before the runs: $(cut -d' ' -f1-3 /proc/loadavg)"
run "POST /api/v1/cases, 64 connections, as fast as it goes" \
  wrk -t2 -c64 -d"${SECONDS_PER_RUN}s" --latency -s bench/report.lua "http://127.0.0.1:$APPPORT/api/v1/cases"
run "POST /api/v1/cases, 64 connections, about 500 reports/s" \
  env WRK_RATE=500 WRK_CONNECTIONS=64 wrk -t2 -c64 -d"${SECONDS_PER_RUN}s" --latency -s bench/report.lua "http://127.0.0.1:$APPPORT/api/v1/cases"
if curl -fs -o /dev/null "http://127.0.0.1:$APPPORT/open311/v2/services.json"; then
  run "POST /open311/v2/requests.json, 64 connections, as fast as it goes" \
    wrk -t2 -c64 -d"${SECONDS_PER_RUN}s" --latency -s bench/open311.lua "http://127.0.0.1:$APPPORT/open311/v2/requests.json"
  run "POST /open311/v2/requests.json, 64 connections, about 500 reports/s" \
    env WRK_RATE=500 WRK_CONNECTIONS=64 wrk -t2 -c64 -d"${SECONDS_PER_RUN}s" --latency -s bench/open311.lua "http://127.0.0.1:$APPPORT/open311/v2/requests.json"
fi
run "GET /api/v1/cases/{receipt}, 64 connections" \
  wrk -t2 -c64 -d"${SECONDS_PER_RUN}s" --latency "http://127.0.0.1:$APPPORT/api/v1/cases/$RECEIPT"

echo "== load average after the runs: $(cut -d' ' -f1-3 /proc/loadavg)"
kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; APP_PID=
echo; echo "== pgbench: one INSERT of a case-like row (same columns and indexes as cases), 64 clients"
"$PGBIN/psql" -h 127.0.0.1 -p $PGPORT -U postgres -d linli -qc 'CREATE TABLE bench_cases (LIKE cases INCLUDING ALL);'
"$PGBIN/pgbench" -h 127.0.0.1 -p $PGPORT -U postgres -n -c 64 -j 2 -T "$SECONDS_PER_RUN" -f bench/insert.sql linli | grep -E "tps|latency|transactions"
