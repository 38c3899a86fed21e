#!/bin/sh
# REST API throughput with wrk, against the equivalent SPARQL on /sparql and /api/health,
# all in one run on loopback. Starts its own server (a throwaway store, serve --mem, shipped data) and
# stops it by pid afterwards.
#
#   bench/rest-wrk.sh                 # 10 s per endpoint, 2 threads, 8 connections
#   DURATION=5s CONNECTIONS=16 bench/rest-wrk.sh
set -eu

HOME_DIR=$(cd "$(dirname "$0")/.." && pwd)
. "$HOME_DIR/bench/lib.sh"
PORT=${PORT:-18080}
DURATION=${DURATION:-10s}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-8}
BASE="http://127.0.0.1:$PORT"

command -v wrk >/dev/null || { echo "wrk not found (Debian: apt-get install -y wrk)" >&2; exit 1; }

# All wrk connections share one address: lift the per-client query cap so SPARQL is measured, not refused.
"$HOME_DIR/virtkg" serve --mem --host 127.0.0.1 --port "$PORT" --max-queries-per-client 256 >/tmp/virtkg-bench.log 2>&1 &
SERVER=$!
trap 'kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true' EXIT INT TERM
wait_for "$BASE/api/health" /tmp/virtkg-bench.log 120

enc() { python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1], safe=""))' "$1"; }
P='PREFIX vkg: <https://w3id.org/virtkg/ontology#> PREFIX id: <https://w3id.org/virtkg/id/> '
Q_COMPAT=$(enc "$P ASK { id:OpenStack vkg:supports id:KVM }")
Q_MATRIX=$(enc "$P SELECT ?t ?p ?s WHERE { ?t a vkg:VirtualizationTechnology . ?p a vkg:CloudPlatform . OPTIONAL { ?p vkg:supports ?t BIND(true AS ?s) } }")
Q_CONTAINER=$(enc "$P SELECT DISTINCT ?p WHERE { ?p vkg:supports ?t . ?t a vkg:ContainerTechnology }")

run() { # name url [accept]
    accept=${3:-application/json}
    # Warm up (JIT, caches), then measure.
    wrk -t1 -c1 -d2s -H "Accept: $accept" "$2" >/dev/null
    out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -H "Accept: $accept" "$2")
    rps=$(printf '%s\n' "$out" | awk '/Requests\/sec/ {print $2}')
    p50=$(printf '%s\n' "$out" | awk '$1 == "50%" {print $2}')
    p99=$(printf '%s\n' "$out" | awk '$1 == "99%" {print $2}')
    errs=$(printf '%s\n' "$out" | awk '/Non-2xx/ {print $NF}')
    printf '| %s | %s | %s | %s | %s |\n' "$1" "$rps" "$p50" "$p99" "${errs:-0}"
}

echo "wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency, loopback, $(nproc) cores, $(date -u +%Y-%m-%d)"
echo
echo "| Request | Requests/s | p50 | p99 | non-2xx |"
echo "|---|---:|---:|---:|---:|"
run "GET /api/health (ceiling)" "$BASE/api/health"
run "GET /api/compatibility?technology=KVM&platform=OpenStack" "$BASE/api/compatibility?technology=KVM&platform=OpenStack"
run "SPARQL ASK (same question)" "$BASE/sparql?query=$Q_COMPAT" "application/sparql-results+json"
run "GET /api/compatibility/matrix" "$BASE/api/compatibility/matrix"
run "SPARQL SELECT (matrix)" "$BASE/sparql?query=$Q_MATRIX" "application/sparql-results+json"
run "GET /api/platforms?supports=ContainerTechnology" "$BASE/api/platforms?supports=ContainerTechnology"
run "SPARQL SELECT (container platforms)" "$BASE/sparql?query=$Q_CONTAINER" "application/sparql-results+json"
