import { DatabaseStep } from '@/components/wizard/steps/database-step';

import { stepRoute } from '../step-page';

const route = stepRoute('database', DatabaseStep);
export const generateMetadata = route.generateMetadata;
export default route.Page;
