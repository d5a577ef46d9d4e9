#!/usr/bin/env bash
# Development helper (not run by CI): rebuilds the single "Initial" migration of each provider from the model.
# Only while nothing is deployed; afterwards add migrations with `dotnet ef migrations add` (README).
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
rm -rf src/PeerBot/Data/Migrations
dotnet build src/PeerBot -v q --nologo >/dev/null
dotnet ef migrations add Initial --project src/PeerBot --no-build --context SqlitePeerBotDb --output-dir Data/Migrations/Sqlite
dotnet ef migrations add Initial --project src/PeerBot --no-build --context PostgresPeerBotDb --output-dir Data/Migrations/Postgres
dotnet build src/PeerBot -v q --nologo >/dev/null
