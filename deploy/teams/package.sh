#!/usr/bin/env bash
# Builds the Teams app package (manifest + icons) for one deployment:
#   deploy/teams/package.sh <bot-app-id> <public-host> [version]
# e.g. deploy/teams/package.sh 1b2c...-... peerbot-bot-abc123.azurewebsites.net 1.0.1
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
app_id="${1:?bot app (client) id}"
host="${2:?public host name, e.g. peerbot.example.org}"
version="${3:-1.0.0}"
out="$(mktemp -d)"
python3 - "$here/manifest.json" "$out/manifest.json" "$app_id" "$host" "$version" <<'PY'
import json, sys
source, target, app_id, host, version = sys.argv[1:]
m = json.load(open(source))
m["id"] = app_id
m["version"] = version
m["bots"][0]["botId"] = app_id
m["validDomains"] = [host]
for key in ("websiteUrl", "privacyUrl", "termsOfUseUrl"):
    m["developer"][key] = m["developer"][key].replace("peerbot.example.org", host)
json.dump(m, open(target, "w"), indent=2)
PY
cp "$here/color.png" "$here/outline.png" "$out/"
(cd "$out" && python3 -c "import zipfile; z=zipfile.ZipFile('peerbot-teams.zip','w',zipfile.ZIP_DEFLATED); [z.write(f) for f in ('manifest.json','color.png','outline.png')]")
mv "$out/peerbot-teams.zip" ./peerbot-teams.zip
echo "wrote ./peerbot-teams.zip (upload it in Teams admin center or Developer Portal)"
