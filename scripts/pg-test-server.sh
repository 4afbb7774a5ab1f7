#!/usr/bin/env bash
# A throwaway PostgreSQL server on loopback for the tests (Debian's postgresql package).
#   scripts/pg-test-server.sh start DIR PORT   prints the connection URL when the server is up
#   scripts/pg-test-server.sh stop DIR         stops it and removes DIR
#   scripts/pg-test-server.sh bindir           prints where initdb/pg_ctl are (exit 1: not installed)
# As root (CI) the server runs as the "postgres" user, since PostgreSQL refuses to run as root.
set -euo pipefail

bindir() {
  local d
  for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r) "$(pg_config --bindir 2>/dev/null || true)" /usr/local/bin /usr/bin; do
    if [ -n "$d" ] && [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ]; then echo "$d"; return 0; fi
  done
  return 1
}

as_pg() {
  if [ "$(id -u)" = "0" ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

cmd="${1:-}"
case "$cmd" in
  bindir)
    bindir
    ;;
  start)
    dir="$2"; port="$3"
    bin="$(bindir)" || { echo "PostgreSQL binaries not found (apt-get install postgresql)" >&2; exit 1; }
    mkdir -p "$dir"
    if [ "$(id -u)" = "0" ]; then
      id postgres >/dev/null 2>&1 || { echo "no postgres user to run the server as" >&2; exit 1; }
      chown postgres "$dir"
    fi
    as_pg "$bin/initdb" -D "$dir/data" -A trust -U postgres -E UTF8 --locale=C --no-sync >"$dir/initdb.log" 2>&1 \
      || { cat "$dir/initdb.log" >&2; exit 1; }
    # Durability settings off: a test server is thrown away, and this keeps the suite fast.
    as_pg "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-h 127.0.0.1 -p $port -k $dir -c fsync=off -c full_page_writes=off -c synchronous_commit=off -c max_connections=50" start >/dev/null \
      || { cat "$dir/server.log" >&2; exit 1; }
    echo "postgres://postgres@127.0.0.1:$port/postgres"
    ;;
  stop)
    dir="$2"
    bin="$(bindir)" || exit 0
    if [ -d "$dir/data" ]; then as_pg "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true; fi
    rm -rf "$dir"
    ;;
  *)
    echo "usage: $0 start DIR PORT | stop DIR | bindir" >&2
    exit 2
    ;;
esac
