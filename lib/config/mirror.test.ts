import { describe, expect, it } from 'vitest';

import { installConfigSchema, defaultInstallConfig, toFieldErrors } from './index';
import { mirrorSchema } from './mirror';

describe('mirror section', () => {
  it('accepts an empty source: the step is skipped', () => {
    expect(mirrorSchema.safeParse({ source: '' }).success).toBe(true);
  });

  it('accepts an absolute path', () => {
    expect(mirrorSchema.safeParse({ source: '/media/usb/bundle' }).success).toBe(true);
  });

  it('refuses a relative path with the message that says to start with /', () => {
    const r = installConfigSchema.safeParse({ ...defaultInstallConfig, mirror: { source: 'bundle' } });
    expect(r.success).toBe(false);
    if (!r.success)
      expect(toFieldErrors(r.error)['mirror.source']?.key).toBe('config.mirror.source.absolute');
  });

  it('refuses a line break', () => {
    const r = mirrorSchema.safeParse({ source: '/media/usb\n/bundle' });
    expect(r.success).toBe(false);
  });
});
