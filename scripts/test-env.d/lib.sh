# Shared helpers for the components of scripts/test-env. Source it: . "$TEST_ENV_LIB"
# Every process is started in the background with its PID recorded, and stopped by that PID.

# Port offset: every component listens on its documented port plus TEST_ENV_PORT_OFFSET (default 0),
# so that two checkouts (git worktrees) can each run an environment on one machine. An offset is
# kept in $TEST_ENV_DIR/port-offset once given, so later calls in that checkout need not repeat it.
if [ -n "${TEST_ENV_DIR:-}" ]; then
  if [ -n "${TEST_ENV_PORT_OFFSET:-}" ]; then
    mkdir -p "$TEST_ENV_DIR" && echo "$TEST_ENV_PORT_OFFSET" > "$TEST_ENV_DIR/port-offset"
  elif [ -s "$TEST_ENV_DIR/port-offset" ]; then
    TEST_ENV_PORT_OFFSET=$(cat "$TEST_ENV_DIR/port-offset")
  fi
fi
TEST_ENV_PORT_OFFSET=${TEST_ENV_PORT_OFFSET:-0}
case "$TEST_ENV_PORT_OFFSET" in ''|*[!0-9]*) echo "test-env: TEST_ENV_PORT_OFFSET must be a number" >&2; exit 2 ;; esac
export TEST_ENV_PORT_OFFSET

# tport PORT : the documented PORT moved by the checkout's offset
tport() { echo $(( $1 + TEST_ENV_PORT_OFFSET )); }

# ensure_apt PKG... : install Debian packages that are missing (apt-get update once per run).
ensure_apt() {
  local missing=()
  for p in "$@"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  ((${#missing[@]})) || return 0
  if [ ! -f "$TEST_ENV_DIR/.apt-updated" ]; then
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
    touch "$TEST_ENV_DIR/.apt-updated"
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
}

# start_bg NAME LOGFILE CMD... : start CMD in the background, record its PID in $TEST_ENV_DIR/pids/NAME.pid
start_bg() {
  local name=$1 log=$2; shift 2
  mkdir -p "$TEST_ENV_DIR/pids"
  setsid "$@" >"$log" 2>&1 < /dev/null &
  echo $! > "$TEST_ENV_DIR/pids/$name.pid"
}

# is_running NAME : the recorded process is alive
is_running() {
  local f="$TEST_ENV_DIR/pids/$1.pid"
  [ -f "$f" ] && kill -0 "$(cat "$f")" 2>/dev/null
}

# stop_pid NAME : TERM the recorded process (and its process group), KILL after 10 s, forget it
stop_pid() {
  local f="$TEST_ENV_DIR/pids/$1.pid" pid
  [ -f "$f" ] || return 0
  pid=$(cat "$f")
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$f"
}

# wait_for DESCRIPTION SECONDS CMD... : retry CMD until it succeeds or time runs out
wait_for() {
  local what=$1 secs=$2; shift 2
  local deadline=$(( $(date +%s) + secs ))
  until "$@" >/dev/null 2>&1; do
    if (( $(date +%s) >= deadline )); then echo "test-env: timed out waiting for $what" >&2; return 1; fi
    sleep 0.2
  done
}

# port_open PORT : something listens on 127.0.0.1:PORT
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# status_line NAME OK DETAIL
status_line() { printf '%-12s %-5s %s\n' "$1" "$2" "$3"; }

# The vendor's artefacts (real operator and charts): WANDB_VENDOR_DIR, default ../shared/vendor beside
# the repository. A value given once is kept in $TEST_ENV_DIR/vendor-dir, like the port offset, so
# that later calls (`env`, `status`, a single component) see the same folder.
if [ -n "${TEST_ENV_DIR:-}" ]; then
  if [ -n "${WANDB_VENDOR_DIR:-}" ]; then
    mkdir -p "$TEST_ENV_DIR" && echo "$WANDB_VENDOR_DIR" > "$TEST_ENV_DIR/vendor-dir"
  elif [ -s "$TEST_ENV_DIR/vendor-dir" ]; then
    WANDB_VENDOR_DIR=$(cat "$TEST_ENV_DIR/vendor-dir")
  fi
fi
[ -z "${WANDB_VENDOR_DIR:-}" ] || export WANDB_VENDOR_DIR
