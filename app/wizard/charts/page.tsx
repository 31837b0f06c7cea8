import { ChartsStep } from '@/components/wizard/steps/charts-step';

import { stepRoute } from '../step-page';

const route = stepRoute('charts', ChartsStep);
export const generateMetadata = route.generateMetadata;
export default route.Page;
