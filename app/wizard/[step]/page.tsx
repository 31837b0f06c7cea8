import type { Metadata } from 'next';
import { notFound } from 'next/navigation';

import { ReviewStep } from '@/components/wizard/review/review-step';
import { StepFrame } from '@/components/wizard/step-frame';
import { ClientStepPage, type ClientStepId } from '@/components/wizard/step-pages';
import { findStep } from '@/components/wizard/steps';
import { defaultInstallConfig } from '@/lib/config';
import { currentDraftId, draftStore } from '@/lib/draft';

import { currentLocale, serverTranslator } from '../../locale';

type Props = { params: Promise<{ step: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const step = findStep((await params).step);
  const t = serverTranslator(await currentLocale());
  return { title: step ? `${t(step.titleKey)} — ${t('ui.app.title')}` : t('ui.app.title') };
}

/** One wizard step. The form lives in the layout; this page picks the step's component. */
export default async function StepPage({ params }: Props) {
  const { step: stepId } = await params;
  const step = findStep(stepId);
  if (!step) notFound();

  if (step.id === 'review') {
    const locale = await currentLocale();
    return (
      <StepFrame stepId="review">
        <ReviewStep t={serverTranslator(locale)} locale={locale} />
      </StepFrame>
    );
  }
  if (step.id === 'start') {
    const id = await currentDraftId();
    const draft = id ? await draftStore().load(id) : null;
    return (
      <StepFrame stepId="start">
        <ClientStepPage
          id="start"
          start={{ hasDraft: Boolean(draft?.values), defaults: defaultInstallConfig }}
        />
      </StepFrame>
    );
  }
  // Every step but the review (above) has a client page.
  return (
    <StepFrame stepId={step.id}>
      <ClientStepPage id={step.id as ClientStepId} />
    </StepFrame>
  );
}
