'use client';

import { ErrorPanel } from '@/components/ui/error-panel';

export default function WizardError({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return <ErrorPanel digest={error.digest} reset={reset} titleKey="ui.boundary.stepTitle" />;
}
