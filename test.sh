#!/usr/bin/env bash
# The one test command. On a fresh Debian machine with the .NET SDK it installs what the tests need
# (PostgreSQL, Chromium and npm from Debian's packages; axe-core from the npm registry), starts a throw-away PostgreSQL cluster on a free
# local port, builds once, checks formatting, and runs every suite: unit, integration (SQLite and
# PostgreSQL) and browser tests. It never stops at the first failing suite. The last line is always
#   Tests: N passed, N failed, N skipped
# and the exit code is non-zero when anything failed or a suite did not run.
set -uo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")"
started=$SECONDS
suites=(tests/Endorse.Tests tests/Endorse.IntegrationTests tests/Endorse.BrowserTests)
problems=()
passed=0
failed=0
skipped=0

say() { printf '\n==> %s\n' "$*"; }

summary() {
  local code=$1
  say "Finished in $(( (SECONDS - started) / 60 ))m $(( (SECONDS - started) % 60 ))s"
  if [ ${#problems[@]} -gt 0 ]; then
    echo "Problems:"
    printf '  - %s\n' "${problems[@]}"
    [ "$code" -eq 0 ] && code=1
  fi
  echo "Tests: $passed passed, $failed failed, $skipped skipped"
  exit "$code"
}

# --- 1. What the tests need from Debian -----------------------------------------------------------------
postgres_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

if [ -z "$(postgres_bin)" ] || [ ! -x "$(postgres_bin)/postgres" ] || [ ! -x /usr/bin/chromium ]; then
  say "Installing PostgreSQL and Chromium from Debian's packages"
  if [ "$(id -u)" -ne 0 ]; then
    problems+=("PostgreSQL or Chromium is missing and this is not root: run 'apt-get install -y postgresql chromium' as root")
    summary 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  if ! apt-get install -y --no-install-recommends postgresql chromium; then
    apt-get update && apt-get install -y --no-install-recommends postgresql chromium \
      || { problems+=("apt-get install postgresql chromium failed"); summary 1; }
  fi
fi
PG_BIN=$(postgres_bin)

# curl, with which scripts/check-api-client.sh (step 5) waits for the app it starts, from Debian's packages when missing.
if ! command -v curl >/dev/null 2>&1 && [ "$(id -u)" -eq 0 ]; then
  say "Installing curl from Debian's packages"
  apt-get install -y --no-install-recommends curl || { apt-get update && apt-get install -y --no-install-recommends curl; } \
    || problems+=("apt-get install curl failed")
fi

# npm, to install axe-core for the browser tests (step 3b), from Debian's packages when it is missing.
if ! command -v npm >/dev/null 2>&1 && [ "$(id -u)" -eq 0 ]; then
  say "Installing npm from Debian's packages"
  apt-get install -y --no-install-recommends npm || { apt-get update && apt-get install -y --no-install-recommends npm; } \
    || problems+=("apt-get install npm failed")
fi

# --- 2. A throw-away PostgreSQL cluster ----------------------------------------------------------------------
free_port() {
  if command -v python3 >/dev/null 2>&1; then
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()' && return
  fi
  local port
  for _ in $(seq 1 200); do
    port=$(( 20000 + RANDOM % 30000 ))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return; fi
  done
  return 1
}

pg_dir=$(mktemp -d /tmp/endorse-test-pg.XXXXXX)
results=$(mktemp -d /tmp/endorse-test-results.XXXXXX)
as_pg() {
  if [ "$(id -u)" -eq 0 ]; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi
}
stop_postgres() {
  if [ -f "$pg_dir/data/postmaster.pid" ]; then
    as_pg "$PG_BIN/pg_ctl" -D "$pg_dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$pg_dir"
}
trap stop_postgres EXIT
trap 'exit 130' INT TERM

say "Starting a throw-away PostgreSQL cluster"
[ "$(id -u)" -eq 0 ] && chown postgres: "$pg_dir"
pg_port=$(free_port) || { problems+=("no free local port for PostgreSQL"); summary 1; }
if ! as_pg "$PG_BIN/initdb" -D "$pg_dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$pg_dir/initdb.log" 2>&1; then
  cat "$pg_dir/initdb.log"
  problems+=("initdb failed")
  summary 1
fi
if ! as_pg "$PG_BIN/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/postgres.log" -w -t 60 start \
    -o "-c listen_addresses=127.0.0.1 -p $pg_port -c unix_socket_directories=$pg_dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" >/dev/null; then
  cat "$pg_dir/postgres.log"
  problems+=("PostgreSQL did not start")
  summary 1
fi
export ENDORSE_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=postgres"
echo "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$pg_port (data in $pg_dir)"

# --- 3. Build once, check formatting ---------------------------------------------------------------------
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
say "dotnet tool restore"
dotnet tool restore || problems+=("dotnet tool restore failed")

say "dotnet build Endorse.slnx -c Release"
if ! dotnet build Endorse.slnx -c Release -nologo; then
  problems+=("the build failed: no suite ran")
  summary 1
fi

say "dotnet format --verify-no-changes"
format_started=$SECONDS
if ! dotnet format Endorse.slnx --verify-no-changes --no-restore; then
  problems+=("dotnet format found files to fix: run 'dotnet format Endorse.slnx'")
fi
echo "(format check took $(( SECONDS - format_started ))s)"

export ENDORSE_SCREENSHOTS="$results/screenshots"
# OpenApiLintTests (integration suite) writes the document the app serves here; step 5 builds a Kiota client from it.
export ENDORSE_OPENAPI_OUT="$results/openapi-v1.json"

# axe-core, which the browser tests inject into every page, comes from the npm registry (package-lock.json pins it).
if [ ! -f tests/Endorse.BrowserTests/node_modules/axe-core/axe.min.js ]; then
  say "npm ci (axe-core for the browser tests)"
  if ! command -v npm >/dev/null 2>&1; then
    problems+=("npm is missing: install Debian's npm package (the browser tests need axe-core from the npm registry)")
  elif ! (cd tests/Endorse.BrowserTests && npm ci --no-audit --no-fund); then
    problems+=("npm ci in tests/Endorse.BrowserTests failed: the browser tests cannot run axe-core")
  fi
fi

# Redocly CLI, which OpenApiLintTests (integration suite) runs on /openapi/v1.json, from the npm registry (package-lock.json pins it).
if [ ! -f tools/api-lint/node_modules/@redocly/cli/bin/cli.js ]; then
  say "npm ci (Redocly CLI for the OpenAPI lint)"
  if ! command -v npm >/dev/null 2>&1; then
    problems+=("npm is missing: install Debian's npm package (the OpenAPI lint needs Redocly CLI from the npm registry)")
  elif ! (cd tools/api-lint && npm ci --no-audit --no-fund); then
    problems+=("npm ci in tools/api-lint failed: the OpenAPI lint cannot run")
  fi
fi

# --- 4. Every suite, never stopping at the first failure --------------------------------------------------
counter() { # counter NAME FILE -> the value of the NAME attribute of TRX's <Counters>
  grep -o "<Counters [^>]*" "$2" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]\+' | head -n 1
}

run_suite() { # run_suite SUITE: its tests with a TRX file and the runner's console output
  dotnet test "$1" -c Release --no-build --nologo \
    --logger "trx;LogFileName=$(basename "$1").trx" --logger "console;verbosity=normal" --results-directory "$results"
}

record() { # record NAME EXIT-CODE SECONDS: adds the suite's counts from its TRX to the totals
  local name=$1 code=$2 took=$3 trx="$results/$1.trx"
  if [ ! -f "$trx" ]; then
    problems+=("$name did not run (no test results; dotnet test exited $code)")
    return
  fi
  p=$(counter passed "$trx"); f=$(counter failed "$trx"); e=$(counter error "$trx"); t=$(counter timeout "$trx")
  a=$(counter aborted "$trx"); total=$(counter total "$trx"); executed=$(counter executed "$trx")
  s=$(( ${total:-0} - ${executed:-0} ))
  f=$(( ${f:-0} + ${e:-0} + ${t:-0} + ${a:-0} ))
  passed=$(( passed + ${p:-0} )); failed=$(( failed + f )); skipped=$(( skipped + s ))
  echo "$name: ${p:-0} passed, $f failed, $s skipped in ${took}s"
  if [ "$code" -ne 0 ] && [ "$f" -eq 0 ]; then
    problems+=("$name: dotnet test exited $code")
  elif [ "$f" -gt 0 ]; then
    problems+=("$name: $f failed")
  elif [ "${total:-0}" -eq 0 ]; then
    problems+=("$name: no tests ran")
  fi
}

# The unit tests first; then the browser suite in the background while the integration suite runs (they share nothing
# but the machine: each starts its own apps on free ports), which keeps the whole run within CI's 30 minutes. The browser
# suite's console output is printed after the integration suite's.
say "dotnet test tests/Endorse.Tests"
suite_started=$SECONDS
run_suite tests/Endorse.Tests
record Endorse.Tests $? $(( SECONDS - suite_started ))

say "dotnet test tests/Endorse.BrowserTests (in the background; its output follows the integration tests')"
browser_started=$SECONDS
run_suite tests/Endorse.BrowserTests > "$results/Endorse.BrowserTests.console.log" 2>&1 &
browser_pid=$!

say "dotnet test tests/Endorse.IntegrationTests"
suite_started=$SECONDS
run_suite tests/Endorse.IntegrationTests
record Endorse.IntegrationTests $? $(( SECONDS - suite_started ))

wait "$browser_pid"
browser_code=$?
say "dotnet test tests/Endorse.BrowserTests (its output)"
cat "$results/Endorse.BrowserTests.console.log"
record Endorse.BrowserTests "$browser_code" $(( SECONDS - browser_started ))

# --- 5. A C# client generated from the OpenAPI document with Kiota compiles and works against the started app (about a minute)
say "scripts/check-api-client.sh (Kiota client from /openapi/v1.json, run against Endorse)"
if [ ! -s "$ENDORSE_OPENAPI_OUT" ]; then
  problems+=("the OpenAPI document was not written by OpenApiLintTests: the Kiota client was not checked")
elif ! scripts/check-api-client.sh "$ENDORSE_OPENAPI_OUT"; then
  problems+=("the C# client Kiota generates from /openapi/v1.json does not compile or does not work against Endorse (scripts/check-api-client.sh; its output is above)")
fi

echo
echo "Test results (TRX): $results"
echo "Browser screenshots: $ENDORSE_SCREENSHOTS"
summary 0
