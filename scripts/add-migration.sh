#!/usr/bin/env bash
# Adds a migration with the same name to both providers' migrations projects:
#   scripts/add-migration.sh AddAdvocates
set -euo pipefail
name=${1:?usage: scripts/add-migration.sh MigrationName}
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
for provider in Sqlite Postgres; do
  dotnet ef migrations add "$name" \
    --project "src/Endorse.Migrations.$provider" \
    --startup-project "src/Endorse.Migrations.$provider" \
    --context EndorseDbContext --output-dir Migrations
done
