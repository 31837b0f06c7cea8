'use client';

import { type ComponentPropsWithRef, useState } from 'react';

/**
 * A password-style input with a button that shows or hides what was typed. The value never
 * leaves the input for the page (no echo, no title). `showLabel`/`hideLabel` are the button's texts.
 */
export function SecretInput({
  showLabel,
  hideLabel,
  ref,
  ...props
}: Omit<ComponentPropsWithRef<'input'>, 'type'> & { showLabel: string; hideLabel: string; id: string }) {
  const [shown, setShown] = useState(false);
  return (
    <span className="secret-input">
      <input
        {...props}
        ref={ref}
        type={shown ? 'text' : 'password'}
        autoComplete="off"
        spellCheck={false}
        autoCapitalize="off"
      />
      <button
        type="button"
        className="button button-small"
        aria-controls={props.id}
        aria-pressed={shown}
        onClick={() => setShown((s) => !s)}
      >
        {shown ? hideLabel : showLabel}
      </button>
    </span>
  );
}
