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
 * Where the wizard finds the cluster's kubeconfig:
 * - `server`: as kubectl on the wizard's host does (`KUBECONFIG`, else `~/.kube/config`);
 * - `path`: a kubeconfig file on the wizard's host;
 * - `upload`: a kubeconfig uploaded or pasted into the wizard. Its text holds credentials, so it is
 *   a secret like the license (`target.kubeconfig.content` in the secret fields).
 */
export const KUBECONFIG_SOURCES = ['server', 'path', 'upload'] as const;
export type KubeconfigSourceKind = (typeof KUBECONFIG_SOURCES)[number];

/** The largest kubeconfig the wizard accepts (real ones with embedded certificates are a few KiB). */
export const KUBECONFIG_MAX_BYTES = 256 * 1024;

export const kubeconfigSchema = z
  .object({
    source: z.enum(KUBECONFIG_SOURCES, { error: msg('config.invalidOption') }),
    path: z
      .string()
      .max(4096, msg('config.tooLong'))
      .refine((value) => !hasControlCharacter(value), msg('config.singleLine')),
    content: z.string().max(KUBECONFIG_MAX_BYTES, msg('config.tooLong')),
  })
  .superRefine((k, ctx) => {
    if (k.source === 'path') {
      const path = k.path.trim();
      if (path === '') ctx.addIssue({ code: 'custom', message: msg('config.required'), path: ['path'] });
      else if (!path.startsWith('/') && !path.startsWith('~/'))
        ctx.addIssue({ code: 'custom', message: msg('config.kubeconfig.pathAbsolute'), path: ['path'] });
    }
    if (k.source === 'upload' && k.content.trim() === '')
      ctx.addIssue({ code: 'custom', message: msg('config.kubeconfig.contentRequired'), path: ['content'] });
  });
export type KubeconfigChoice = z.infer<typeof kubeconfigSchema>;

export const defaultKubeconfig: KubeconfigChoice = { source: 'server', path: '', content: '' };

/**
 * Where the install goes: the operator's namespace, the custom resource's name and namespace
 * (the CR name is also the Helm release name of the platform, hence at most 53 characters),
 * the kubeconfig the wizard reaches the cluster with, and its context ('' = the current context).
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
  kubeconfig: kubeconfigSchema,
});
export type Target = z.infer<typeof targetSchema>;

export const defaultTarget: Target = {
  operatorNamespace: 'wandb',
  crName: 'wandb',
  crNamespace: 'default',
  kubeContext: '',
  kubeconfig: defaultKubeconfig,
};
