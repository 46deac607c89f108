#!/usr/bin/env bash
# Endorse as a cluster on this machine, and the checks that it behaves as one (PostgreSQL only: SQLite serves one node).
#
#   scripts/cluster-check.sh [--no-build] [--keep]
#
# Starts, all on 127.0.0.1 and on free ports:
#   - a throw-away PostgreSQL cluster (Debian's postgresql package),
#   - two Endorse nodes (A, then B once A has loaded the demo data) with the settings of deploy/systemd/*.env:
#     one database, one shared file folder, an outbox folder each,
#   - nginx (Debian's nginx package) in front of them with deploy/nginx/endorse.conf (ports substituted),
# then runs tests/Endorse.ClusterCheck against them (see that program for the checks), and stops everything it
# started. The last line is "Cluster check: N passed, N failed"; the exit code is non-zero when a check failed.
# --keep leaves the folder with the logs ($work) in place.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

build=1
keep=0
for arg in "$@"; do
  case "$arg" in
    --no-build) build=0 ;;
    --keep) keep=1 ;;
    *) echo "usage: $0 [--no-build] [--keep]" >&2; exit 2 ;;
  esac
done

say() { printf '\n==> %s\n' "$*"; }

pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [ -z "$pg_bin" ] || ! command -v nginx >/dev/null 2>&1 && [ ! -x /usr/sbin/nginx ]; then
  if [ "$(id -u)" -eq 0 ]; then
    say "Installing PostgreSQL and nginx from Debian's packages"
    export DEBIAN_FRONTEND=noninteractive
    apt-get install -y --no-install-recommends postgresql nginx-light >/dev/null 2>&1 \
      || { apt-get update >/dev/null && apt-get install -y --no-install-recommends postgresql nginx-light >/dev/null; } \
      || apt-get install -y --no-install-recommends postgresql nginx >/dev/null
    pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  else
    echo "PostgreSQL and nginx are needed: apt-get install postgresql nginx" >&2
    exit 1
  fi
fi
nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

work=$(mktemp -d /tmp/endorse-cluster.XXXXXX)
chmod 755 "$work"
pids=()
as_pg() { if [ "$(id -u)" -eq 0 ]; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi; }

