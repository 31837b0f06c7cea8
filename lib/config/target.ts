import { z } from 'zod';

import { msg } from './field-errors';
import { DNS_LABEL, DNS_LABEL_MAX, hasControlCharacter, RELEASE_NAME_MAX } from './formats';

const namespace = z
  .string()
  .min(1, msg('config.required'))
  .refine((value) => value.length <= DNS_LABEL_MAX && DNS_LABEL.test(value), {
    message: msg('config.name.dnsLabel'),
    params: { maximum: DNS_LABEL_MAX },
  });

/**
 * Where the install goes: the operator's namespace, the custom resource's name and namespace
 * (the CR name is also the Helm release name of the platform, hence at most 53 characters),
 * and the kubeconfig context ('' = the current context).
 */
export const targetSchema = z.object({
  operatorNamespace: namespace,
  crName: z
    .string()
    .min(1, msg('config.required'))
    .refine((value) => value.length <= RELEASE_NAME_MAX && DNS_LABEL.test(value), {
      message: msg('config.name.dnsLabel'),
      params: { maximum: RELEASE_NAME_MAX },
    }),
  crNamespace: namespace,
  kubeContext: z
    .string()
    .max(253, msg('config.tooLong'))
    .refine((value) => !hasControlCharacter(value), msg('config.singleLine')),
});
export type Target = z.infer<typeof targetSchema>;

export const defaultTarget: Target = {
  operatorNamespace: 'wandb',
  crName: 'wandb',
  crNamespace: 'default',
  kubeContext: '',
};
