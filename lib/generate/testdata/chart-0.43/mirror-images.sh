#!/usr/bin/env bash
# Mirrors the images of operator-wandb 0.43.8 into registry.example.com:5000/mirror.
#   ./mirror-images.sh skopeo   copy from the public registries (needs internet and registry access)
#   ./mirror-images.sh docker   tag and push images already loaded from a wsm bundle:
#                               for f in bundle/images/*.tgz; do docker load -i "$f"; done
set -euo pipefail

MODE="${1:-skopeo}"
SKOPEO_COPY_FLAGS="${SKOPEO_COPY_FLAGS:---all}"
CERT_DIR="$(cd "$(dirname "$0")" && pwd)/registry-certs"
mkdir -p "$CERT_DIR"
cp "$(dirname "$0")/registry-ca.crt" "$CERT_DIR/ca.crt"
if [ -z "${REGISTRY_PASSWORD:-}" ]; then
  printf 'Password of %s at %s: ' mirror-bot registry.example.com:5000 >&2
  read -rs REGISTRY_PASSWORD; echo >&2
fi
set -- \
  docker.io/wandb/controller:1.16.1 registry.example.com:5000/mirror/wandb/controller:1.16.1 \
  docker.io/wandb/local:0.74.1 registry.example.com:5000/mirror/wandb/local:0.74.1 \
  docker.io/wandb/console:2.13.1 registry.example.com:5000/mirror/wandb/console:2.13.1 \
  docker.io/wandb/megabinary:0.74.1 registry.example.com:5000/mirror/wandb/megabinary:0.74.1 \
  docker.io/wandb/weave-python:0.74.1 registry.example.com:5000/mirror/wandb/weave-python:0.74.1 \
  docker.io/alpine/k8s:1.31.12 registry.example.com:5000/mirror/alpine/k8s:1.31.12 \
  docker.io/otel/opentelemetry-collector-contrib:0.97.0 registry.example.com:5000/mirror/otel/opentelemetry-collector-contrib:0.97.0 \
  quay.io/prometheus/prometheus:v2.47.0 registry.example.com:5000/mirror/prometheus/prometheus:v2.47.0 \
  quay.io/prometheus-operator/prometheus-config-reloader:v0.67.0 registry.example.com:5000/mirror/prometheus-operator/prometheus-config-reloader:v0.67.0 \
  docker.io/bitnamilegacy/redis:7.2.4-debian-12-r9 registry.example.com:5000/mirror/bitnamilegacy/redis:7.2.4-debian-12-r9

case "$MODE" in
  skopeo)
  printf '%s' "$REGISTRY_PASSWORD" | skopeo login --cert-dir "$CERT_DIR" --username mirror-bot --password-stdin registry.example.com:5000
    while [ "$#" -gt 0 ]; do
      echo "copy $1 -> $2" >&2
      # shellcheck disable=SC2086
      skopeo copy $SKOPEO_COPY_FLAGS --dest-cert-dir "$CERT_DIR" "docker://$1" "docker://$2"
      shift 2
    done
    ;;
  docker)
  printf '%s' "$REGISTRY_PASSWORD" | docker login --username mirror-bot --password-stdin registry.example.com:5000
    while [ "$#" -gt 0 ]; do
      source_ref="$1"
      case "$source_ref" in docker.io/library/*) source_ref="${source_ref#docker.io/library/}" ;; docker.io/*) source_ref="${source_ref#docker.io/}" ;; esac
      if ! docker image inspect "$source_ref" >/dev/null 2>&1 && ! docker image inspect "$1" >/dev/null 2>&1; then
        echo "missing locally: $1 (load the wsm bundle first)" >&2
        exit 1
      fi
      docker image inspect "$source_ref" >/dev/null 2>&1 || source_ref="$1"
      echo "push $source_ref -> $2" >&2
      docker tag "$source_ref" "$2"
      docker push "$2"
      shift 2
    done
    ;;
  *)
    echo "usage: $0 [skopeo|docker]" >&2
    exit 2
    ;;
esac
