#!/usr/bin/env bash
# Build the vendor's v1 W&B controller (Go module github.com/wandb/operator) from the Go module proxy.
#
#   build.sh VERSION OUT REASON_FILE
#
# Writes the binary to OUT and exits 0, or writes one line saying why to REASON_FILE and exits 2 when
# the module could not be fetched (another version will not fare better), 1 for any other failure.
# First `go install MODULE@VERSION` (GOBIN in a scratch dir); if the module's go.mod has replace
# directives (which `go install pkg@version` refuses), a throwaway module requires the operator,
# copies its replace directives and builds its main package. Nothing of the operator lands in the
# repository: the scratch dir lives under $TEST_ENV_CACHE/build and is removed afterwards.
set -uo pipefail

module=github.com/wandb/operator
version=$1 out=$2 reason_file=$3
cache=${TEST_ENV_CACHE:?}
: > "$reason_file"

why() { printf '%s\n' "$*" | head -c 600 | tr '\n' ' ' | sed 's/ *$//' > "$reason_file"; echo >> "$reason_file"; }

go=$(command -v go || true)
[ -n "$go" ] || { [ -x /usr/local/go/bin/go ] && go=/usr/local/go/bin/go; }
if [ -z "$go" ]; then why "no Go toolchain (go not on PATH, /usr/local/go/bin/go missing)"; exit 1; fi

work="$cache/build/wandb-operator-$version"
rm -rf "$work"; mkdir -p "$work/gobin" "$work/mod"
trap 'chmod -R u+w "$work" 2>/dev/null; rm -rf "$work"' EXIT
log="$cache/build/wandb-operator-$version.log"
: > "$log"

export GOFLAGS=-mod=mod GOTOOLCHAIN=local CGO_ENABLED=0 GOBIN="$work/gobin"
# A hung proxy must not hang the environment: every go step is bounded.
budget=${WANDB_OPERATOR_BUILD_TIMEOUT:-1500}

# Turn go's failure output into one line: the proxy's refusal verbatim when that is the cause.
explain() {
  local f=$1 what=$2 line
  line=$(grep -m1 -E '(403|404|410) |not available|no matching versions|unknown revision|invalid version|dial tcp|i/o timeout|no such host|TLS handshake' "$f" || true)
  if [ -n "$line" ]; then
    local detail; detail=$(grep -m1 'server response:' "$f" | sed 's/^[[:space:]]*//' || true)
    why "$what: $(echo "$line" | sed -E 's/^go: //; s/^([^ ]+: )\1/\1/') ${detail}"
    return 2
  fi
  why "$what: $(grep -v '^go: downloading' "$f" | tail -n 5 | tr '\n' ' ')"
  return 1
}

cd "$work" || exit 1
echo "== go install $module@$version ($($go version))" >> "$log"
if timeout "$budget" "$go" install "$module@$version" >"$work/install.out" 2>&1; then
  cat "$work/install.out" >> "$log"
  install -m 0755 "$work/gobin/operator" "$out" && exit 0
  why "go install $module@$version succeeded but produced no binary named operator"; exit 1
fi
cat "$work/install.out" >> "$log"
if ! grep -q 'replace directives\|must not contain directives\|contains one or more replace' "$work/install.out"; then
  explain "$work/install.out" "go install $module@$version failed"; exit
fi

# Throwaway module: require the operator, copy its replace directives, build its main package.
echo "== throwaway module for $module@$version" >> "$log"
cd "$work/mod" || exit 1
"$go" mod init wandb-operator-build >>"$log" 2>&1
if ! timeout 600 "$go" mod download -json "$module@$version" > "$work/dl.json" 2>>"$log"; then
  explain "$log" "go mod download $module@$version failed"; exit
fi
moddir=$(sed -n 's/^[[:space:]]*"Dir": "\(.*\)",\{0,1\}$/\1/p' "$work/dl.json" | head -1)
gomod=$(sed -n 's/^[[:space:]]*"GoMod": "\(.*\)",\{0,1\}$/\1/p' "$work/dl.json" | head -1)
# `go mod edit -json` prints Replace entries; re-issue each as -replace on the throwaway module.
"$go" mod edit -json "$gomod" | awk '
  /"Replace":/ {inrep=1}
  inrep && /"Old":/ {side="old"} inrep && /"New":/ {side="new"}
  inrep && /"Path":/ {gsub(/[",]/,"",$2); p[side]=$2}
  inrep && /"Version":/ {gsub(/[",]/,"",$2); v[side]=$2}
  inrep && /^\t\t}/ && side=="new" {
    o=p["old"]; if (v["old"]!="") o=o "@" v["old"]
    n=p["new"]; if (v["new"]!="") n=n "@" v["new"]
    print "-replace=" o "=" n; delete p; delete v; side=""
  }' > "$work/replaces"
cat "$work/replaces" >> "$log"
if [ -s "$work/replaces" ]; then xargs "$go" mod edit < "$work/replaces" >>"$log" 2>&1; fi
if ! timeout 600 "$go" get "$module@$version" >>"$log" 2>&1; then
  explain "$log" "go get $module@$version failed"; exit
fi
pkg=$module
for d in "" cmd cmd/controller cmd/manager; do
  if grep -qs '^package main' "$moddir/$d"/*.go; then pkg="$module${d:+/$d}"; break; fi
done
echo "== go build $pkg" >> "$log"
if timeout "$budget" "$go" build -trimpath -o "$out.tmp" "$pkg" >"$work/build.out" 2>&1; then
  cat "$work/build.out" >> "$log"; mv "$out.tmp" "$out"; exit 0
fi
cat "$work/build.out" >> "$log"; rm -f "$out.tmp"
explain "$work/build.out" "go build $pkg@$version failed with $($go env GOVERSION)"
