import { tokenizeYaml } from './yaml-tokens';

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);

/**
 * The highlighted YAML as HTML: every character of the input escaped, each token in a span of
 * its kind. One string rather than thousands of elements keeps the page's payload small.
 */
export function highlightYaml(text: string): string {
  return tokenizeYaml(text.replace(/\n$/, ''))
    .map((tokens) =>
      tokens
        .map((t) =>
          t.kind === 'plain' ? escapeHtml(t.text) : `<span class="y-${t.kind}">${escapeHtml(t.text)}</span>`,
        )
        .join(''),
    )
    .join('\n')
    .concat('\n');
}

/**
 * A YAML file rendered with highlighting, on the server. `id` lets a copy button read the text.
 * The text is shown as given: callers pass the secret-masked rendering.
 */
export function YamlCode({ id, text, label }: { id: string; text: string; label: string }) {
  return (
    <pre className="code" tabIndex={0} aria-label={label}>
      {/* Safe: highlightYaml escapes every character of the text it wraps. */}
      <code id={id} dangerouslySetInnerHTML={{ __html: highlightYaml(text) }} />
    </pre>
  );
}

/** Plain text (the runbook, the image list) in the same frame, without highlighting. */
export function PlainCode({ id, text, label }: { id: string; text: string; label: string }) {
  return (
    <pre className="code" tabIndex={0} aria-label={label}>
      <code id={id}>{text}</code>
    </pre>
  );
}
