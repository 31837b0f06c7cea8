import { z } from 'zod';

import { msg } from './field-errors';
import { DNS_SUBDOMAIN, DNS_SUBDOMAIN_MAX } from './formats';

const secretName = z
  .string()
  .min(1, msg('config.required'))
  .refine((value) => value.length <= DNS_SUBDOMAIN_MAX && DNS_SUBDOMAIN.test(value), {
    message: msg('config.name.dnsSubdomain'),
    params: { maximum: DNS_SUBDOMAIN_MAX },
  });

/**
 * How the license, the MySQL password and the bucket keys reach the platform:
 * - `secretRef`: Secrets created beside the CR and referenced from it, wherever the chosen chart
 *   version accepts a reference (0.43.x: all three; 0.18.x: none, so it falls back to inline and says so);
 * - `inline`: the values sit in the CR, as in the procedure.
 * The default names avoid the chart's own `<release>-license/-mysql/-bucket` Secrets.
 */
export const secretsSchema = z.object({
  delivery: z.enum(['secretRef', 'inline'], { error: msg('config.invalidOption') }),
  licenseSecretName: secretName,
  mysqlSecretName: secretName,
  bucketSecretName: secretName,
});
export type Secrets = z.infer<typeof secretsSchema>;
export type SecretDelivery = Secrets['delivery'];

export const defaultSecrets: Secrets = {
  delivery: 'secretRef',
  licenseSecretName: 'wandb-wizard-license',
  mysqlSecretName: 'wandb-wizard-mysql',
  bucketSecretName: 'wandb-wizard-bucket',
};
