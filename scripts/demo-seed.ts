/**
 * `npm run demo` (scripts/demo): writes a draft that points every section of the wizard at the demo's
 * test environment (the variables of `scripts/test-env env`) and the vendor's real charts, as a user
 * who filled in each step would have it, and prints its id.
 *
 *   tsx --conditions=react-server scripts/demo-seed.ts DATA_DIR CONFIG_DIR [VERSION]
 */
import { testEnvConfig } from '@/lib/checks/test-env-config';
import { seedDraft } from '@/lib/draft/seed';

const [dataDir, configDir, version = '0.18.0'] = process.argv.slice(2);
if (!dataDir || !configDir) {
  console.error('usage: demo-seed.ts DATA_DIR CONFIG_DIR [VERSION]');
  process.exit(2);
}
const config = testEnvConfig(version, { charts: process.env.CHARTS_VENDOR === '1' ? 'vendor' : 'fixtures' });
void seedDraft(
  dataDir,
  { ...config, ingress: { ...config.ingress, class: 'nginx' } },
  ['start', 'prerequisites', 'registry', 'charts', 'platform', 'storage', 'database', 'network'],
  configDir,
).then((id) => console.log(id));
