import { z } from 'zod';

import { msg } from './field-errors';
import { hasControlCharacter } from './formats';

/** True for an absolute path on the wizard's machine (`/media/usb/bundle`). */
export function isAbsolutePath(value: string): boolean {
  return value.startsWith('/');
}

/**
 * The Mirror step: the folder on the wizard's machine that holds the images to push (a `wsm
 * download` bundle, or a folder of `docker save` / OCI-layout archives). Empty when the step is
 * skipped (the images are mirrored already). Nothing of it is installed on the cluster.
 */
export const mirrorSchema = z.object({
  source: z
    .string()
    .max(4096, msg('config.tooLong'))
    .refine((value) => !hasControlCharacter(value), msg('config.singleLine'))
    .refine((value) => value === '' || isAbsolutePath(value), msg('config.mirror.source.absolute')),
});
export type Mirror = z.infer<typeof mirrorSchema>;

export const defaultMirror: Mirror = { source: '' };
