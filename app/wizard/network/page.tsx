import { NetworkStep } from '@/components/wizard/steps/network-step';

import { stepRoute } from '../step-page';

const route = stepRoute('network', NetworkStep);
export const generateMetadata = route.generateMetadata;
export default route.Page;
