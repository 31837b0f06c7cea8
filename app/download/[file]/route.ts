import { attachment, contentTypeOf, draftArtifacts, noStore } from '../artifact-response';

export const dynamic = 'force-dynamic';

/** One generated file of the stored draft, as an attachment; `?secrets=include` writes the real secrets. */
export async function GET(request: Request, { params }: { params: Promise<{ file: string }> }) {
  const { file } = await params;
  const result = await draftArtifacts(request);
  if (!result.ok) return result.response;
  const text = Object.prototype.hasOwnProperty.call(result.files, file)
    ? result.files[file as keyof typeof result.files]
    : undefined;
  if (text === undefined)
    return new Response('Not found\n', { status: 404, headers: noStore('text/plain; charset=utf-8') });
  return new Response(text, {
    headers: noStore(contentTypeOf(file), { 'Content-Disposition': attachment(file) }),
  });
}
