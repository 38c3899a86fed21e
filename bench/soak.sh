#!/bin/sh
# Load and soak: 32 clients mixing REST reads, SPARQL and product writes against a server of its
# own (a fresh on-disk store, shipped data) on loopback, for a bounded time. Prints latencies, errors,
# lost writes and the server's peak RSS; exits non-zero on any error or lost write.
#
#   bench/soak.sh                    # 120 s, 32 clients
#   SECONDS_=30 CLIENTS=16 bench/soak.sh
#   BASELINE=30 SECONDS_=60 bench/soak.sh   # first 30 s without writes: the read-only baseline of the same run
#   RATE=160 BASELINE=30 SECONDS_=60 bench/soak.sh   # 160 requests/s in all on a schedule (16 writes/s), not as fast as answered
#   WARMUP=15 RATE=160 BASELINE=30 SECONDS_=60 bench/soak.sh   # first 15 s uncounted, while the server warms up
#   STORE=mem RATE=160 bench/soak.sh                  # a throwaway store (serve --mem: TDB2 in a temporary directory)
#   WRITES=cycle RATE=160 bench/soak.sh   # each client creates, replaces twice, deletes one product at a time (the size stays near the shipped one)
#   MAX_ACTIVE_READS=8 bench/soak.sh        # the server's bound on reads executing at once (serve --max-active-reads)
set -eu

HOME_DIR=$(cd "$(dirname "$0")/.." && pwd)
. "$HOME_DIR/bench/lib.sh"
PORT=${PORT:-18090}
TOKEN=soak-$$
CLIENTS=${CLIENTS:-32}
DURATION=${SECONDS_:-120}
BASELINE=${BASELINE:-0}

# All clients share one address, so lift the per-client query cap; bound the heap to state a ceiling.
# A fresh on-disk TDB2 store, as served by default (writes are durable, as in production); STORE=mem
# serves a throwaway store instead (serve --mem: TDB2 in a temporary directory, file syncs alike),
# as the issue's own measurements did.
DB=$(mktemp -d /tmp/virtkg-soak-db.XXXXXX)
case ${STORE:-disk} in
    disk) STORE_ARGS="--db $DB" ;;
    mem) STORE_ARGS="--mem" ;;
    *) echo "STORE is disk or mem" >&2; exit 2 ;;
esac
# shellcheck disable=SC2086 # STORE_ARGS is two words on purpose; $DB is a mktemp path without spaces
VIRTKG_JAVA_OPTS=${VIRTKG_JAVA_OPTS:--Xmx768m} VIRTKG_ADMIN_TOKEN=$TOKEN "$HOME_DIR/virtkg" serve $STORE_ARGS --host 127.0.0.1 \
    --port "$PORT" --max-queries-per-client 64 ${MAX_ACTIVE_READS:+--max-active-reads "$MAX_ACTIVE_READS"} >/tmp/virtkg-soak.log 2>&1 &
LAUNCHER=$!
trap 'kill "$LAUNCHER" 2>/dev/null || true; wait "$LAUNCHER" 2>/dev/null || true; rm -rf "$DB"' EXIT INT TERM
wait_for "http://127.0.0.1:$PORT/api/health" /tmp/virtkg-soak.log
# The launcher execs java, so its pid is the server's.
"$HOME_DIR/virtkg" bench soak --url "http://127.0.0.1:$PORT" --token "$TOKEN" \
    --clients "$CLIENTS" --seconds "$DURATION" --baseline-seconds "$BASELINE" --rate "${RATE:-0}" --warmup-seconds "${WARMUP:-0}" --writes "${WRITES:-create}" --pid "$LAUNCHER"
