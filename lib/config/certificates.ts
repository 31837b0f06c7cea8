import { z } from 'zod';

import { msg } from './field-errors';
import { checkPemBundle } from './pem-field';

/**
 * Custom CA certificates: a PEM bundle, pasted or uploaded, split into one `customCACerts`
 * entry per certificate for the platform (`global.customCACerts`) and for the operator, which
 * itself downloads the platform chart from the internal repository.
 */
export const certificatesSchema = z
  .object({
    bundle: z.string().max(1_048_576, msg('config.tooLong')),
  })
  .superRefine((certificates, ctx) => {
    checkPemBundle(certificates.bundle, ctx, ['bundle']);
  });
export type Certificates = z.infer<typeof certificatesSchema>;

export const defaultCertificates: Certificates = { bundle: '' };
