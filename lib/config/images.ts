import { z } from 'zod';

import type { ImageId } from './chart-images';
import { msg } from './field-errors';
import { IMAGE_TAG, isImageRepository } from './formats';

/**
 * Per-image overrides. Every image is mirrored by the rule in `image-ref.ts`; a consultant
 * overrides a single repository (the full internal repository, e.g. the procedure's flattened
 * `registry.yourdomain.com/local`) or a single tag. Empty means "use the rule / the default tag".
 */
export const imageOverrideSchema = z.object({
  repository: z
    .string()
    .refine((value) => value === '' || isImageRepository(value), msg('config.images.repository.invalid')),
  tag: z.string().refine((value) => value === '' || IMAGE_TAG.test(value), msg('config.images.tag.invalid')),
});
export type ImageOverride = z.infer<typeof imageOverrideSchema>;

export const imagesSchema = z.object({
  controller: imageOverrideSchema,
  local: imageOverrideSchema,
  console: imageOverrideSchema,
  megabinary: imageOverrideSchema,
  weavePython: imageOverrideSchema,
  alpineK8s: imageOverrideSchema,
  otelCollector: imageOverrideSchema,
  prometheus: imageOverrideSchema,
  configReloader: imageOverrideSchema,
  redis: imageOverrideSchema,
  mysql: imageOverrideSchema,
}) satisfies z.ZodType<Record<ImageId, ImageOverride>>;
export type Images = z.infer<typeof imagesSchema>;

const none = (): ImageOverride => ({ repository: '', tag: '' });

export const defaultImages: Images = {
  controller: none(),
  local: none(),
  console: none(),
  megabinary: none(),
  weavePython: none(),
  alpineK8s: none(),
  otelCollector: none(),
  prometheus: none(),
  configReloader: none(),
  redis: none(),
  mysql: none(),
};
