import 'server-only';

import Link from 'next/link';

import { CopyButton } from '@/components/ui/copy-button';
import { PlainCode, YamlCode } from '@/components/ui/yaml-code';
import { currentDraftConfig } from '@/lib/draft';
import { generateArtifacts, generationNotes } from '@/lib/generate';

import { fieldHref, fieldLabel } from '../field-labels';
import { stepHref, stepOfPath } from '../steps';
import { DownloadPanel } from './download-panel';
import { SettingsSummary } from './settings-summary';

type T = (key: string, params?: Record<string, string | number>) => string;

/** One generated file: its title, copy and download buttons, and its (secret-masked) text. */
function FilePanel({ name, text, t, yaml }: { name: string; text: string; t: T; yaml: boolean }) {
  const id = `file-${name.replace(/[^A-Za-z0-9]/g, '-')}`;
  const label = t('ui.review.fileLabel', { name });
  return (
    <section className="review-file" aria-labelledby={`${id}-title`}>
      <div className="review-file-head">
        <h2 id={`${id}-title`}>{name}</h2>
        <span className="review-actions">
          <CopyButton
            targetId={id}
            label={t('ui.review.copy', { name })}
            doneLabel={t('ui.review.copied', { name })}
          />
          <a
            className="button button-small"
            href={`/download/${encodeURIComponent(name)}`}
            download={name}
            data-download={name}
          >
            {t('ui.review.download', { name })}
          </a>
        </span>
      </div>
      {yaml ? (
        <YamlCode id={id} text={text} label={label} />
      ) : (
        <PlainCode id={id} text={text} label={label} />
      )}
    </section>
  );
}

/**
 * The review step, rendered on the server from the stored draft: the errors left (with links to
 * their steps), or the generated files side by side with secrets masked, and the downloads.
 */
export async function ReviewStep({ t, locale }: { t: T; locale: 'en' | 'ja' }) {
  const result = await currentDraftConfig();
  if (!result) {
    return (
      <div className="notice notice-warn">
        <p>{t('ui.review.noDraft')}</p>
        <p>
          <Link href={stepHref('start')} prefetch={false}>
            {t('ui.review.goStart')}
          </Link>
        </p>
      </div>
    );
  }
  if (!result.ok) {
    const entries = Object.entries(result.fieldErrors);
    return (
      <div className="notice notice-error" data-testid="review-errors">
        <h2>{t('ui.review.errors', { count: entries.length })}</h2>
        <ul>
          {entries.map(([path, message]) => {
            const step = stepOfPath(path);
            return (
              <li key={path}>
                {t(step.titleKey)}:{' '}
                <Link href={fieldHref(path)} prefetch={false} data-field={path}>
                  {fieldLabel(path, t)}
                </Link>{' '}
                — {t(message.key, message.params)}
              </li>
            );
          })}
        </ul>
      </div>
    );
  }

  const files = generateArtifacts(result.config, { includeSecrets: false, locale });
  const notes = generationNotes(result.config);
  const warnings = Object.entries(result.warnings);
  const other = Object.keys(files).filter(
    (n) => !['values.yaml', 'wandb.yaml', 'secrets.yaml', 'RUNBOOK.md', 'images.txt'].includes(n),
  );

  return (
    <>
      {notes.length > 0 || warnings.length > 0 ? (
        <div className="notice notice-warn">
          <h2>{t('ui.review.notes')}</h2>
          <ul>
            {notes.map((n, i) => (
              <li key={`n${i}`}>{t(n.key, n.params)}</li>
            ))}
            {warnings.map(([path, m]) => (
              <li key={`w${path}`} data-warning={path}>
                <Link href={fieldHref(path)} prefetch={false}>
                  {fieldLabel(path, t)}
                </Link>
                : {t(m.key, m.params)}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <SettingsSummary config={result.config} t={t} />
      <p>{t('ui.review.masked')}</p>
      <DownloadPanel />
      <div className="review-grid">
        <FilePanel name="values.yaml" text={files['values.yaml']} t={t} yaml />
        <FilePanel name="wandb.yaml" text={files['wandb.yaml']} t={t} yaml />
      </div>
      <FilePanel name="secrets.yaml" text={files['secrets.yaml']} t={t} yaml />
      <FilePanel name="RUNBOOK.md" text={files['RUNBOOK.md']} t={t} yaml={false} />
      <FilePanel name="images.txt" text={files['images.txt']} t={t} yaml={false} />
      {other.map((name) => (
        <FilePanel key={name} name={name} text={files[name as keyof typeof files] ?? ''} t={t} yaml={false} />
      ))}
    </>
  );
}
