import { ApplyPanel } from '@/components/apply/apply-panel';
import { AuditLog } from '@/components/apply/audit-log';

import { StepRoute, stepMetadata } from '../step-page';

export const generateMetadata = () => stepMetadata('apply');

export default function ApplyPage() {
  return (
    <StepRoute id="apply">
      <ApplyPanel />
      <AuditLog />
    </StepRoute>
  );
}
