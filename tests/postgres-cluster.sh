# A private PostgreSQL cluster on 127.0.0.1 from Debian's packages, for scripts that run as root (sourced by .ci/run,
# tests/deploy/replicas.sh and tests/load/common.sh): initdb and pg_ctl run as the postgres user, trust authentication,
# superuser postgres, encoding UTF8, locale C.UTF-8.

# pg_cluster_start DIR PORT_FROM [NAME=VALUE…]: installs the postgresql package when it is missing, creates a cluster in
# DIR/data (DIR is made and given to postgres: its parents must let postgres through) and starts it on the first free port
# from PORT_FROM, its socket in DIR and its log in DIR/log, with each NAME=VALUE as a server setting (`-c`). Sets PG_BIN
# (the server's bin folder) and PG_PORT. Callers stop it with pg_cluster_stop DIR.
pg_cluster_start() {
  local dir=$1 from=$2 settings="" setting port
  shift 2
  for setting in "$@"; do settings+=" -c $setting"; done
  if ! compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null; then
    apt-get update -qq && apt-get install -y -qq postgresql >/dev/null
  fi
  PG_BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  PG_PORT=""
  for port in $(seq "$from" $((from + 100))); do
    if ! (echo >"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then PG_PORT=$port; break; fi
  done
  [[ -n $PG_PORT ]] || { echo "no free port for PostgreSQL from $from" >&2; return 1; }
  mkdir -p "$dir" && chown postgres "$dir"
  su postgres -c "$PG_BIN/initdb -D $dir/data -A trust -U postgres --encoding=UTF8 --locale=C.UTF-8" >/dev/null
  su postgres -c "$PG_BIN/pg_ctl -D $dir/data -l $dir/log -w start -o '-h 127.0.0.1 -p $PG_PORT -k $dir$settings'" >/dev/null
}

# pg_cluster_stop DIR: stops the cluster in DIR (fast shutdown: sessions are ended), if it runs.
pg_cluster_stop() {
  [[ -n ${PG_BIN:-} ]] || return 0
  su postgres -c "$PG_BIN/pg_ctl -D $1/data -m fast -w stop" >/dev/null 2>&1 || true
}
