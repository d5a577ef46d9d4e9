# Sourced by .ci/run: installs and starts what the tests need beyond the .NET SDK. Idempotent; runs as root.
#  - PostgreSQL (Debian) for the provider tests: PEERBOT_TEST_POSTGRES
#  - Chromium (Debian) for the console browser tests: PEERBOT_TEST_CHROMIUM
#  - Node packages for the Direct Line client-compatibility test: PEERBOT_TEST_NODE_MODULES

need_apt=()
command -v pg_ctlcluster >/dev/null 2>&1 || need_apt+=(postgresql)
[ -x /usr/bin/chromium ] || need_apt+=(chromium)
command -v node >/dev/null 2>&1 || need_apt+=(nodejs npm)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "installing: ${need_apt[*]}"
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

# PostgreSQL: start the packaged cluster and give the postgres role a password for TCP logins.
pg_version=$(ls /usr/lib/postgresql | sort -n | tail -1)
if ! pg_lsclusters -h 2>/dev/null | grep -q online; then
  pg_ctlcluster "$pg_version" main start || { pg_createcluster "$pg_version" main && pg_ctlcluster "$pg_version" main start; }
fi
for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 && break; sleep 1; done
su postgres -c "psql -q -c \"ALTER USER postgres PASSWORD 'peerbot-ci'\"" >/dev/null
export PEERBOT_TEST_POSTGRES="Host=127.0.0.1;Username=postgres;Password=peerbot-ci;Database=postgres"

export PEERBOT_TEST_CHROMIUM=/usr/bin/chromium

# Node: the official Direct Line client, installed from the lock file.
if [ -f tests/directline-client/package.json ]; then
  (cd tests/directline-client && npm ci --no-audit --no-fund --loglevel=error >/dev/null) \
    && export PEERBOT_TEST_NODE_MODULES="$PWD/tests/directline-client/node_modules"
fi
