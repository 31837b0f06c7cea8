'use client';

import { type FormEvent, type ReactNode, useEffect, useRef, useState } from 'react';
import { get, useFormContext, useFormState } from 'react-hook-form';

import { useT } from '@/components/ui/i18n-context';

import { findStep, neighbours, stepHref } from './steps';
import { useWizard } from './wizard-context';

/** False until the first step of this page load has been shown (module state resets on reload). */
let stepShownSinceLoad = false;

function countLeaves(node: unknown): number {
  if (!node || typeof node !== 'object') return 0;
  if ('message' in node && typeof (node as { message?: unknown }).message === 'string') return 1;
  return Object.values(node as Record<string, unknown>).reduce<number>(
    (n, child) => n + countLeaves(child),
    0,
  );
}

/**
 * One step's page: its title, a form for its fields, and Back / Next. "Next" validates the
 * step's fields (the list in WIZARD_STEPS), focuses the first error, and moves on only when
 * the step is valid; the stepper lets the user go anywhere at any time.
 */
export function StepFrame({ stepId, children }: { stepId: string; children: ReactNode }) {
  const t = useT();
  const step = findStep(stepId);
  const { previous, next } = neighbours(stepId);
  const { trigger } = useFormContext();
  const { goTo } = useWizard();
  const heading = useRef<HTMLHeadingElement>(null);
  // The summary follows the step's errors after a refused "Next": it shrinks as fields are
  // fixed and disappears with the last one (never a stale count).
  const [attempted, setAttempted] = useState<string | null>(null);
  const fields = step ? [...step.fields] : [];
  const { errors } = useFormState({ name: fields });

  // A link to a field (`/wizard/platform#f-platform-license`, from the review or the checks) puts
  // the focus on that field; otherwise, after a step change (not on a page load), focus goes to
  // the new step's title so keyboard and screen reader users start there.
  useEffect(() => {
    const target = window.location.hash.startsWith('#f-')
      ? document.getElementById(decodeURIComponent(window.location.hash.slice(1)))
      : null;
    if (target) {
      target.scrollIntoView({ block: 'center' });
      target.focus();
    } else if (stepShownSinceLoad) heading.current?.focus();
    stepShownSinceLoad = true;
  }, [stepId]);

  if (!step) return null;
  const count = fields.reduce((n, f) => n + countLeaves(get(errors, f)), 0);
  const summary = attempted === stepId && count > 0 ? t('ui.nav.stepHasErrors', { count }) : '';

  async function onNext(event: FormEvent) {
    event.preventDefault();
    if (fields.length > 0) {
      const valid = await trigger(fields, { shouldFocus: true });
      if (!valid) {
        setAttempted(stepId);
        return;
      }
    }
    setAttempted(null);
    if (next) await goTo(stepHref(next.id));
  }

  return (
    <form noValidate onSubmit={onNext} aria-labelledby="step-title">
      <h1 id="step-title" ref={heading} tabIndex={-1}>
        {t(step.titleKey)}
      </h1>
      <p className="lead">{t(step.leadKey)}</p>
      {children}
      <p role="status" aria-live="polite" className="field-error">
        {summary}
      </p>
      <div className="step-nav">
        {previous ? (
          <button type="button" className="button" onClick={() => void goTo(stepHref(previous.id))}>
            {t('ui.nav.back')}
          </button>
        ) : (
          <span />
        )}
        {next ? (
          <button type="submit" className="button button-primary">
            {t('ui.nav.next')}
          </button>
        ) : null}
      </div>
    </form>
  );
}
