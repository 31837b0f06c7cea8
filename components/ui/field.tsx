'use client';

import type { ReactNode } from 'react';

import { bracketed } from '@/lib/i18n/glossary';

import { useLocale, useT } from './i18n-context';

/** The ids a control uses to point at its help and its error. */
export function describedBy(
  id: string,
  hasHelp: boolean,
  hasError: boolean,
  hasHint = false,
): string | undefined {
  const ids = [
    hasError ? `${id}-error` : null,
    hasHint ? `${id}-hint` : null,
    hasHelp ? `${id}-help` : null,
  ].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

/**
 * A labelled control with its help, example and error underneath. The control itself is passed as
 * children and must carry `id`, `aria-describedby` (see {@link describedBy}) and `aria-invalid`.
 */
export function Field({
  id,
  label,
  help,
  example,
  error,
  hint,
  required,
  children,
}: {
  id: string;
  label: string;
  help?: ReactNode;
  example?: string;
  error?: string;
  /** A note on a valid but probably unintended value (never blocks). */
  hint?: string;
  required?: boolean;
  children: ReactNode;
}) {
  const t = useT();
  const locale = useLocale() === 'ja' ? 'ja' : 'en';
  return (
    <div className={error ? 'field field-invalid' : 'field'}>
      <label htmlFor={id} className="field-label">
        {label}
        {required ? <span className="field-required">{bracketed(locale, t('ui.field.required'))}</span> : null}
      </label>
      {children}
      {error ? (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      ) : null}
      {hint && !error ? (
        <p id={`${id}-hint`} className="field-hint" data-hint>
          {hint}
        </p>
      ) : null}
      {help || example ? (
        <div id={`${id}-help`} className="field-help">
          {help ? <p>{help}</p> : null}
          {example ? (
            <p>
              {t('ui.field.example')}: <code>{example}</code>
            </p>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}

/** A group of related controls with a visible legend. */
export function Fieldset({
  legend,
  children,
  hint,
}: {
  legend: string;
  children: ReactNode;
  hint?: ReactNode;
}) {
  return (
    <fieldset className="fieldset">
      <legend>{legend}</legend>
      {hint ? <p className="fieldset-hint">{hint}</p> : null}
      {children}
    </fieldset>
  );
}
