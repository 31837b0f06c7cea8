import 'server-only';

import { resolveConfigImages } from '@/lib/config';
import { RegistryClient, type RegistryFailure, registryFailureMessage } from '@/lib/registry';

import { exchangesToEvidence, remainingMs } from './evidence';
import type { ChecksInput } from './input';
import { failureLabel, registryClientOptions, verifyImages } from './registry-access';
import type { CheckDefinition, CheckOutcome, Evidence } from './types';

const REMEDY: Record<RegistryFailure['kind'], string> = {
  missing: 'checks.registryImages.missing.remedy',
  unauthorized: 'checks.registryImages.unauthorized.remedy',
  forbidden: 'checks.registryImages.unauthorized.remedy',
  'tls-error': 'checks.registryImages.tls.remedy',
  unreachable: 'checks.registryImages.unreachable.remedy',
  timeout: 'checks.registryImages.unreachable.remedy',
  aborted: 'checks.registryImages.unreachable.remedy',
  'protocol-error': 'checks.registryImages.unreachable.remedy',
};

/**
 * Check 4: the internal registry answers the V2 API over TLS verified against the CA bundle the
 * user gave, accepts the credentials (Basic or the Bearer-token challenge), and holds every image
 * the install pulls (manifest HEAD, GET where HEAD is refused, with the Docker and OCI Accept
 * types). Missing, unauthorized, TLS failure and unreachable are different results, each naming
 * the images.
 */
export const registryImagesCheck: CheckDefinition<ChecksInput> = createRegistryImagesCheck((input) =>
  resolveConfigImages(input.config)
    .filter((i) => i.needed)
    .map((i) => i.targetRef),
);

/** The registry check over another list of images (the benchmark asks for 100). */
export function createRegistryImagesCheck(
  listImages: (input: ChecksInput) => string[],
): CheckDefinition<ChecksInput> {
  return {
    id: 'registry-images',
    titleKey: 'checks.registryImages.title',
    strict: true,
    timeoutMs: 20_000,
    secrets: (input) => [input.config.registry.password],
    async run(input, ctx): Promise<CheckOutcome> {
      const opts = registryClientOptions(input.config, remainingMs(ctx.deadline, 1_000));
      const images = listImages(input);
      const uniqueImages = [...new Set(images)];
      if (uniqueImages.length === 0)
        return {
          status: 'skipped',
          message: {
            key: 'checks.registryImages.noImages',
            params: { version: input.config.charts.platform.version },
          },
        };
      const registry = opts.registry;
      const client = new RegistryClient(opts);
      let ping;
      try {
        ping = await client.ping({ signal: ctx.signal });
      } finally {
        client.close();
      }
      const evidence: Evidence[] = exchangesToEvidence('ping', ping.exchanges);
      if (ping.kind !== 'ok') {
        return {
          status: 'fail',
          message: registryFailureMessage(ping, registry),
          remedy: { key: REMEDY[ping.kind], params: { registry } },
          evidence,
        };
      }
      evidence.push({
        label: 'auth',
        response: `${ping.auth}${ping.authenticated ? ', credentials accepted' : ''}`,
      });
      const results = await verifyImages(uniqueImages, opts, ctx.signal);
      const failures: Array<{ image: string; failure: RegistryFailure }> = [];
      for (const { image, result } of results) {
        evidence.push(...exchangesToEvidence(image, result.exchanges));
        if (result.kind !== 'present') failures.push({ image, failure: result });
        else
          evidence.push({
            label: image,
            response:
              result.method === 'tags/list'
                ? "present (listed in its repository's tags)"
                : `present ${result.digest} (${result.mediaType}, ${result.method})`,
          });
      }
      if (failures.length === 0)
        return {
          status: 'pass',
          message: { key: 'checks.registryImages.pass', params: { count: uniqueImages.length, registry } },
          evidence,
        };
      const kinds = new Set(failures.map((f) => f.failure.kind));
      const first = failures[0] as { image: string; failure: RegistryFailure };
      const message =
        kinds.size === 1
          ? registryFailureMessage(first.failure, failures.map((f) => f.image).join(', '))
          : {
              key: 'checks.registryImages.mixed',
              params: {
                count: failures.length,
                total: uniqueImages.length,
                images: failures.map((f) => `${f.image}: ${failureLabel(f.failure)}`).join('; '),
              },
            };
      return {
        status: 'fail',
        message,
        remedy: { key: REMEDY[first.failure.kind], params: { registry } },
        evidence,
      };
    },
  };
}
