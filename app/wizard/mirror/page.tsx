import { MirrorPanel } from '@/components/mirror/mirror-panel';

import { stepRoute } from '../step-page';

const route = stepRoute('mirror', MirrorPanel);
export const generateMetadata = route.generateMetadata;
export default route.Page;
