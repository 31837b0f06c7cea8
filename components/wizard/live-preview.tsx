'use client';

import { useEffect, useRef, useState } from 'react';

import { type Preview, previewFiles } from '@/app/wizard/review/actions';
import { useT } from '@/components/ui/i18n-context';
import { changedLines } from '@/lib/generate/changed-lines';

import { FieldLinks } from './field-links';
import { useWizard } from './wizard-context';

/**
 * The generated files beside the form while editing (issue 13): after every save, the server
 * generates them from the saved draft with secrets masked (the generator stays out of the browser's
 * bundle), and the lines that changed since the previous view are marked. Closed by default.
 */
export function LivePreview() {
  const t = useT();
  const { saveState } = useWizard();
  const [open, setOpen] = useState(false);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [failed, setFailed] = useState(false);
  const [file, setFile] = useState('wandb.yaml');
  const previous = useRef(new Map<string, string>());
  const [marks, setMarks] = useState(new Map<string, Set<number>>());

  useEffect(() => {
    if (!open || saveState === 'saving') return;
    let stale = false;
    previewFiles()
      .then((result) => {
        if (stale) return;
        if (!result.ok) {
          setFailed(true);
          return;
        }
        setFailed(false);
        if (result.data.kind === 'files') {
          const next = new Map<string, Set<number>>();
          for (const f of result.data.files) {
            next.set(f.name, changedLines(previous.current.get(f.name), f.text));
            previous.current.set(f.name, f.text);
          }
          setMarks(next);
        }
        setPreview(result.data);
      })
      .catch(() => {
        if (!stale) setFailed(true);
      });
    return () => {
      stale = true;
    };
  }, [open, saveState]);

  const shown = preview?.kind === 'files' ? preview.files.find((f) => f.name === file) : undefined;
  const marked = marks.get(file) ?? new Set<number>();
  return (
    <section
      className="live-preview"
      aria-labelledby="live-preview-title"
      data-testid="live-preview"
      data-open={open}
    >
      <h2 id="live-preview-title" className="live-preview-title">
        <button
          type="button"
          className="button button-small"
          aria-expanded={open}
          aria-controls="live-preview-body"
          onClick={() => setOpen((o) => !o)}
        >
          {t(open ? 'ui.preview.hide' : 'ui.preview.show')}
        </button>
      </h2>
      {open && (
        <div id="live-preview-body">
          <p className="hint">{t('ui.preview.about')}</p>
          {failed && <p className="field-error">{t('ui.error.unreachable')}</p>}
          {preview?.kind === 'empty' && <p>{t('ui.preview.empty')}</p>}
          {preview?.kind === 'invalid' && (
            <div data-testid="live-preview-invalid">
              <p>{t('ui.preview.invalid', { count: preview.fields.length })}</p>
              <FieldLinks paths={preview.fields} />
            </div>
          )}
          {preview?.kind === 'files' && (
            <>
              <div role="group" aria-label={t('ui.preview.files')} className="live-preview-files">
                {preview.files.map((f) => (
                  <button
                    key={f.name}
                    type="button"
                    className="button button-small"
                    aria-pressed={f.name === file}
                    onClick={() => setFile(f.name)}
                  >
                    {f.name}
                    {(marks.get(f.name)?.size ?? 0) > 0
                      ? ` (${t('ui.preview.changed', { count: marks.get(f.name)!.size })})`
                      : ''}
                  </button>
                ))}
              </div>
              {shown && (
                <pre
                  className="code"
                  tabIndex={0}
                  aria-label={t('ui.review.fileLabel', { name: shown.name })}
                >
                  <code>
                    {shown.text.split('\n').map((line, i) => (
                      <span
                        key={i}
                        className={marked.has(i) ? 'line line-changed' : 'line'}
                        data-changed={marked.has(i) ? '' : undefined}
                      >
                        {line}
                        {'\n'}
                      </span>
                    ))}
                  </code>
                </pre>
              )}
            </>
          )}
        </div>
      )}
    </section>
  );
}
