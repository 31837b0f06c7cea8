import type { ResolvedImage } from '@/lib/config';

import { CA_FILES } from './commands';
import type { GenerateContext } from './context';
import { shellQuote } from './shell';

/** One image to mirror: the public reference and the internal one. */
export interface MirrorEntry {
  readonly id: ResolvedImage['id'];
  readonly source: string;
  readonly target: string;
  /** The tag is the chart's own default `latest`, neither pinned nor set by the user. */
  readonly chartLatest: boolean;
}

/** The images this install pulls (deduplicated by target), in catalogue order. */
export function mirrorEntries(context: GenerateContext): MirrorEntry[] {
  const seen = new Set<string>();
  const entries: MirrorEntry[] = [];
  for (const image of context.images) {
    if (!image.needed || seen.has(image.targetRef)) continue;
    seen.add(image.targetRef);
    entries.push({
      id: image.id,
      source: image.sourceRef,
      target: image.targetRef,
      chartLatest: image.tagIsChartLatest === true,
    });
  }
  return entries;
}

/**
 * images.txt: one `SOURCE TARGET` pair per line, for mirroring with skopeo, from a `wsm`
 * bundle, or with the customer's own tooling. Lines starting with `#` are comments.
 */
export function renderImageList(context: GenerateContext): string {
  const lines = [
    `# operator-wandb ${context.config.charts.platform.version}: images to mirror into ${context.config.registry.host}`,
    '# SOURCE TARGET',
    ...mirrorEntries(context).flatMap((entry) => [
      ...(entry.chartLatest
        ? ["# the chart's own default tag (latest): set a tag to mirror a fixed version"]
        : []),
      `${entry.source} ${entry.target}`,
    ]),
  ];
  return `${lines.join('\n')}\n`;
}

/**
 * mirror-images.sh: copies every image of images.txt.
 *   ./mirror-images.sh skopeo  — from the public registries (a host with internet and registry access);
 *   ./mirror-images.sh docker  — after `docker load` of a `wsm download` bundle: tag and push
 *                               (Docker trusts a private CA only from /etc/docker/certs.d/<host>/ca.crt:
 *                               the script stops and says how when it is missing);
 *   ./mirror-images.sh verify  — at the site: every target is in the registry (skopeo inspect, else
 *                               docker manifest inspect); lists the missing ones and fails if any.
 * Credentials come from `REGISTRY_PASSWORD` (asked for when unset), never from the command line.
 */
export function renderMirrorScript(context: GenerateContext): string {
  const { config, registry } = context;
  const entries = mirrorEntries(context);
  const tlsVerify = !(config.registry.plainHttp || config.registry.insecureSkipVerify);
  const hasCa = config.registry.caBundle.trim() !== '';
  const pairs = entries
    .map((entry) => `  ${shellQuote(entry.source)} ${shellQuote(entry.target)}`)
    .join(' \\\n');
  const login =
    config.registry.username === ''
      ? ''
      : [
          `if [ -z "\${REGISTRY_PASSWORD:-}" ]; then`,
          `  printf 'Password of %s at %s: ' ${shellQuote(config.registry.username)} ${shellQuote(registry.host)} >&2`,
          '  read -rs REGISTRY_PASSWORD; echo >&2',
          'fi',
        ].join('\n');
  const skopeoLogin =
    config.registry.username === ''
      ? ''
      : `  printf '%s' "$REGISTRY_PASSWORD" | skopeo login ${tlsVerify ? '' : '--tls-verify=false '}${hasCa ? '--cert-dir "$CERT_DIR" ' : ''}--username ${shellQuote(config.registry.username)} --password-stdin ${shellQuote(registry.host)}\n`;
  const dockerLogin =
    config.registry.username === ''
      ? ''
      : `  printf '%s' "$REGISTRY_PASSWORD" | docker login --username ${shellQuote(config.registry.username)} --password-stdin ${shellQuote(registry.host)}\n`;
  const destFlags = [tlsVerify ? '' : '--dest-tls-verify=false', hasCa ? '--dest-cert-dir "$CERT_DIR"' : '']
    .filter((flag) => flag !== '')
    .join(' ');

  return `#!/usr/bin/env bash
# Mirrors the images of operator-wandb ${config.charts.platform.version} into ${config.registry.host}.
#   ./mirror-images.sh skopeo   copy from the public registries (needs internet and registry access)
#   ./mirror-images.sh docker   tag and push images already loaded from a wsm bundle:
#                               for f in bundle/images/*.tgz; do docker load -i "$f"; done
#   ./mirror-images.sh verify   check that the registry holds every target (skopeo, else docker)
set -euo pipefail

MODE="\${1:-skopeo}"
SKOPEO_COPY_FLAGS="\${SKOPEO_COPY_FLAGS:---all}"
${
  hasCa
    ? `CERT_DIR="$(cd "$(dirname "$0")" && pwd)/registry-certs"
mkdir -p "$CERT_DIR"
cp "$(dirname "$0")/${CA_FILES.registry}" "$CERT_DIR/ca.crt"
`
    : ''
}${login === '' ? '' : `${login}\n`}
set -- \\
${pairs}

case "$MODE" in
  skopeo)
${skopeoLogin}    while [ "$#" -gt 0 ]; do
      echo "copy $1 -> $2" >&2
      # shellcheck disable=SC2086
      skopeo copy $SKOPEO_COPY_FLAGS ${destFlags === '' ? '' : `${destFlags} `}"docker://$1" "docker://$2"
      shift 2
    done
    ;;
  docker)
${
  hasCa
    ? `    if [ ! -f ${shellQuote(`/etc/docker/certs.d/${registry.host}/ca.crt`)} ]; then
      echo "Docker trusts ${registry.host} only with its CA in /etc/docker/certs.d/${registry.host}/ca.crt:" >&2
      echo "  sudo mkdir -p ${shellQuote(`/etc/docker/certs.d/${registry.host}`)} && sudo cp \\"$CERT_DIR/ca.crt\\" ${shellQuote(`/etc/docker/certs.d/${registry.host}/ca.crt`)}" >&2
      exit 1
    fi
`
    : ''
}${dockerLogin}    while [ "$#" -gt 0 ]; do
      source_ref="$1"
      case "$source_ref" in docker.io/library/*) source_ref="\${source_ref#docker.io/library/}" ;; docker.io/*) source_ref="\${source_ref#docker.io/}" ;; esac
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
  verify)
    missing=0
    if command -v skopeo >/dev/null 2>&1; then
${skopeoLogin.replace(/^  /gm, '      ')}      inspect() { skopeo inspect --raw ${tlsVerify ? '' : '--tls-verify=false '}${hasCa ? '--cert-dir "$CERT_DIR" ' : ''}"docker://$1" >/dev/null 2>&1; }
    else
${dockerLogin.replace(/^  /gm, '      ')}      inspect() { docker manifest inspect ${tlsVerify ? '' : '--insecure '}"$1" >/dev/null 2>&1; }
    fi
    while [ "$#" -gt 0 ]; do
      if inspect "$2"; then echo "present $2"; else echo "MISSING $2" >&2; missing=$((missing + 1)); fi
      shift 2
    done
    [ "$missing" -eq 0 ] || { echo "$missing image(s) missing from ${registry.host}" >&2; exit 1; }
    ;;
  *)
    echo "usage: $0 [skopeo|docker|verify]" >&2
    exit 2
    ;;
esac
`;
}
