#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for tests and benchmarks (used by .ci/run and bench/run.mjs).
#
#   .ci/postgres.sh start DIR   initdb in DIR, start on a free 127.0.0.1 port, print the admin URL
#   .ci/postgres.sh stop DIR    stop the cluster in DIR (DIR itself is the caller's to remove)
#
# DIR should be empty (from mktemp -d). Run as root, the cluster belongs to the postgres user;
# otherwise to the current user. Durability is switched off: nothing here outlives the run.
set -euo pipefail

die() { echo "postgres.sh: $*" >&2; exit 1; }

bindir() {
  local initdb
  initdb=$(ls -d /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -n 1 || true)
  [[ -n $initdb ]] || die "no PostgreSQL server found (/usr/lib/postgresql/*/bin/initdb); install it with: apt-get install postgresql"
  dirname "$initdb"
}

# Runs a command as the cluster's owner, from inside DIR (postgres may not read the caller's cwd).
as_owner() {
  if [[ $(id -u) -eq 0 ]]; then
    (cd "$dir" && runuser -u postgres -- "$@")
  else
    (cd "$dir" && "$@")
  fi
}

start() {
  local bin port attempt
  bin=$(bindir)
  mkdir -p "$dir/socket"
  if [[ $(id -u) -eq 0 ]]; then chown -R postgres: "$dir"; fi
  as_owner "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 ||
    { cat "$dir/initdb.log" >&2; die "initdb failed"; }
  for attempt in 1 2 3 4 5 6 7 8 9 10; do
    port=$((55000 + RANDOM % 5000))
    if as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 start \
      -o "-p $port -k $dir/socket -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" >/dev/null; then
      break
    fi
    # A taken port is the usual reason; anything else shows in the log and repeats every attempt.
    tail -n 3 "$dir/server.log" >&2 || true
    port=
  done
  [[ -n $port ]] || die "PostgreSQL did not start; see $dir/server.log"
  for attempt in $(seq 1 60); do
    "$bin/pg_isready" -q -h 127.0.0.1 -p "$port" && break
    [[ $attempt -lt 60 ]] || die "PostgreSQL on port $port is not ready after 30 s"
    sleep 0.5
  done
  echo "$port" >"$dir/port"
  echo "postgres://postgres@127.0.0.1:$port/postgres"
}

stop() {
  [[ -f $dir/data/PG_VERSION ]] || return 0
  as_owner "$(bindir)/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
}

[[ $# -eq 2 ]] || die "usage: $0 start|stop DIR"
dir=$(realpath "$2")
case $1 in
  start) start ;;
  stop) stop ;;
  *) die "usage: $0 start|stop DIR" ;;
esac
