import { ChecksPanel } from '@/components/checks/checks-panel';

import { stepRoute } from '../step-page';

const route = stepRoute('prerequisites', ChecksPanel);
export const generateMetadata = route.generateMetadata;
export default route.Page;
