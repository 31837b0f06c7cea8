'use client';

import { type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { useFieldArray, useFormContext, useFormState, useWatch } from 'react-hook-form';

import { describedBy, Field } from '@/components/ui/field';
import { useT } from '@/components/ui/i18n-context';
import { SecretInput } from '@/components/ui/secret-input';
import { hintFor, hintReads } from '@/lib/config/hints';
import { getPath } from '@/lib/draft/secret-fields';

import { fieldId } from './field-id';
import { decodeMessage } from './field-messages';
import { useWizard } from './wizard-context';

export { fieldId };

/** The translated error of a field, or undefined. */
export function useFieldError(name: string): string | undefined {
  const t = useT();
  const { errors } = useFormState({ name });
  const error = getPath(errors, name) as { message?: string } | undefined;
  const decoded = decodeMessage(error?.message);
  return decoded ? t(decoded.key, decoded.params) : undefined;
}

interface TextProps {
  name: string;
  /** Message keys of the label and the help; the example is a literal value. */
  label: string;
  labelParams?: Record<string, string | number>;
  help?: string;
  example?: string;
  required?: boolean;
  placeholder?: string;
  inputMode?: 'text' | 'url' | 'numeric';
  /**
   * Values to suggest (a datalist), e.g. the cluster's namespaces; free text stays allowed. An
   * entry with a label shows it beside the value (the cluster's default StorageClass).
   */
  suggestions?: readonly (string | { readonly value: string; readonly label: string })[];
}

/** The translated hint of a field (lib/config/hints), following the values it reads; or undefined. */
export function useFieldHint(name: string): string | undefined {
  const t = useT();
  const reads = hintReads(name);
  const watched = useWatch({ name: reads.length > 0 ? [...reads] : [name] }) as unknown[];
  if (reads.length === 0) return undefined;
  const hint = hintFor(name, (path) => watched[reads.indexOf(path)]);
  return hint ? t(hint.key, hint.params) : undefined;
}

function useCommon(name: string, help?: string, example?: string) {
  const id = fieldId(name);
  const error = useFieldError(name);
  const hint = useFieldHint(name);
  return {
    id,
    error,
    hint,
    aria: {
      'aria-invalid': error ? true : undefined,
      'aria-describedby': describedBy(id, Boolean(help || example), Boolean(error), Boolean(hint && !error)),
    },
  };
}

/** A one-line text field bound to the form. */
export function TextField({
  name,
  label,
  labelParams,
  help,
  example,
  required,
  placeholder,
  inputMode,
  suggestions,
}: TextProps) {
  const t = useT();
  const { register } = useFormContext();
  const { id, error, hint, aria } = useCommon(name, help, example);
  const listId = suggestions?.length ? `${id}-suggestions` : undefined;
  return (
    <Field
      id={id}
      label={t(label, labelParams)}
      help={help ? t(help) : undefined}
      example={example}
      error={error}
      hint={hint}
      required={required}
    >
      <input
        id={id}
        type="text"
        inputMode={inputMode}
        autoComplete="off"
        spellCheck={false}
        placeholder={placeholder}
        aria-required={required || undefined}
        list={listId}
        {...aria}
        {...register(name)}
      />
      {listId ? (
        <datalist id={listId}>
          {suggestions!.map((s) =>
            typeof s === 'string' ? (
              <option key={s} value={s} />
            ) : (
              <option key={s.value} value={s.value} label={s.label} />
            ),
          )}
        </datalist>
      ) : null}
    </Field>
  );
}

/** A whole-number field (ports): stored as a number. */
export function NumberField({ name, label, help, example, required }: TextProps) {
  const t = useT();
  const { register } = useFormContext();
  const { id, error, hint, aria } = useCommon(name, help, example);
  return (
    <Field
      id={id}
      label={t(label)}
      help={help ? t(help) : undefined}
      example={example}
      error={error}
      hint={hint}
      required={required}
    >
      <input
        id={id}
        type="number"
        inputMode="numeric"
        autoComplete="off"
        aria-required={required || undefined}
        {...aria}
        {...register(name, { valueAsNumber: true })}
      />
    </Field>
  );
}

/**
 * A secret (license, password, key): masked with a reveal button. When the server already holds
 * it, the field stays empty and says so; typing replaces it, "forget" drops it.
 */
export function SecretField({
  name,
  label,
  help,
  example,
  required,
  multiline,
  upload,
}: TextProps & { multiline?: boolean; upload?: { accept: string } }) {
  const t = useT();
  const { register, setValue } = useFormContext();
  const fileId = useId();
  const value = useWatch({ name }) as unknown;
  const { markers, forgetSecret, saveState } = useWizard();
  const stored = Boolean(markers[name]) && value === '';
  const area = useRef<HTMLTextAreaElement | null>(null);
  const [left, setLeft] = useState(0);
  // A multi-line secret (a key, a kubeconfig) is shown in clear while typed; once the server holds
  // it and the user has left the field, the page lets it go and says it is stored.
  useEffect(() => {
    if (!multiline || saveState !== 'saved' || !markers[name] || value === '') return;
    if (typeof document !== 'undefined' && document.activeElement === area.current) return;
    setValue(name, '', { shouldDirty: false, shouldValidate: false });
  }, [multiline, saveState, markers, name, value, setValue, left]);
  const { ref: registerRef, ...registered } = register(name);
  const { id, error, hint, aria } = useCommon(name, help, example);
  const storedId = `${id}-stored`;
  const describedByIds =
    [aria['aria-describedby'], stored ? storedId : null].filter(Boolean).join(' ') || undefined;
  return (
    <Field
      id={id}
      label={t(label)}
      help={help ? t(help) : undefined}
      example={example}
      error={error}
      hint={hint}
      required={required}
    >
      {multiline ? (
        <textarea
          id={id}
          rows={6}
          spellCheck={false}
          autoComplete="off"
          placeholder={stored ? t('ui.secret.storedPlaceholder') : undefined}
          aria-required={required || undefined}
          aria-invalid={aria['aria-invalid']}
          aria-describedby={describedByIds}
          {...registered}
          onBlur={(event) => {
            void registered.onBlur(event);
            setLeft((n) => n + 1);
          }}
          ref={(element) => {
            registerRef(element);
            area.current = element;
          }}
        />
      ) : (
        <SecretInput
          id={id}
          showLabel={t('ui.secret.show')}
          hideLabel={t('ui.secret.hide')}
          placeholder={stored ? t('ui.secret.storedPlaceholder') : undefined}
          aria-required={required || undefined}
          aria-invalid={aria['aria-invalid']}
          aria-describedby={describedByIds}
          {...register(name)}
        />
      )}
      {upload ? (
        <span className="review-actions">
          <label htmlFor={fileId}>{t('ui.field.uploadFile', { field: t(label) })}</label>
          <input
            id={fileId}
            type="file"
            accept={upload.accept}
            onChange={async (event) => {
              const input = event.currentTarget;
              const file = input.files?.[0];
              if (!file) return;
              setValue(name, await file.text(), {
                shouldDirty: true,
                shouldValidate: true,
                shouldTouch: true,
              });
              input.value = '';
            }}
          />
        </span>
      ) : null}
      {stored ? (
        <p id={storedId} className="field-help">
          {t('ui.secret.stored')}{' '}
          <button type="button" className="button button-small" onClick={() => forgetSecret(name)}>
            {t('ui.secret.forget')}
          </button>
        </p>
      ) : null}
    </Field>
  );
}

/** A checkbox bound to a boolean field, with its help underneath. */
export function CheckboxField({ name, label, help }: { name: string; label: string; help?: string }) {
  const t = useT();
  const { register } = useFormContext();
  const id = fieldId(name);
  const error = useFieldError(name);
  return (
    <div className="field">
      <div className="check">
        <input
          id={id}
          type="checkbox"
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(id, Boolean(help), Boolean(error))}
          {...register(name)}
        />
        <label htmlFor={id}>{t(label)}</label>
      </div>
      {error ? (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      ) : null}
      {help ? (
        <p id={`${id}-help`} className="field-help">
          {t(help)}
        </p>
      ) : null}
    </div>
  );
}

