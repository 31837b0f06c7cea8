import { ApplyPanel } from '@/components/apply/apply-panel';

import { stepRoute } from '../step-page';

const route = stepRoute('apply', ApplyPanel);
export const generateMetadata = route.generateMetadata;
export default route.Page;
