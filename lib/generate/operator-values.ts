import type { GenerateContext } from './context';

/**
 * The `operator` chart's values.yaml (charts/operator/values.yaml): the controller image on the
 * internal registry, `airgapped: true` (always: the operator then uses the CR only and mounts the
 * optional `<name>-charts` ConfigMap), the pull secret when the registry needs credentials, and
 * the CA certificates, since the operator itself downloads the platform chart.
 * Key order follows the procedure: image{repository, tag}, airgapped.
 */
export function buildOperatorValues(context: GenerateContext): Record<string, unknown> {
  const controller = context.images.find((image) => image.id === 'controller');
  if (!controller) throw new Error('the chart line has no controller image');
  const image: Record<string, unknown> = { repository: controller.repository, tag: controller.tag };
  if (context.pullSecret) image.pullSecrets = [context.config.registry.pullSecretName];
  const values: Record<string, unknown> = { image, airgapped: true };
  if (context.operatorCaCerts.length > 0) values.customCACerts = [...context.operatorCaCerts];
  return values;
}
