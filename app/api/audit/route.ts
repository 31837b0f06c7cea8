import { readAuditText } from '@/lib/apply/audit';
import { currentDraftId } from '@/lib/draft';

export const dynamic = 'force-dynamic';

/** The audit log as written (JSON lines), as a download. */
export async function GET() {
  const headers = { 'Cache-Control': 'no-store, max-age=0', 'X-Content-Type-Options': 'nosniff' };
  if (!(await currentDraftId()))
    return new Response('Sign-in needed\n', {
      status: 401,
      headers: { ...headers, 'Content-Type': 'text/plain; charset=utf-8' },
    });
  return new Response(await readAuditText(), {
    headers: {
      ...headers,
      'Content-Type': 'application/x-ndjson; charset=utf-8',
      'Content-Disposition': 'attachment; filename="wandb-airgap-wizard-audit.jsonl"',
    },
  });
}
