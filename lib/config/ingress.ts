import { z } from 'zod';

import { msg } from './field-errors';
import { DNS_SUBDOMAIN, DNS_SUBDOMAIN_MAX, isQualifiedName } from './formats';
import { checkPemBundle } from './pem-field';

export const annotationSchema = z.object({
  key: z
    .string()
    .min(1, msg('config.required'))
    .refine(isQualifiedName, msg('config.ingress.annotation.key.invalid')),
  value: z.string().max(65_536, msg('config.tooLong')),
});
export type Annotation = z.infer<typeof annotationSchema>;

const PRIVATE_KEY_LABELS = new Set(['PRIVATE KEY', 'RSA PRIVATE KEY', 'EC PRIVATE KEY']);

/** True when the text is exactly one unencrypted PEM private key block. */
export function isPemPrivateKey(text: string): boolean {
  const match = /^\s*-----BEGIN ([A-Z ]+)-----\r?\n([A-Za-z0-9+/=\r\n]+)-----END ([A-Z ]+)-----\s*$/.exec(
    text,
  );
  return match !== null && match[1] === match[3] && PRIVATE_KEY_LABELS.has(match[1] ?? '');
}

/**
 * TLS for the ingress: a Secret of type kubernetes.io/tls named `secretName` in the CR namespace,
 * either existing or created from the certificate and key given here (both or neither).
 */
export const ingressTlsSchema = z
  .object({
    enabled: z.boolean(),
    secretName: z.string(),
    certificate: z.string(),
    privateKey: z.string(),
  })
  .superRefine((tls, ctx) => {
    if (!tls.enabled) return;
    if (tls.secretName === '') {
      ctx.addIssue({ code: 'custom', message: msg('config.required'), path: ['secretName'], params: {} });
    } else if (tls.secretName.length > DNS_SUBDOMAIN_MAX || !DNS_SUBDOMAIN.test(tls.secretName)) {
      ctx.addIssue({
        code: 'custom',
        message: msg('config.name.dnsSubdomain'),
        path: ['secretName'],
        params: { maximum: DNS_SUBDOMAIN_MAX },
      });
    }
    const hasCert = tls.certificate.trim() !== '';
    const hasKey = tls.privateKey.trim() !== '';
    if (hasCert !== hasKey) {
      ctx.addIssue({
        code: 'custom',
        message: msg('config.credentials.bothOrNeither'),
        path: [hasCert ? 'privateKey' : 'certificate'],
        params: {},
      });
    }
    checkPemBundle(tls.certificate, ctx, ['certificate']);
    if (hasKey && !isPemPrivateKey(tls.privateKey)) {
      ctx.addIssue({
        code: 'custom',
        message: msg('config.ingress.tls.privateKey.invalid'),
        path: ['privateKey'],
        params: {},
      });
    }
  });

/** The ingress of the platform: class, annotations and TLS (top-level `ingress` in the chart). */
export const ingressSchema = z.object({
  class: z
    .string()
    .refine((value) => value === '' || (value.length <= DNS_SUBDOMAIN_MAX && DNS_SUBDOMAIN.test(value)), {
      message: msg('config.name.dnsSubdomain'),
      params: { maximum: DNS_SUBDOMAIN_MAX },
    }),
  annotations: z.array(annotationSchema).superRefine((annotations, ctx) => {
    const seen = new Map<string, number>();
    annotations.forEach((annotation, index) => {
      const first = seen.get(annotation.key);
      if (first !== undefined) {
        ctx.addIssue({
          code: 'custom',
          message: msg('config.duplicateKey'),
          path: [index, 'key'],
          params: { first: first + 1 },
        });
      } else {
        seen.set(annotation.key, index);
      }
    });
  }),
  tls: ingressTlsSchema,
});
export type Ingress = z.infer<typeof ingressSchema>;

export const defaultIngress: Ingress = {
  class: 'nginx',
  annotations: [],
  tls: { enabled: false, secretName: '', certificate: '', privateKey: '' },
};
