'use client';

import { useEffect, useRef } from 'react';

import { useT } from '@/components/ui/i18n-context';

import { stepHref, type WizardStep } from './steps';
import { useWizard } from './wizard-context';

/** The list of steps: where the user is, which visited steps still have errors, which are not available yet. */
export function Stepper({ current, steps }: { current: string; steps: readonly WizardStep[] }) {
  const t = useT();
  const { stepErrors, goTo } = useWizard();
  const list = useRef<HTMLOListElement>(null);
  // On a phone the list is one scrolling row: bring the current step into it (the page stays put).
  useEffect(() => {
    const ol = list.current;
    const item = ol?.querySelector<HTMLElement>('[aria-current="step"]');
    if (!ol || !item || ol.scrollWidth <= ol.clientWidth) return;
    ol.scrollLeft = item.offsetLeft - ol.offsetLeft - (ol.clientWidth - item.offsetWidth) / 2;
  }, [current]);
  return (
    <nav className="stepper" aria-label={t('ui.stepper.label')}>
      <ol ref={list}>
        {steps.map((step, index) => {
          const errors = stepErrors[step.id] ?? 0;
          const href = stepHref(step.id);
          return (
            <li key={step.id}>
              {/* A plain link (no prefetch: that would render every step, the review generates all files, on
                  each page load); with scripts, a click saves the draft first and navigates in place. */}
              <a
                href={href}
                aria-current={step.id === current ? 'step' : undefined}
                onClick={(event) => {
                  if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
                  event.preventDefault();
                  void goTo(href);
                }}
              >
                <span>
                  {index + 1}. {t(step.titleKey)}
                </span>
                {errors > 0 ? (
                  <span className="step-badge step-badge-error">
                    {t('ui.stepper.errors', { count: errors })}
                  </span>
                ) : null}
                {!step.available ? (
                  <span className="step-badge step-badge-soon">{t('ui.stepper.notAvailable')}</span>
                ) : null}
              </a>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
