import { PlatformStep } from '@/components/wizard/steps/platform-step';

import { stepRoute } from '../step-page';

const route = stepRoute('platform', PlatformStep);
export const generateMetadata = route.generateMetadata;
export default route.Page;
