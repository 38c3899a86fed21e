# Shared by the bench/*.sh scripts (POSIX sh): source it after setting HOME_DIR to the project.

# wait_for URL LOG [SECONDS]: returns once URL answers 2xx; otherwise names the log and exits 1.
wait_for() {
    _left=${3:-180}
    while [ "$_left" -gt 0 ]; do
        curl -fs "$1" >/dev/null 2>&1 && return 0
        sleep 1
        _left=$((_left - 1))
    done
    echo "not ready: $1; see $2" >&2
    exit 1
}

# java21: prints the path of a java of version 21 or newer (Fuseki 6 needs it; virtkg's launcher
# finds its own), looking at JAVA_HOME, PATH and /usr/lib/jvm like the launcher.
java21() {
    for _j in ${JAVA_HOME:+"$JAVA_HOME/bin/java"} $(command -v java || true) /usr/lib/jvm/*/bin/java; do
        _v=$("$_j" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p')
        if [ -n "$_v" ] && [ "$_v" -ge 21 ]; then
            echo "$_j"
            return 0
        fi
    done
    echo "no Java 21+ found for Fuseki" >&2
    exit 1
}

# start_fuseki PORT DIR: the standalone Fuseki server (the jar the build copies to target/fuseki/,
# fetched here when missing) with one TDB2 dataset /ds in DIR, on loopback, in the background:
# its pid goes into FUSEKI_PID (register it for clean-up before waiting), its log into DIR/fuseki.log.
# It serves http://127.0.0.1:PORT/ds; wait for it with: wait_for "…/ds?query=ASK%7B%7D" DIR/fuseki.log
start_fuseki() {
    _jar=$HOME_DIR/target/fuseki/jena-fuseki-server.jar
    [ -f "$_jar" ] || (cd "$HOME_DIR" && ./mvnw -B -q process-test-resources)
    _java=$(java21)
    mkdir -p "$2/db"
    FUSEKI_BASE=$2 "$_java" -Xmx1g -jar "$_jar" --localhost --port "$1" --update --tdb2 --loc "$2/db" /ds \
        >"$2/fuseki.log" 2>&1 &
    FUSEKI_PID=$!
}
