import 'server-only';

import { currentLocale, serverTranslator } from '@/app/locale';
import { type Artifacts, generateArtifacts } from '@/lib/generate';
import { currentDraftConfig } from '@/lib/draft';

/**
 * What the download route handlers share: the stored draft (with its secrets) validated and
 * generated, or a plain-text refusal. Secrets are included only when the request asks with
 * `?secrets=include` (the review page's checkbox).
 */
export async function draftArtifacts(
  request: Request,
): Promise<
  { ok: true; files: Artifacts; host: string; includeSecrets: boolean } | { ok: false; response: Response }
> {
  const locale = await currentLocale();
  const includeSecrets = new URL(request.url).searchParams.get('secrets') === 'include';
  const result = await currentDraftConfig();
  if (!result || !result.ok) {
    const t = serverTranslator(locale);
    const text = t(result ? 'ui.download.invalid' : 'ui.download.noDraft');
    return {
      ok: false,
      response: new Response(`${text}\n`, { status: 409, headers: noStore('text/plain; charset=utf-8') }),
    };
  }
  const files = generateArtifacts(result.config, { includeSecrets, locale });
  let host = 'wandb';
  try {
    host = new URL(result.config.platform.host).hostname || host;
  } catch {
    // The schema accepted the URL, so this is not expected; keep the generic name.
  }
  return { ok: true, files, host: host.replace(/[^A-Za-z0-9.-]/g, '-'), includeSecrets };
}

/** Headers of a response that no cache may keep (it may hold secrets). */
export function noStore(contentType: string, extra: Record<string, string> = {}): Headers {
  return new Headers({
    'Content-Type': contentType,
    'Cache-Control': 'no-store, max-age=0',
    Pragma: 'no-cache',
    'X-Content-Type-Options': 'nosniff',
    ...extra,
  });
}

/** A Content-Disposition that makes the browser save the file under `name`. */
export function attachment(name: string): string {
  return `attachment; filename="${name.replace(/["\\\r\n]/g, '_')}"`;
}

/** The media type of a generated file, by its extension. */
export function contentTypeOf(name: string): string {
  if (name.endsWith('.yaml')) return 'application/yaml; charset=utf-8';
  if (name.endsWith('.md')) return 'text/markdown; charset=utf-8';
  if (name.endsWith('.sh')) return 'text/x-shellscript; charset=utf-8';
  if (name.endsWith('.crt') || name.endsWith('.pem')) return 'application/x-pem-file';
  return 'text/plain; charset=utf-8';
}