/** A choice among a few options, as radio buttons in a fieldset. `onChoose` replaces the default setValue. */
export function ChoiceField({
  name,
  legend,
  help,
  options,
  onChoose,
}: {
  name: string;
  legend: string;
  help?: string;
  options: readonly { value: string; label: string; help?: string }[];
  onChoose?: (value: string) => void;
}) {
  const t = useT();
  const { setValue } = useFormContext();
  const value = useWatch({ name }) as unknown;
  const id = fieldId(name);
  const error = useFieldError(name);
  return (
    <fieldset className="fieldset" aria-describedby={help ? `${id}-help` : undefined}>
      <legend>{t(legend)}</legend>
      {help ? (
        <p id={`${id}-help`} className="fieldset-hint">
          {t(help)}
        </p>
      ) : null}
      <div className="radio-group">
        {options.map((option) => {
          const optionId = `${id}-${option.value}`;
          return (
            <div key={option.value} className="check">
              <input
                id={optionId}
                type="radio"
                name={id}
                value={option.value}
                checked={value === option.value}
                aria-describedby={option.help ? `${optionId}-help` : undefined}
                onChange={() =>
                  onChoose
                    ? onChoose(option.value)
                    : setValue(name, option.value, { shouldDirty: true, shouldValidate: true })
                }
              />
              <label htmlFor={optionId}>
                {t(option.label)}
                {option.help ? (
                  <span id={`${optionId}-help`} className="field-help">
                    {' '}
                    — {t(option.help)}
                  </span>
                ) : null}
              </label>
            </div>
          );
        })}
      </div>
      {error ? <p className="field-error">{error}</p> : null}
    </fieldset>
  );
}

