import { isMessageKey, type MessageKey } from '@/lib/i18n';

import { fieldId } from './field-id';
import { stepHref, stepOfPath } from './steps';

type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/**
 * What a user calls a form path: the label of its field as the step shows it
 * (`platform.license` → "License", `platform.extraEnv.2.value` → "Value (row 3)",
 * `charts.platform.source.url` → "Platform chart (operator-wandb): Repository URL"). A path with
 * no field of its own takes its nearest parent's label; none at all gives the step's title.
 */
export function fieldLabel(path: string, t: Translate): string {
  const parts = path.split('.');
  let index: number | undefined;
  const named: string[] = [];
  for (const part of parts) {
    if (/^\d+$/.test(part)) index = Number(part) + 1;
    else named.push(part);
  }
  const params: Record<string, number> = index === undefined ? {} : { index };
  let prefix = '';
  let candidates: string[];
  if (named[0] === 'charts' && (named[1] === 'operator' || named[1] === 'platform')) {
    const legend = `ui.charts.${named[1]}.legend`;
    if (isMessageKey(legend)) prefix = `${t(legend)}: `;
    const rest = named.slice(2).filter((part) => part !== 'source');
    candidates = rest.map((_, i) => `ui.field.charts.${rest.slice(0, rest.length - i).join('.')}`);
  } else if (named[0] === 'images' && named.length >= 3) {
    candidates = [`ui.field.images.${named[2]}`];
    prefix = `${named[1]}: `;
  } else if (named[0] === 'bucket' && (named[1] === 'name' || named[1] === 'path')) {
    candidates = [`ui.field.bucket.s3.${named[1]}`];
  } else {
    candidates = named.map((_, i) => `ui.field.${named.slice(0, named.length - i).join('.')}`);
  }
  const key = candidates.find((candidate) => isMessageKey(candidate));
  if (key && isMessageKey(key)) return prefix + t(key, params);
  const step = stepOfPath(path);
  return prefix + t(step.titleKey as MessageKey);
}

/** The address of a field: its step's page, scrolled to its control. */
export function fieldHref(path: string): string {
  return `${stepHref(stepOfPath(path).id)}#${fieldId(path)}`;
}
