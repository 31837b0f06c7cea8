import 'server-only';

export {
  type ChartAccess,
  chartRefArgs,
  type ChartSource,
  helmVersionArgs,
  type HelmVersion,
  ociHost,
  parseHelmVersion,
  pullArgs,
  registryLoginArgs,
  type ReleaseOperationOptions,
  repoAddArgs,
  rollbackArgs,
  showChartArgs,
  templateArgs,
  type TemplateOptions,
  uninstallArgs,
  upgradeInstallArgs,
  type UpgradeInstallOptions,
  WIZARD_REPO_NAME,
} from './args';
export { type ChartArchiveResult, findChartYamlInTar, readChartArchive } from './chart-archive';
export {
  type ChartMetadata,
  type ChartOperation,
  findHelm,
  type FindHelmOptions,
  type FindHelmResult,
  type HelmBinary,
  helmPull,
  helmShowChart,
  helmTemplate,
  helmUpgradeInstall,
  parseChartMetadata,
} from './helm';
export {
  type HelmCommand,
  type HelmHome,
  type HelmRunResult,
  runHelm,
  type RunHelmOptions,
  withHelmHome,
} from './runner';