cleanup() {
  set +e
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null; done
  [ -f "$work/nginx/nginx.pid" ] && "$nginx_bin" -p "$work/nginx" -c "$work/nginx/nginx.conf" -s stop 2>/dev/null
  [ -f "$work/pg/data/postmaster.pid" ] && as_pg "$pg_bin/pg_ctl" -D "$work/pg/data" -m immediate -w stop >/dev/null 2>&1
  if [ "$keep" -eq 1 ]; then echo "Logs and data kept in $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

if [ "$build" -eq 1 ]; then
  say "Building (Release)"
  dotnet build src/Endorse.Web -c Release -nologo -v quiet >/dev/null
  dotnet build tests/Endorse.ClusterCheck -c Release -nologo -v quiet >/dev/null
fi
web_dll="$PWD/src/Endorse.Web/bin/Release/net10.0/Endorse.Web.dll"
check_dll="$PWD/tests/Endorse.ClusterCheck/bin/Release/net10.0/Endorse.ClusterCheck.dll"

say "PostgreSQL"
mkdir -p "$work/pg"
[ "$(id -u)" -eq 0 ] && chown postgres: "$work/pg"
pg_port=$(free_port)
as_pg "$pg_bin/initdb" -D "$work/pg/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$work/pg/initdb.log" 2>&1
as_pg "$pg_bin/pg_ctl" -D "$work/pg/data" -l "$work/pg/postgres.log" -w -t 60 start \
  -o "-c listen_addresses=127.0.0.1 -p $pg_port -c unix_socket_directories=$work/pg -c max_connections=200" >/dev/null
as_pg "$pg_bin/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -q -c "CREATE DATABASE endorse" >/dev/null
database="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=endorse;Maximum Pool Size=40"
echo "PostgreSQL on 127.0.0.1:$pg_port"

port_a=$(free_port)
port_b=$(free_port)
proxy_port=$(free_port)
mkdir -p "$work/files" "$work/a/outbox" "$work/b/outbox"

# The settings of deploy/systemd/common.env and a.env / b.env, with this machine's ports and folders.
start_node() { # start_node NAME PORT
  local name=$1 port=$2
  (
    export ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="http://127.0.0.1:$port"
    export Database__Provider=Postgres ConnectionStrings__Endorse="$database"
    export Storage__Folder="$work/files" Mail__OutboxFolder="$work/$name/outbox" Mail__BaseUrl="http://127.0.0.1:$proxy_port"
    export Matching__RefreshSeconds=2 Auth__TokenCacheSeconds=5 Scheduler__MailIntervalSeconds=3
    export Logging__LogLevel__Default=Information
    cd "$(dirname "$web_dll")"
    exec dotnet "$web_dll"
  ) >"$work/$name/node.log" 2>&1 &
  local pid=$!
  pids+=("$pid")
  echo "$pid" >"$work/$name/node.pid"
  for _ in $(seq 1 600); do
    if curl -fsS "http://127.0.0.1:$port/health/live" >/dev/null 2>&1; then
      echo "node $name (pid $pid) on 127.0.0.1:$port"
      return 0
    fi
    if ! kill -0 "$pid" 2>/dev/null; then tail -n 40 "$work/$name/node.log"; echo "node $name exited" >&2; return 1; fi
    sleep 0.5
  done
  echo "node $name did not answer in 5 minutes" >&2
  tail -n 40 "$work/$name/node.log"
  return 1
}

say "Endorse nodes"
start_node a "$port_a"   # migrates and loads the demo data on this first start
start_node b "$port_b"

say "nginx"
mkdir -p "$work/nginx/logs" "$work/nginx/body" "$work/nginx/proxy" "$work/nginx/fastcgi" "$work/nginx/uwsgi" "$work/nginx/scgi"
chmod 777 "$work/nginx/body" "$work/nginx/proxy" "$work/nginx/fastcgi" "$work/nginx/uwsgi" "$work/nginx/scgi"
sed -e "s/127.0.0.1:5101/127.0.0.1:$port_a/" -e "s/127.0.0.1:5102/127.0.0.1:$port_b/" -e "s/listen 127.0.0.1:8080;/listen 127.0.0.1:$proxy_port;/" \
  deploy/nginx/endorse.conf >"$work/nginx/endorse.conf"
cat >"$work/nginx/nginx.conf" <<EOF
worker_processes 1;
pid $work/nginx/nginx.pid;
error_log $work/nginx/logs/error.log warn;
events { worker_connections 1024; }
http {
  access_log $work/nginx/logs/access.log;
  client_body_temp_path $work/nginx/body;
  proxy_temp_path $work/nginx/proxy;
  fastcgi_temp_path $work/nginx/fastcgi;
  uwsgi_temp_path $work/nginx/uwsgi;
  scgi_temp_path $work/nginx/scgi;
  include $work/nginx/endorse.conf;
}
EOF
"$nginx_bin" -p "$work/nginx" -c "$work/nginx/nginx.conf"
for _ in $(seq 1 50); do curl -fsS "http://127.0.0.1:$proxy_port/nginx-health" >/dev/null 2>&1 && break; sleep 0.2; done
echo "nginx on 127.0.0.1:$proxy_port -> $port_a, $port_b"

say "Checks"
set +e
dotnet "$check_dll" \
  --postgres "Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=endorse" \
  --node-a "http://127.0.0.1:$port_a" --node-b "http://127.0.0.1:$port_b" --proxy "http://127.0.0.1:$proxy_port" \
  --pid-a "$work/a/node.pid" --log-b "$work/b/node.log" --outbox-a "$work/a/outbox" --outbox-b "$work/b/outbox" \
  --refresh-seconds 2 --mail-interval-seconds 3
code=$?
set -e
if [ "$code" -ne 0 ]; then
  echo "Node logs: $work/a/node.log $work/b/node.log (kept)"
  keep=1
fi
exit "$code"
