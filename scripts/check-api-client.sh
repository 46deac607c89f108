#!/usr/bin/env bash
# Generates a C# client for the API with Kiota (dotnet tool, dotnet-tools.json) from the OpenAPI document the real
# app serves, into a temporary folder with a minimal project on the Microsoft.Kiota.* packages, and builds it.
# Exits non-zero when the generation or the build fails. test.sh runs it after the suites (about 30 s).
#
#   scripts/check-api-client.sh [openapi.json]
#
# Without an argument the document comes from the running app in the integration tests (OpenApiLintTests writes it to
# $ENDORSE_OPENAPI_OUT), so tests/Endorse.IntegrationTests must be built (dotnet build Endorse.slnx -c Release).
# Set KEEP=1 to keep the generated client (its folder is printed).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
work=$(mktemp -d /tmp/endorse-api-client.XXXXXX)
[ "${KEEP:-0}" = 1 ] || trap 'rm -rf "$work"' EXIT

document=${1:-}
if [ -z "$document" ]; then
  document="$work/v1.json"
  echo "==> Fetching /openapi/v1.json from the app (OpenApiLintTests)"
  ENDORSE_OPENAPI_OUT="$document" dotnet test tests/Endorse.IntegrationTests -c Release --no-build --nologo \
    --filter "FullyQualifiedName~OpenApiLintTests" >"$work/fetch.log" 2>&1 || true
  if [ ! -s "$document" ]; then
    cat "$work/fetch.log"
    echo "The OpenAPI document was not written: build the solution first (dotnet build Endorse.slnx -c Release)." >&2
    exit 1
  fi
fi

echo "==> kiota generate (C#)"
dotnet tool restore >/dev/null
export KIOTA_OFFLINE_ENABLED=true # Kiota does not look for a newer version on GitHub (offline builds)
dotnet kiota generate --language CSharp --openapi "$document" --output "$work/client/Generated" \
  --class-name EndorseClient --namespace-name Endorse.Client --clean-output --exclude-backward-compatible \
  --log-level Warning

cat >"$work/client/Endorse.Client.csproj" <<'EOF'
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
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
# The repository's global.json pins the SDK; the client is built with the same one.
cp "$root/global.json" "$work/client/"

echo "==> dotnet build the generated client"
files=$(find "$work/client/Generated" -name '*.cs' | wc -l)
dotnet build "$work/client/Endorse.Client.csproj" -c Release -nologo -clp:ErrorsOnly
echo "The generated client ($files files) compiles.${KEEP:+ It is in $work/client.}"
