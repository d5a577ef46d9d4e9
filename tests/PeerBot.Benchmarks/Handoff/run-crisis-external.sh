#!/usr/bin/env bash
# Crisis-to-console latency with PeerBot in its own process (issue 5). Publishes PeerBot (Release), then runs
# `handoff-latency-external`: CONVERSATIONS crisis messages at once per round, ROUNDS rounds.
# Usage: tests/PeerBot.Benchmarks/Handoff/run-crisis-external.sh [conversations=50] [rounds=4]
set -euo pipefail
root="$(cd "$(dirname "$0")/../../.." && pwd)"
out="${OUT_DIR:-$(mktemp -d)}"
dotnet publish "$root/src/PeerBot" -c Release -o "$out/peerbot" --nologo -v q >/dev/null
dotnet build "$root/tests/PeerBot.Benchmarks" -c Release --nologo -v q >/dev/null
dotnet "$root/tests/PeerBot.Benchmarks/bin/Release/net10.0/PeerBot.Benchmarks.dll" \
  handoff-latency-external "$out/peerbot/PeerBot.dll" "${1:-50}" "${2:-4}"
