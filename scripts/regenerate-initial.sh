#!/usr/bin/env bash
# Before the first release the schema is one migration, "Initial", regenerated when the model changes.
# It keeps the fixed id 20261123000000_Initial so hand-written migrations (the Quartz tables) sort after it.
set -euo pipefail
cd "$(dirname "$0")/.."
for provider in Sqlite Postgres; do
  dir="src/Endorse.Migrations.$provider/Migrations"
  find "$dir" -name '*_Initial*.cs' -delete 2>/dev/null || true
  rm -f "$dir/EndorseDbContextModelSnapshot.cs"
done
scripts/add-migration.sh Initial
for provider in Sqlite Postgres; do
  dir="src/Endorse.Migrations.$provider/Migrations"
  for f in "$dir"/*_Initial.cs "$dir"/*_Initial.Designer.cs; do
    base=$(basename "$f"); stamp=${base%%_*}
    [ "$stamp" = "20261123000000" ] && continue
    sed -i "s/${stamp}_Initial/20261123000000_Initial/g" "$f"
    mv "$f" "$dir/20261123000000_${base#*_}"
  done
done
