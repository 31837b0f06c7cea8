import { StorageStep } from '@/components/wizard/steps/storage-step';

import { stepRoute } from '../step-page';

const route = stepRoute('storage', StorageStep);
export const generateMetadata = route.generateMetadata;
export default route.Page;
