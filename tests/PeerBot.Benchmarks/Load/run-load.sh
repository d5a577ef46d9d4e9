#!/usr/bin/env bash
# End-to-end load benchmark: PeerBot beside the JavaScript anchors, in one sitting, with the shared harness
# (../shared/bench: closed-loop driver, loopback sink). PeerBot runs its Release build on SQLite, anonymous
# (Development), and holds its own check-in wording through --script (peerbot-script.json).
# Usage: tests/PeerBot.Benchmarks/Load/run-load.sh   (env: CONCURRENCY=50 DURATION_S=20 ANCHORS="agents peerbot")
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
bench=$(cd "$root/../shared/bench" && pwd)
out=${OUT_DIR:-$root/artifacts/load/$(date -u +%Y%m%dT%H%M%SZ)}
mkdir -p "$out"

dotnet publish "$root/src/PeerBot" -c Release -o "$out/peerbot" --nologo -v q >/dev/null
db="$out/peerbot.db"
export PEERBOT_CMD="env ASPNETCORE_ENVIRONMENT=Development ConnectionStrings__PeerBot='Data Source=$db' \
Logging__LogLevel__Default=Warning dotnet $out/peerbot/PeerBot.dll --urls http://127.0.0.1:\$PORT"

# The anchors use the driver's built-in script; PeerBot uses its own wording of the same check-in.
for name in ${ANCHORS:-agents peerbot}; do
  if [ "$name" = peerbot ]; then
    # run-anchors.sh has no per-bot script option, so PeerBot's run drives the harness by hand here.
    # ';' not '&&' before each background command, so that $! is the process itself (for kill and CPU time).
    (cd "$bench"; node sink/sink.mjs --port 3990 --dump "$out/replies-peerbot.ndjson" --dump-max 1000 >"$out/sink-peerbot.log" 2>&1 &
     echo $! >"$out/sink.pid")
    # From the repository root, so the content root finds dialogs/ (lexicon, dialogs, resources).
    (cd "$root"; PORT=3978 bash -c "exec $PEERBOT_CMD" >"$out/bot-peerbot.log" 2>&1 & echo $! >"$out/bot.pid")
    for _ in $(seq 600); do (exec 3<>/dev/tcp/127.0.0.1/3978) 2>/dev/null && break; sleep 0.1; done
    bot=$(cat "$out/bot.pid")
    (cd "$bench" && timeout $(( ${WARMUP_S:-5} + ${DURATION_S:-20} + 40 )) node driver/driver.mjs \
       --bot http://127.0.0.1:3978/api/messages --sink-port 3990 --concurrency "${CONCURRENCY:-50}" \
       --warmup-s "${WARMUP_S:-5}" --duration-s "${DURATION_S:-20}" --script "$here/peerbot-script.json" \
       --label peerbot >"$out/driver-peerbot.json") &
    drv=$!
    sleep "${WARMUP_S:-5}"; b0=$(awk '{print $14 + $15}' /proc/"$bot"/stat)
    sleep "${DURATION_S:-20}"; b1=$(awk '{print $14 + $15}' /proc/"$bot"/stat)
    rss=$(awk '/VmHWM/{print $2}' /proc/"$bot"/status)
    wait "$drv" || echo "driver exited with $?" >&2
    kill "$bot" "$(cat "$out/sink.pid")" 2>/dev/null || true
    echo "{\"label\":\"peerbot\",\"botCpuS\":$(awk "BEGIN{print ($b1-$b0)/$(getconf CLK_TCK)}"),\"windowS\":${DURATION_S:-20},\"botPeakRssMB\":$((rss / 1024))}" >"$out/botstats-peerbot.json"
  else
    (cd "$bench" && ANCHORS="$name" SKIP_INSTALL=${SKIP_INSTALL:-} OUT_DIR="$out/anchor-$name" \
      CONCURRENCY="${CONCURRENCY:-50}" DURATION_S="${DURATION_S:-20}" ./run-anchors.sh >"$out/anchor-$name.log" 2>&1) || true
    cp "$out/anchor-$name"/driver-*.json "$out/anchor-$name"/botstats-*.json "$out/" 2>/dev/null || true
  fi
done

(cd "$bench" && node driver/table.mjs "$out") || true
(cd "$bench" && node validate-activity.mjs "$out"/replies-peerbot.ndjson | tail -3) || true
echo "raw results: $out"
