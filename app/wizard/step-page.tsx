import type { Metadata } from 'next';
import type { ComponentType, ReactNode } from 'react';

import { MoreMessages } from '@/components/ui/i18n-context';
import { StepFrame } from '@/components/wizard/step-frame';
import { findStep, type StepId } from '@/components/wizard/steps';

import { currentLocale, serverTranslator, stepMessages } from '../locale';

/**
 * What every step's route shares. Each step is its own route (`app/wizard/<id>/page.tsx`) so that
 * Next.js splits the code by route: a page loads its own step's code with the page, and hydrates
 * it in one pass with the wizard's layout (a lazily loaded step would sit in a Suspense boundary
 * that the layout's first updates make React render again, after dropping the server's HTML).
 */
export async function stepMetadata(id: StepId): Promise<Metadata> {
  const t = serverTranslator(await currentLocale());
  const step = findStep(id);
  return { title: step ? `${t(step.titleKey)} — ${t('ui.app.title')}` : t('ui.app.title') };
}

/** A step's page: its frame (title, lead, Back / Next) and the step's messages beyond the shared ones. */
export async function StepRoute({ id, children }: { id: StepId; children: ReactNode }) {
  const own = stepMessages(await currentLocale(), id);
  return (
    <StepFrame stepId={id}>
      {own ? <MoreMessages messages={own}>{children}</MoreMessages> : children}
    </StepFrame>
  );
}

/** The metadata and the page of a step whose client component takes no props. */
export function stepRoute(id: StepId, Step: ComponentType) {
  return {
    generateMetadata: () => stepMetadata(id),
    Page: function StepPage() {
      return (
        <StepRoute id={id}>
          <Step />
        </StepRoute>
      );
    },
  };
}
