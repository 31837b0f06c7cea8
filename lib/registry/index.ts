import 'server-only';

export { parseWwwAuthenticate, type AuthChallenge } from './challenge';
export {
  chartVersionsFromTags,
  type ChartIndex,
  type ChartIndexResult,
  type ChartRepositoryOptions,
  type ChartVersionEntry,
  type ChartVersionLookup,
  fetchChartIndex,
  findChartVersion,
  ociTagToChartVersion,
  parseChartIndex,
} from './chart-index';
export {
  type CallOptions,
  MANIFEST_MEDIA_TYPES,
  type ManifestResult,
  type PingResult,
  RegistryClient,
  type RegistryClientOptions,
  type TagsResult,
} from './client';
export { failureFromError, type RegistryFailure, registryFailureMessage } from './failure';
export {
  DEFAULT_REGISTRY,
  formatImageReference,
  type ImageReference,
  mirrorImageReference,
  mirrorPath,
  parseImageReference,
  type ParseResult,
} from './reference';
export { type Exchange, HttpClient, mapWithConcurrency, type TlsTrust } from './transport';
