#!/bin/bash
# What a remote SPARQL store costs, against the embedded store as the baseline, in one run:
# REST and SPARQL read throughput/latency (wrk) and sequential write latency (curl), for
#   embedded      virtkg serve --mem
#   remote        virtkg serve --store-url <Fuseki>                        (every read checks the version)
#   remote-200ms  virtkg serve --store-url <Fuseki> --store-staleness 200  (a check serves reads for 200 ms)
# The Fuseki server is the standalone jar the build copies to target/fuseki/ (./virtkg test, or
# ./mvnw process-test-resources), over TDB2 in a temp dir, on loopback.
#
#   bench/remote-store.sh                     # 8 s per endpoint, 2 threads, 16 connections, 40 writes
#   DURATION=5s CONNECTIONS=32 WRITES=100 bench/remote-store.sh
set -euo pipefail

HOME_DIR=$(cd "$(dirname "$0")/.." && pwd)
DURATION=${DURATION:-8s}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-16}
WRITES=${WRITES:-40}
WORK=$(mktemp -d)
PIDS=()

command -v wrk >/dev/null || { echo "wrk not found (Debian: apt-get install -y wrk)" >&2; exit 1; }
. "$HOME_DIR/bench/lib.sh"

cleanup() {
    for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
    for p in "${PIDS[@]}"; do wait "$p" 2>/dev/null || true; done
    rm -rf "$WORK"
}
trap cleanup EXIT INT TERM

start_fuseki 13030 "$WORK/fuseki"
PIDS+=("$FUSEKI_PID")
wait_for "http://127.0.0.1:13030/ds?query=ASK%7B%7D" "$WORK/fuseki/fuseki.log"
STORE=http://127.0.0.1:13030/ds

export VIRTKG_EDITOR_TOKEN=bench-editor VIRTKG_ADMIN_TOKEN=bench-admin
start() { # name port args...
    local name=$1 port=$2
    shift 2
    "$HOME_DIR/virtkg" serve --host 127.0.0.1 --port "$port" --max-queries-per-client 256 "$@" >"$WORK/$name.log" 2>&1 &
    PIDS+=($!)
    wait_for "http://127.0.0.1:$port/api/health" "$WORK/$name.log"
}
start embedded 18091 --mem
start remote 18092 --store-url "$STORE"
start remote-200ms 18093 --store-url "$STORE" --store-staleness 200

enc() { python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1], safe=""))' "$1"; }
Q_COMPAT=$(enc "PREFIX vkg: <https://w3id.org/virtkg/ontology#> PREFIX id: <https://w3id.org/virtkg/id/> ASK { id:OpenStack vkg:supports id:KVM }")

read_bench() { # label path [accept]
    local accept=${3:-application/json}
    for inst in embedded:18091 remote:18092 remote-200ms:18093; do
        local name=${inst%%:*} url="http://127.0.0.1:${inst##*:}$2"
        wrk -t1 -c1 -d2s -H "Accept: $accept" "$url" >/dev/null
        local out rps p50 p99 errs
        out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -H "Accept: $accept" "$url")
        rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
        p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
        p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
        errs=$(awk '/Non-2xx/ {print $NF}' <<<"$out")
        [ "$name" = embedded ] && BASE_RPS=$rps
        printf '| %s | %s | %s | %s | %s | %s | %s |\n' "$1" "$name" "$rps" \
            "$(python3 -c "print(f'{$rps / $BASE_RPS:.2f}')")" "$p50" "$p99" "${errs:-0}"
    done
}

write_bench() { # name port
    local port=$2 times=()
    for i in $(seq 1 "$WRITES"); do
        times+=("$(curl -s -o /dev/null -w '%{http_code} %{time_total}' -X POST "http://127.0.0.1:$port/api/products" \
            -H "Authorization: Bearer $VIRTKG_EDITOR_TOKEN" -H 'Content-Type: application/json' \
            -d "{\"kind\": \"Hypervisor\", \"id\": \"Bench$1$i\", \"label\": \"Bench $i\", \"basedOn\": [\"KVM\"], \"hostOS\": [\"Linux\"], \"platforms\": [\"OpenNebula\"]}")")
    done
    printf '%s\n' "${times[@]}" | python3 -c '
import sys, statistics
rows = [l.split() for l in sys.stdin if l.strip()]
ok = [float(t) * 1000 for c, t in rows if c == "201"]
ok.sort()
p95 = ok[max(0, int(len(ok) * 0.95) - 1)]
print(f"| {sys.argv[1]} | {len(ok)}/{len(rows)} | {statistics.median(ok):.1f} ms | {p95:.1f} ms |")' "$1"
}

echo "bench/remote-store.sh: wrk -t$THREADS -c$CONNECTIONS -d$DURATION, $WRITES sequential writes, loopback Fuseki (TDB2), $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ)"
echo
echo "| Read | Store | Requests/s | vs embedded | p50 | p99 | non-2xx |"
echo "|---|---|---:|---:|---:|---:|---:|"
read_bench "GET /api/health (also checks the store)" "/api/health"
read_bench "GET /api/compatibility?technology=KVM&platform=OpenStack" "/api/compatibility?technology=KVM&platform=OpenStack"
read_bench "SPARQL ASK (same question)" "/sparql?query=$Q_COMPAT" "application/sparql-results+json"
echo
echo "| Write: POST /api/products, one at a time | accepted | median | p95 |"
echo "|---|---:|---:|---:|"
write_bench embedded 18091
write_bench remote 18092
echo
# The floor under every remote read and write: one request to the store, alone, from curl.
printf '%s\n' $(for _ in $(seq 1 40); do curl -s -o /dev/null -w '%{time_total}\n' -G "$STORE" \
    --data-urlencode 'query=SELECT ?v { GRAPH <https://w3id.org/virtkg/graph/system> { ?s <https://w3id.org/virtkg/system#version> ?v } }' \
    -H 'Accept: application/sparql-results+json'; done) | python3 -c '
import sys, statistics
t = sorted(float(x) * 1000 for x in sys.stdin if x.strip())
print(f"Store round trip (the version check, alone, curl, 40 times): median {statistics.median(t):.1f} ms, best {t[0]:.1f} ms")'
echo
echo "Start-up of the remote instances (from their logs):"
grep -h "fetched" "$WORK"/remote*.log | sed 's/^/    /'
