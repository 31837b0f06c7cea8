import { tokenizeYaml } from './yaml-tokens';

/**
 * A YAML file rendered with highlighting, on the server. `id` lets a copy button read the text.
 * The text is shown as given: callers pass the secret-masked rendering.
 */
export function YamlCode({ id, text, label }: { id: string; text: string; label: string }) {
  const lines = tokenizeYaml(text.replace(/\n$/, ''));
  return (
    <pre className="code" tabIndex={0} aria-label={label}>
      <code id={id}>
        {lines.map((tokens, i) => (
          <span key={i} className="code-line">
            {tokens.map((t, j) =>
              t.kind === 'plain' ? (
                t.text
              ) : (
                <span key={j} className={`y-${t.kind}`}>
                  {t.text}
                </span>
              ),
            )}
            {'\n'}
          </span>
        ))}
      </code>
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
