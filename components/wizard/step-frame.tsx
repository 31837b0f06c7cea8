'use client';

import { type FormEvent, type ReactNode, useEffect, useRef, useState } from 'react';
import { useFormContext } from 'react-hook-form';

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
  const { trigger, getFieldState } = useFormContext();
  const { goTo } = useWizard();
  const heading = useRef<HTMLHeadingElement>(null);
  const [summary, setSummary] = useState('');

  // After a step change (not on a page load), move focus to the new step's title so keyboard and
  // screen reader users start there.
  useEffect(() => {
    if (stepShownSinceLoad) heading.current?.focus();
    stepShownSinceLoad = true;
  }, [stepId]);

  if (!step) return null;
  const fields = [...step.fields];

  async function onNext(event: FormEvent) {
    event.preventDefault();
    if (fields.length > 0) {
      const valid = await trigger(fields, { shouldFocus: true });
      if (!valid) {
        const count = fields.reduce((n, f) => n + countLeaves(getFieldState(f).error), 0);
        setSummary(t('ui.nav.stepHasErrors', { count: Math.max(count, 1) }));
        return;
      }
    }
    setSummary('');
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
