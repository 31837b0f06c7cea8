import { describe, expect, it } from 'vitest';

import { type MessageKey, translate } from '@/lib/i18n';

import { fieldHref, fieldLabel } from './field-labels';

const en = (key: MessageKey, params?: Record<string, string | number>) => translate('en', key, params);
const ja = (key: MessageKey, params?: Record<string, string | number>) => translate('ja', key, params);

describe('fieldLabel', () => {
  it('names a field by the label its step shows, never by its code path', () => {
    expect(fieldLabel('platform.license', en)).toBe(translate('en', 'ui.field.platform.license'));
    expect(fieldLabel('platform.license', ja)).toBe(translate('ja', 'ui.field.platform.license'));
    expect(fieldLabel('mysql.password', ja)).not.toContain('mysql');
  });

  it('numbers the rows of a list from 1', () => {
    expect(fieldLabel('platform.extraEnv.2.value', en)).toBe(
      translate('en', 'ui.field.platform.extraEnv.value', { index: 3 }),
    );
  });

  it('names the chart a chart field belongs to', () => {
    expect(fieldLabel('charts.platform.source.url', en)).toBe(
      `${translate('en', 'ui.charts.platform.legend')}: ${translate('en', 'ui.field.charts.url')}`,
    );
  });

  it('falls back to the nearest parent, then to the step', () => {
    expect(fieldLabel('ingress.tls.certificate', en)).toBe(translate('en', 'ui.field.ingress.tls.certificate'));
    expect(fieldLabel('registry', en)).toBe(translate('en', 'ui.step.registry.title'));
  });
});

describe('fieldHref', () => {
  it('links to the field on its own step', () => {
    expect(fieldHref('platform.license')).toBe('/wizard/platform#f-platform-license');
    expect(fieldHref('bucket.secretKey')).toBe('/wizard/storage#f-bucket-secretKey');
  });
});
