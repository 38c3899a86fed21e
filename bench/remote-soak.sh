#!/bin/bash
# Two virtkg instances over one Fuseki server, each soaked by its own clients at the same time
# (REST reads, SPARQL and product writes). Each soak checks its acknowledged writes on the OTHER
# instance; then both instances must report the same knowledge-base version and triple count.
# Prints the soak reports and the store meters; exits non-zero on any error, lost write or mismatch.
#
#   bench/remote-soak.sh                      # 60 s, 8 clients per instance
#   SECONDS_=30 CLIENTS=16 bench/remote-soak.sh
set -euo pipefail

HOME_DIR=$(cd "$(dirname "$0")/.." && pwd)
CLIENTS=${CLIENTS:-8}
DURATION=${SECONDS_:-60}
WORK=$(mktemp -d)
PIDS=()
TOKEN=soak-$$

. "$HOME_DIR/bench/lib.sh"

cleanup() {
    for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
    for p in "${PIDS[@]}"; do wait "$p" 2>/dev/null || true; done
    rm -rf "$WORK"
}
trap cleanup EXIT INT TERM

start_fuseki 13031 "$WORK/fuseki"
PIDS+=("$FUSEKI_PID")
wait_for "http://127.0.0.1:13031/ds?query=ASK%7B%7D" "$WORK/fuseki/fuseki.log"

for i in 1 2; do
    VIRTKG_JAVA_OPTS=-Xmx768m VIRTKG_ADMIN_TOKEN=$TOKEN "$HOME_DIR/virtkg" serve --host 127.0.0.1 --port "1810$i" \
        --max-queries-per-client 64 --store-url http://127.0.0.1:13031/ds >"$WORK/virtkg-$i.log" 2>&1 &
    PIDS+=($!)
    wait_for "http://127.0.0.1:1810$i/api/health" "$WORK/virtkg-$i.log"
done

echo "bench/remote-soak.sh: 2 instances x $CLIENTS clients for $DURATION s over one loopback Fuseki (TDB2), $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ)"
status=0
"$HOME_DIR/virtkg" bench soak --url http://127.0.0.1:18101 --verify-url http://127.0.0.1:18102 --id-prefix A \
    --token "$TOKEN" --clients "$CLIENTS" --seconds "$DURATION" >"$WORK/soak-1.txt" 2>&1 &
S1=$!
"$HOME_DIR/virtkg" bench soak --url http://127.0.0.1:18102 --verify-url http://127.0.0.1:18101 --id-prefix B \
    --token "$TOKEN" --clients "$CLIENTS" --seconds "$DURATION" >"$WORK/soak-2.txt" 2>&1 &
S2=$!
wait "$S1" || status=1
wait "$S2" || status=1
for i in 1 2; do
    echo
    echo "Instance $i under load (writes checked on the other instance):"
    cat "$WORK/soak-$i.txt"
done

echo
h1=$(curl -fs http://127.0.0.1:18101/api/health)
h2=$(curl -fs http://127.0.0.1:18102/api/health)
python3 - "$h1" "$h2" <<'EOF' || status=1
import json, sys
a, b = (json.loads(x) for x in sys.argv[1:3])
for k in ("knowledgeBaseVersion", "triples"):
    print(f"{k}: instance 1 {a[k]}, instance 2 {b[k]}")
sys.exit(0 if (a["knowledgeBaseVersion"], a["triples"]) == (b["knowledgeBaseVersion"], b["triples"]) else 1)
EOF
echo
echo "Store meters:"
for i in 1 2; do
    curl -fs "http://127.0.0.1:1810$i/metrics" | grep -E '^virtkg_store_(conflicts_total|catchups_total|requests_seconds_count)' \
        | sed "s/^/    instance $i: /"
done
[ "$status" -eq 0 ] && echo "OK: no error, no lost write, both instances agree" || echo "FAILED"
exit "$status"
