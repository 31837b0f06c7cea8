import { ReviewStep } from '@/components/wizard/review/review-step';

import { currentLocale, serverTranslator } from '../../locale';
import { stepMetadata, StepRoute } from '../step-page';

export const generateMetadata = () => stepMetadata('review');

/** The review: every file is generated on the server, from the stored draft. */
export default async function ReviewPage() {
  const locale = await currentLocale();
  return (
    <StepRoute id="review">
      <ReviewStep t={serverTranslator(locale)} locale={locale} />
    </StepRoute>
  );
}
