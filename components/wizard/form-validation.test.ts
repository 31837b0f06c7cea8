import { describe, expect, it } from 'vitest';

import { defaultInstallConfig, PROCEDURE_EXAMPLE } from '@/lib/config';
import { getPath } from '@/lib/draft/secret-fields';

import { decodeMessage, encodeMessage } from './field-messages';
import { fillStoredSecrets, toFormErrors, validateForm } from './form-validation';

describe('form validation', () => {
  it('accepts the procedure example and reports required fields of the defaults', () => {
    expect(validateForm(PROCEDURE_EXAMPLE, {})).toEqual({});
    const errors = validateForm(defaultInstallConfig, {});
    expect(errors['registry.host']?.key).toBe('config.required');
    expect(errors['platform.license']?.key).toBe('config.required');
  });

  it('counts a secret the server holds as filled, and only when the field is empty', () => {
    const values = { ...PROCEDURE_EXAMPLE, platform: { ...PROCEDURE_EXAMPLE.platform, license: '' } };
    expect(validateForm(values, {})['platform.license']?.key).toBe('config.required');
    expect(validateForm(values, { 'platform.license': true })['platform.license']).toBeUndefined();
    const { filled } = fillStoredSecrets({ platform: { license: 'typed' } }, { 'platform.license': true });
    expect(filled).toEqual([]);
  });

  it('does not judge the shape of a stored secret it cannot see', () => {
    const values = {
      ...PROCEDURE_EXAMPLE,
      ingress: {
        ...PROCEDURE_EXAMPLE.ingress,
        tls: { enabled: true, secretName: 'tls', certificate: '', privateKey: '' },
      },
    };
    // The stand-in is not a PEM key, but the real one on the server may be.
    expect(
      validateForm(values, { 'ingress.tls.privateKey': true })['ingress.tls.privateKey'],
    ).toBeUndefined();
  });

  it('keeps message parameters through react-hook-form', () => {
    const message = { key: 'config.tooLong', params: { maximum: 5 } } as const;
    expect(decodeMessage(encodeMessage(message))).toEqual(message);
    expect(decodeMessage('plain English')).toBeNull();
    const nested = toFormErrors({
      'platform.extraEnv.0.key': message,
      '': { key: 'config.invalid', params: {} },
    });
    expect(
      decodeMessage((getPath(nested, 'platform.extraEnv.0.key') as { message: string }).message),
    ).toEqual(message);
    expect(getPath(nested, 'root.config')).toBeDefined();
  });
});
