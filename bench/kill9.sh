#!/bin/sh
# Durability under concurrency: concurrent writers (curl, product creates) against a server on an
# on-disk store; after a while the server is killed with SIGKILL and restarted on the same store;
# every write that was acknowledged (201) must still be there. A bounded number of rounds.
# Exits non-zero on any lost acknowledged write.
#
#   bench/kill9.sh                         # 5 rounds, 4 writers, kill after ~3 s of writing
#   ROUNDS=10 WRITERS=8 WRITE_SECONDS=5 bench/kill9.sh
set -eu

HOME_DIR=$(cd "$(dirname "$0")/.." && pwd)
. "$HOME_DIR/bench/lib.sh"
PORT=${PORT:-18420}
ROUNDS=${ROUNDS:-5}
WRITERS=${WRITERS:-4}
WRITE_SECONDS=${WRITE_SECONDS:-3}
TOKEN=kill9-$$
WORK=$(mktemp -d /tmp/virtkg-kill9.XXXXXX)
BASE=http://127.0.0.1:$PORT
SERVER=""
trap '[ -n "$SERVER" ] && kill -9 "$SERVER" 2>/dev/null; rm -rf "$WORK"' EXIT INT TERM

start_server() {
    VIRTKG_ADMIN_TOKEN=$TOKEN "$HOME_DIR/virtkg" serve --db "$WORK/db" --host 127.0.0.1 --port "$PORT" \
        >>"$WORK/server.log" 2>&1 &
    SERVER=$! # the launcher execs java: this is the server's pid
    wait_for "$BASE/api/health" "$WORK/server.log"
}

# writer N ROUND: creates products K<round>w<N>n<i> until killed, appending each acknowledged id to acked.
writer() {
    i=0
    while :; do
        id="K$2w$1n$i"
        code=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
            -d "{\"kind\": \"ContainerTechnology\", \"id\": \"$id\", \"label\": \"$id\", \"hostOS\": [\"Linux\"]}" \
            "$BASE/api/products" || true)
        [ "$code" = 201 ] && echo "$id" >>"$WORK/acked.$1"
        [ "$code" = 000 ] && return 0 # the server is gone
        i=$((i + 1))
    done
}

lost=0
total=0
for round in $(seq 1 "$ROUNDS"); do
    start_server
    pids=""
    for w in $(seq 1 "$WRITERS"); do
        writer "$w" "$round" &
        pids="$pids $!"
    done
    sleep "$WRITE_SECONDS"
    kill -9 "$SERVER"
    for p in $pids; do wait "$p" || true; done
    start_server
    for w in $(seq 1 "$WRITERS"); do
        [ -f "$WORK/acked.$w" ] || continue
        while read -r id; do
            total=$((total + 1))
            code=$(curl -s -o /dev/null -w '%{http_code}' "$BASE/api/products/$id")
            if [ "$code" != 200 ]; then
                echo "LOST: $id (HTTP $code after restart)"
                lost=$((lost + 1))
            fi
        done <"$WORK/acked.$w"
    done
    echo "round $round: acknowledged so far $total, lost $lost"
    kill "$SERVER"
    wait "$SERVER" 2>/dev/null || true
    SERVER=""
done
echo "kill9: $ROUNDS rounds, $WRITERS concurrent writers, $total acknowledged writes checked after SIGKILL + restart, lost: $lost"
[ "$lost" -eq 0 ]
