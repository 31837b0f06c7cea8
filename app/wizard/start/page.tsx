import { StartStep } from '@/components/wizard/steps/start-step';
import { defaultInstallConfig } from '@/lib/config';
import { currentDraftId, draftStore } from '@/lib/draft';

import { stepMetadata, StepRoute } from '../step-page';

export const generateMetadata = () => stepMetadata('start');

/** The first step: start over takes the defaults, so the page says whether a draft exists. */
export default async function StartPage() {
  const id = await currentDraftId();
  const draft = id ? await draftStore().load(id) : null;
  return (
    <StepRoute id="start">
      <StartStep hasDraft={Boolean(draft?.values)} defaults={defaultInstallConfig} />
    </StepRoute>
  );
}
