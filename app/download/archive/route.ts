import { strToU8, type Zippable, zipSync } from 'fflate';

import { attachment, draftArtifacts, noStore } from '../artifact-response';

export const dynamic = 'force-dynamic';

/** Unix mode bits in a zip entry's external attributes (made by: Unix). */
const unixMode = (mode: number) => ({ os: 3, attrs: (mode | 0o100000) << 16 });

/**
 * Every generated file of the stored draft in one zip, inside a folder named after the host, with
 * the runbook as its README.md. `?secrets=include` writes the real secrets; otherwise placeholders.
 */
export async function GET(request: Request) {
  const result = await draftArtifacts(request);
  if (!result.ok) return result.response;
  const base = `wandb-airgap-${result.host}`;
  const entries: Zippable = {};
  for (const [name, text] of Object.entries(result.files)) {
    if (text === undefined) continue;
    const entryName = name === 'RUNBOOK.md' ? 'README.md' : name;
    entries[`${base}/${entryName}`] = [strToU8(text), unixMode(name.endsWith('.sh') ? 0o755 : 0o644)];
  }
  const zip = zipSync(entries, { level: 6 });
  return new Response(zip, {
    headers: noStore('application/zip', { 'Content-Disposition': attachment(`${base}.zip`) }),
  });
}
