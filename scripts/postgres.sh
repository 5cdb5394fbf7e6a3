#!/usr/bin/env bash
# A throwaway PostgreSQL server on loopback, for tests and CI.
#   eval "$(scripts/postgres.sh start)"   → exports TEST_POSTGRES_URL and OTM_PG_DIR
#   scripts/postgres.sh stop "$OTM_PG_DIR"
# initdb refuses to run as root, so as root the cluster belongs to the `postgres` system user.
set -euo pipefail

find_bin() {
  local name=$1
  for dir in /usr/lib/postgresql/*/bin /usr/local/bin /usr/bin; do
    if [ -x "$dir/$name" ]; then echo "$dir/$name"; return 0; fi
  done
  command -v "$name" || return 1
}

as_owner() {
  if [ "$(id -u)" = "0" ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "${1:-}" in
  start)
    initdb=$(find_bin initdb) || { echo "initdb not found: apt-get install -y postgresql" >&2; exit 1; }
    pg_ctl=$(find_bin pg_ctl)
    dir=$(mktemp -d /tmp/otm-pg.XXXXXX)
    chmod 755 "$dir"
    if [ "$(id -u)" = "0" ]; then chown postgres "$dir"; fi
    port=$(node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
    as_owner "$initdb" -D "$dir/data" -A trust -U otm -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
      || as_owner "$initdb" -D "$dir/data" -A trust -U otm -E UTF8 >"$dir/initdb.log" 2>&1
    as_owner "$pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300 -c shared_buffers=128MB" start >/dev/null
    echo "export TEST_POSTGRES_URL=postgres://otm@127.0.0.1:$port/postgres"
    echo "export OTM_PG_DIR=$dir"
    ;;
  stop)
    dir=${2:-${OTM_PG_DIR:-}}
    [ -n "$dir" ] && [ -d "$dir/data" ] || exit 0
    pg_ctl=$(find_bin pg_ctl)
    as_owner "$pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
    rm -rf "$dir"
    ;;
  *)
    echo "usage: $0 start | stop DIR" >&2
    exit 2
    ;;
esac