/** A multi-line text field with an optional file upload (PEM bundles); `after` renders below it. */
export function TextAreaField({
  name,
  label,
  help,
  example,
  upload,
  after,
}: {
  name: string;
  label: string;
  help?: string;
  example?: string;
  upload?: { label: string; accept: string };
  after?: ReactNode;
}) {
  const t = useT();
  const { register, setValue } = useFormContext();
  const { id, error, hint, aria } = useCommon(name, help, example);
  const fileId = useId();
  const fileRef = useRef<HTMLInputElement>(null);
  return (
    <>
      <Field
        id={id}
        label={t(label)}
        help={help ? t(help) : undefined}
        example={example}
        error={error}
        hint={hint}
      >
        <textarea id={id} rows={8} spellCheck={false} autoComplete="off" {...aria} {...register(name)} />
        {upload ? (
          <span className="review-actions">
            <label htmlFor={fileId}>{t(upload.label, { field: t(label) })}</label>
            <input
              id={fileId}
              ref={fileRef}
              type="file"
              accept={upload.accept}
              onChange={async (event) => {
                const file = event.target.files?.[0];
                if (!file) return;
                setValue(name, await file.text(), {
                  shouldDirty: true,
                  shouldValidate: true,
                  shouldTouch: true,
                });
                if (fileRef.current) fileRef.current.value = '';
              }}
            />
          </span>
        ) : null}
      </Field>
      {after}
    </>
  );
}

/** Rows of key/value pairs (extraEnv, annotations) with add and remove buttons. */
export function KeyValueListField({
  name,
  legend,
  help,
  keyLabel,
  valueLabel,
  addLabel,
  removeLabel,
  keyExample,
  valueExample,
}: {
  name: string;
  legend: string;
  help?: string;
  keyLabel: string;
  valueLabel: string;
  addLabel: string;
  removeLabel: string;
  keyExample?: string;
  valueExample?: string;
}) {
  const t = useT();
  const { fields, append, remove } = useFieldArray({ name });
  return (
    <fieldset className="fieldset">
      <legend>{t(legend)}</legend>
      {help ? <p className="fieldset-hint">{t(help)}</p> : null}
      {fields.map((field, index) => (
        <div key={field.id} className="fieldset">
          <TextField
            name={`${name}.${index}.key`}
            label={keyLabel}
            labelParams={{ index: index + 1 }}
            example={keyExample}
            required
          />
          <TextField
            name={`${name}.${index}.value`}
            label={valueLabel}
            labelParams={{ index: index + 1 }}
            example={valueExample}
          />
          <button type="button" className="button button-small" onClick={() => remove(index)}>
            {t(removeLabel, { index: index + 1 })}
          </button>
        </div>
      ))}
      <button type="button" className="button button-small" onClick={() => append({ key: '', value: '' })}>
        {t(addLabel)}
      </button>
    </fieldset>
  );
}
