import { currentLocale } from '@/app/locale';
import { secretsOf } from '@/lib/checks/input';
import { runToJson, runToMarkdown } from '@/lib/checks/report';
import { getRun, getRunSecrets } from '@/lib/checks/runs';
import { currentDraftId } from '@/lib/draft';

export const dynamic = 'force-dynamic';

/** The run's report as a download: `?format=json` (default) or `?format=md`; redacted. */
export async function GET(request: Request, { params }: { params: Promise<{ runId: string }> }) {
  const { runId } = await params;
  const owner = await currentDraftId();
  const run = owner ? getRun(owner, runId) : undefined;
  const headers = { 'Cache-Control': 'no-store, max-age=0', 'X-Content-Type-Options': 'nosniff' };
  if (!owner || !run)
    return new Response('Not found\n', {
      status: 404,
      headers: { ...headers, 'Content-Type': 'text/plain; charset=utf-8' },
    });
  const secrets = getRunSecrets(owner, runId, secretsOf);
  const markdown = new URL(request.url).searchParams.get('format') === 'md';
  const name = `wandb-checks-${run.startedAt.replace(/[:.]/g, '-')}.${markdown ? 'md' : 'json'}`;
  const body = markdown ? runToMarkdown(run, await currentLocale(), secrets) : runToJson(run, secrets);
  return new Response(body, {
    headers: {
      ...headers,
      'Content-Type': markdown ? 'text/markdown; charset=utf-8' : 'application/json; charset=utf-8',
      'Content-Disposition': `attachment; filename="${name}"`,
    },
  });
}
