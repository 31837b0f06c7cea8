import { RegistryStep } from '@/components/wizard/steps/registry-step';

import { stepRoute } from '../step-page';

const route = stepRoute('registry', RegistryStep);
export const generateMetadata = route.generateMetadata;
export default route.Page;
