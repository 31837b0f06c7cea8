# Shared shell glue for the components 05-pki, 20-helm, 30-registry, 40-charts, 50-mysql, 60-s3.
# Source it after lib.sh: . "$(dirname "$0")/services/common.sh"
# It works whether a component runs under scripts/test-env or on its own.

TEST_ENV_D=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
TEST_ENV_REPO="${TEST_ENV_REPO:-$(cd "$TEST_ENV_D/../.." && pwd)}"
export TEST_ENV_REPO
export TEST_ENV_DIR="${TEST_ENV_DIR:-$TEST_ENV_REPO/.test-env}"
export TEST_ENV_CACHE="${TEST_ENV_CACHE:-$HOME/.cache/wandb-airgap-wizard}"
export TEST_ENV_LIB="${TEST_ENV_LIB:-$TEST_ENV_D/lib.sh}"
mkdir -p "$TEST_ENV_DIR" "$TEST_ENV_CACHE"
# shellcheck source=/dev/null
. "$TEST_ENV_LIB"

PKI_DIR="$TEST_ENV_DIR/pki"
SECRETS_DIR="$TEST_ENV_DIR/secrets"

# secret NAME : print the test-only password NAME, generating it once per TEST_ENV_DIR.
secret() {
  local f="$SECRETS_DIR/$1"
  if [ ! -s "$f" ]; then
    mkdir -p "$SECRETS_DIR"; chmod 700 "$SECRETS_DIR"
    (umask 077; openssl rand -hex 16 > "$f.tmp" && mv "$f.tmp" "$f")
  fi
  cat "$f"
}

# export_line NAME VALUE : one `export NAME=value` line, quoted for eval.
export_line() { printf 'export %s=%q\n' "$1" "$2"; }

# ensure_component NN-name : run another component's idempotent `up` (a dependency).
ensure_component() { "$TEST_ENV_D/$1" up; }

# tsx_run SCRIPT ARGS... : run a TypeScript file of services/ with tsx's loader inside one node
# process (the tsx CLI would add a child process, which start_bg's PID would not name).
TSX_LOADER="$TEST_ENV_REPO/node_modules/tsx/dist/loader.mjs"
tsx_run() {
  [ -f "$TSX_LOADER" ] || { echo "test-env: $TSX_LOADER missing: run npm ci first" >&2; return 1; }
  node --import "$TSX_LOADER" "$TEST_ENV_D/services/$1" "${@:2}"
}

# need_pki : the CA and the server certificate of 05-pki exist (create them if not).
need_pki() {
  [ -s "$PKI_DIR/ca.crt" ] && [ -s "$PKI_DIR/server.crt" ] && [ -s "$PKI_DIR/server.key" ] || ensure_component 05-pki
}

# tcp_closed PORT : nothing listens on 127.0.0.1:PORT
tcp_closed() { ! port_open "$1"; }

# wait_port_closed NAME PORT : after a stop, the port is free again
wait_port_closed() { wait_for "$1 to release port $2" 15 tcp_closed "$2"; }

# Helm run by these scripts keeps its configuration, cache and data inside TEST_ENV_DIR, never in ~.
export HELM_CONFIG_HOME="$TEST_ENV_DIR/helm/config"
export HELM_CACHE_HOME="$TEST_ENV_DIR/helm/cache"
export HELM_DATA_HOME="$TEST_ENV_DIR/helm/data"
HELM3="$TEST_ENV_CACHE/bin/helm-3.17.3"
HELM4="$TEST_ENV_CACHE/bin/helm-4.1.4"
