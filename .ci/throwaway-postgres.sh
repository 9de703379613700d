# Sourced by .ci/run: a throwaway PostgreSQL for the test suites, on 127.0.0.1 only.
#   start_throwaway_postgres   installs Debian's postgresql when missing (as root), creates a
#                              cluster in a temporary folder on a free port, creates a
#                              database and exports TEST_DATABASE_URL
#   stop_throwaway_postgres    stops it and deletes the folder (safe to call twice)
# initdb into a temporary folder rather than pg_createcluster: nothing is left in
# /etc/postgresql, and the cluster is gone with its folder even if a run is killed.

PROMPTLY_PG_DIR=""
PROMPTLY_PG_BIN=""

_pg_as_owner() {
  # initdb and postgres refuse to run as root: run them as the postgres user then.
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

_pg_find_bin() {
  PROMPTLY_PG_BIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
  [ -n "$PROMPTLY_PG_BIN" ] && [ -x "$PROMPTLY_PG_BIN/initdb" ]
}

_pg_port_free() {
  ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

start_throwaway_postgres() {
  if ! _pg_find_bin; then
    if [ "$(id -u)" != 0 ]; then
      echo "✖ PostgreSQL is not installed (apt-get install postgresql, as root)" >&2
      return 1
    fi
    echo "▶ installing Debian's postgresql with apt"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq &&
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null || return 1
    _pg_find_bin || return 1
  fi
  local port=5499
  while ! _pg_port_free "$port"; do port=$((port + 1)); done
  PROMPTLY_PG_DIR="$(mktemp -d /tmp/promptly-ci-pg.XXXXXX)"
  [ "$(id -u)" = 0 ] && chown postgres:postgres "$PROMPTLY_PG_DIR"
  echo "▶ throwaway PostgreSQL ($PROMPTLY_PG_BIN) on 127.0.0.1:$port in $PROMPTLY_PG_DIR"
  _pg_as_owner "$PROMPTLY_PG_BIN/initdb" -D "$PROMPTLY_PG_DIR/data" -U postgres --auth=trust -E UTF8 >/dev/null || return 1
  # Durability off: the data dies with the run, and fsyncs would only slow the suites down.
  _pg_as_owner "$PROMPTLY_PG_BIN/pg_ctl" -D "$PROMPTLY_PG_DIR/data" -l "$PROMPTLY_PG_DIR/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $PROMPTLY_PG_DIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
    start >/dev/null || { cat "$PROMPTLY_PG_DIR/server.log" >&2; return 1; }
  _pg_as_owner "$PROMPTLY_PG_BIN/createdb" -h 127.0.0.1 -p "$port" -U postgres promptly_ci || return 1
  export TEST_DATABASE_URL="postgresql://postgres@127.0.0.1:$port/promptly_ci"
}

stop_throwaway_postgres() {
  [ -n "$PROMPTLY_PG_DIR" ] || return 0
  _pg_as_owner "$PROMPTLY_PG_BIN/pg_ctl" -D "$PROMPTLY_PG_DIR/data" -m immediate -w stop >/dev/null 2>&1
  rm -rf "$PROMPTLY_PG_DIR"
  PROMPTLY_PG_DIR=""
}
