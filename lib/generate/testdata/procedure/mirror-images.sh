#!/usr/bin/env bash
# Mirrors the images of operator-wandb 0.18.0 into registry.yourdomain.com.
#   ./mirror-images.sh skopeo   copy from the public registries (needs internet and registry access)
#   ./mirror-images.sh docker   tag and push images already loaded from a wsm bundle:
#                               for f in bundle/images/*.tgz; do docker load -i "$f"; done
set -euo pipefail

MODE="${1:-skopeo}"
SKOPEO_COPY_FLAGS="${SKOPEO_COPY_FLAGS:---all}"

set -- \
  docker.io/wandb/controller:1.13.3 registry.yourdomain.com/library/controller:1.13.3 \
  docker.io/wandb/local:0.59.2 registry.yourdomain.com/local:0.59.2 \
  docker.io/wandb/console:2.12.2 registry.yourdomain.com/console:2.12.2 \
  docker.io/otel/opentelemetry-collector-contrib:0.97.0 registry.yourdomain.com/otel/opentelemetry-collector-contrib:0.97.0 \
  quay.io/prometheus/prometheus:v2.47.0 registry.yourdomain.com/prometheus/prometheus:v2.47.0 \
  quay.io/prometheus-operator/prometheus-config-reloader:v0.67.0 registry.yourdomain.com/prometheus-operator/prometheus-config-reloader:v0.67.0 \
  docker.io/bitnamilegacy/redis:7.2.4-debian-12-r9 registry.yourdomain.com/bitnamilegacy/redis:7.2.4-debian-12-r9

case "$MODE" in
  skopeo)
    while [ "$#" -gt 0 ]; do
      echo "copy $1 -> $2" >&2
      # shellcheck disable=SC2086
      skopeo copy $SKOPEO_COPY_FLAGS "docker://$1" "docker://$2"
      shift 2
    done
    ;;
  docker)
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
