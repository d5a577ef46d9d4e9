#!/usr/bin/env bash
# A/B of two PeerBot builds on a machine whose speed drifts: both run at once, each with its own loopback sink and
# closed-loop driver (../shared/bench), so both see the same minutes. Run it twice with the builds swapped and
# quote the geometric mean of the two B/A ratios (the slots are not perfectly fair).
# Usage: tests/PeerBot.Benchmarks/Load/run-pair.sh PUBLISH_DIR_A PUBLISH_DIR_B   (env: CONCURRENCY=50 WARMUP_S=6 DURATION_S=15)
# A publish dir comes from: dotnet publish src/PeerBot -c Release -o DIR
set -euo pipefail
a=$(cd "$1" && pwd); b=$(cd "$2" && pwd)
here=$(cd "$(dirname "$0")" && pwd); root=$(cd "$here/../../.." && pwd); bench=$(cd "$root/../shared/bench" && pwd)
c=${CONCURRENCY:-50}; w=${WARMUP_S:-6}; d=${DURATION_S:-15}
out=$(mktemp -d)
pids=()
ba=; bb=
trap 'kill "${pids[@]}" $ba $bb 2>/dev/null || true; rm -rf "$out"' EXIT
start_bot() { # dir port db
  (cd "$root" && exec env ASPNETCORE_ENVIRONMENT=Development ConnectionStrings__PeerBot="Data Source=$3" \
    Logging__LogLevel__Default=Warning dotnet "$1/PeerBot.dll" --urls "http://127.0.0.1:$2" >"$3.log" 2>&1) &
  echo $!
}
(cd "$bench" && exec node sink/sink.mjs --port 3990 >"$out/sinkA.log" 2>&1) & pids+=($!)
(cd "$bench" && exec node sink/sink.mjs --port 3991 >"$out/sinkB.log" 2>&1) & pids+=($!)
ba=$(start_bot "$a" 3978 "$out/a.db"); bb=$(start_bot "$b" 3979 "$out/b.db")
for port in 3978 3979; do
  for _ in $(seq 300); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.2; done
done
drive() { # port sink label
  (cd "$bench" && exec node driver/driver.mjs --bot "http://127.0.0.1:$1/api/messages" --sink-port "$2" \
    --concurrency "$c" --warmup-s "$w" --duration-s "$d" --script "$here/peerbot-script.json" --label "$3" >"$out/drv$3.json")
}
drive 3978 3990 A & da=$!
drive 3979 3991 B & db=$!
cpu() { awk '{print $14 + $15}' "/proc/$1/stat"; }
sleep "$w"; a0=$(cpu "$ba"); b0=$(cpu "$bb")
sleep "$d"; a1=$(cpu "$ba"); b1=$(cpu "$bb")
wait "$da" "$db"
python3 - "$out" "$(getconf CLK_TCK)" "$a0" "$a1" "$b0" "$b1" <<'PY'
import json, sys
out, tck = sys.argv[1], float(sys.argv[2]); a0, a1, b0, b1 = map(float, sys.argv[3:])
r = {k: json.load(open(f"{out}/drv{k}.json")) for k in "AB"}
for k, (c0, c1) in {"A": (a0, a1), "B": (b0, b1)}.items():
    d = r[k]; errors = {e: v for e, v in d["errors"].items() if v and e != "unexpectedReplies"}
    print(f"{k}: {d['turnsPerSec']} turns/s, e2e p50/p99 {d['e2eMs']['p50']}/{d['e2eMs']['p99']} ms, "
          f"{(c1 - c0) / tck * 1000 / max(1, d['turns']):.2f} ms CPU per turn, errors {errors}")
print(f"B/A turns/s: {r['B']['turnsPerSec'] / r['A']['turnsPerSec']:.3f}")
PY
