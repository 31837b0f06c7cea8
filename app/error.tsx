'use client';

import { ErrorPanel } from '@/components/ui/error-panel';

export default function RootError({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <div className="page">
      <ErrorPanel digest={error.digest} reset={reset} titleKey="ui.boundary.title" />
    </div>
  );
}
