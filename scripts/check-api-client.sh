#!/usr/bin/env bash
# Proves that a C# client generated from the OpenAPI document with Kiota compiles and works as is:
#  1. starts the built app (src/Endorse.Web, Release) on 127.0.0.1 with a free port, SQLite and the demo data in a
#     temporary folder;
#  2. generates the client with Kiota (dotnet tool, dotnet-tools.json, offline) into a throw-away project that also
#     holds tools/api-client-check/Program.cs, and builds it;
#  3. creates a personal access token for the demo reference manager with the app's own command
#     (`Endorse.Web token create`), as an operator would for an integration;
#  4. runs the program: it lists, pages and searches accounts, reads one, lists advocates and the request board,
#     submits a request and reads it back, and checks that bad input, a missing record and a wrong token come back as
#     the generated problem-details error types. It exits non-zero on the first wrong answer, saying which.
# The app is stopped and the folder removed on exit. About a minute; test.sh runs it after the suites.
#
#   scripts/check-api-client.sh [openapi.json]
#
# Without an argument the client is generated from the /openapi/v1.json the started app serves; with one (test.sh passes
# the document OpenApiLintTests linted) from that file, while the app starts. Needs `dotnet build Endorse.slnx -c Release`.
# Set KEEP=1 to keep the folder (the client, the app's log and database; its path is printed).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
app_dir="$root/src/Endorse.Web/bin/Release/net10.0"
if [ ! -f "$app_dir/Endorse.Web.dll" ]; then
  echo "The app is not built: run dotnet build Endorse.slnx -c Release first." >&2
  exit 1
fi

work=$(mktemp -d /tmp/endorse-api-client.XXXXXX)
app_pid=""
cleanup() {
  if [ -n "$app_pid" ] && kill -0 "$app_pid" 2>/dev/null; then
    kill "$app_pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$app_pid" 2>/dev/null || break; sleep 0.2; done
    kill -9 "$app_pid" 2>/dev/null || true
  fi
  if [ "${KEEP:-0}" = 1 ]; then echo "Kept: $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM
started=$SECONDS

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

# The settings of the app and of its token command: one SQLite database and folder, production as deployed.
port=$(free_port)
url="http://127.0.0.1:$port/"
export ASPNETCORE_ENVIRONMENT=Production DOTNET_ENVIRONMENT=Production
export PublicBaseUrl="$url" Database__Provider=Sqlite ConnectionStrings__Endorse="Data Source=$work/endorse.db"
export Storage__Folder="$work/files" Mail__OutboxFolder="$work/outbox" Demo__Enabled=true

echo "==> Starting Endorse at $url (SQLite and demo data in $work)"
(cd "$app_dir" && exec env ASPNETCORE_URLS="http://127.0.0.1:$port" dotnet Endorse.Web.dll >"$work/app.log" 2>&1) &
app_pid=$!

wait_ready() {
  local deadline=$(( SECONDS + 120 ))
  until curl -fsS --max-time 5 "${url}health/ready" >/dev/null 2>&1; do
    if ! kill -0 "$app_pid" 2>/dev/null; then
      tail -n 40 "$work/app.log" >&2
      echo "Endorse stopped while starting (its log is above)." >&2
      exit 1
    fi
    if [ $SECONDS -ge $deadline ]; then
      tail -n 40 "$work/app.log" >&2
      echo "Endorse did not become ready within 120 s." >&2
      exit 1
    fi
    sleep 0.5
  done
}

document=${1:-}
if [ -z "$document" ]; then
  wait_ready
  document="$work/v1.json"
  curl -fsS --max-time 30 "${url}openapi/v1.json" -o "$document"
fi

echo "==> kiota generate (C#) from $(basename "$document")"
dotnet tool restore >/dev/null
export KIOTA_OFFLINE_ENABLED=true # Kiota does not look for a newer version on GitHub (offline builds)
timeout 120 dotnet kiota generate --language CSharp --openapi "$document" --output "$work/client/Generated" \
  --class-name EndorseClient --namespace-name Endorse.Client --clean-output --exclude-backward-compatible \
  --log-level Warning

cat >"$work/client/Endorse.Client.csproj" <<'EOF'
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="Microsoft.Kiota.Abstractions" Version="2.1.6" />
    <PackageReference Include="Microsoft.Kiota.Http.HttpClientLibrary" Version="2.1.6" />
    <PackageReference Include="Microsoft.Kiota.Serialization.Form" Version="2.1.6" />
    <PackageReference Include="Microsoft.Kiota.Serialization.Json" Version="2.1.6" />
    <PackageReference Include="Microsoft.Kiota.Serialization.Multipart" Version="2.1.6" />
    <PackageReference Include="Microsoft.Kiota.Serialization.Text" Version="2.1.6" />
  </ItemGroup>
</Project>
EOF
cp "$root/tools/api-client-check/Program.cs" "$work/client/"
# The repository's global.json pins the SDK; the client is built with the same one.
cp "$root/global.json" "$work/client/"

echo "==> dotnet build the generated client"
files=$(find "$work/client/Generated" -name '*.cs' | wc -l)
timeout 300 dotnet build "$work/client/Endorse.Client.csproj" -c Release -nologo -clp:ErrorsOnly -o "$work/client/out"
echo "The generated client ($files files) compiles."

wait_ready
echo "==> A personal access token for the demo reference manager (Endorse.Web token create)"
token=$(cd "$app_dir" && timeout 120 dotnet Endorse.Web.dll token create --email refmanager@demo.endorse.example \
  --name "API client check" --expires-in-days 30 2>"$work/token.log") || { cat "$work/token.log" >&2; exit 1; }

echo "==> The generated client against Endorse"
ENDORSE_URL="$url" ENDORSE_TOKEN="$token" timeout 120 dotnet "$work/client/out/Endorse.Client.dll"
echo "The generated client compiles and works ($(( SECONDS - started )) s)."
