'use client';

import { useState } from 'react';

/**
 * Copies the text of the element `targetId` (the rendered, secret-masked preview) to the clipboard and
 * says so in a polite live region.
 */
export function CopyButton({
  targetId,
  label,
  doneLabel,
}: {
  targetId: string;
  label: string;
  doneLabel: string;
}) {
  const [done, setDone] = useState(false);
  async function copy() {
    const text = document.getElementById(targetId)?.textContent ?? '';
    try {
      await navigator.clipboard.writeText(text);
    } catch {
      // Without the Clipboard API (plain http on another host) fall back to a selection the user can copy.
      const range = document.createRange();
      const el = document.getElementById(targetId);
      if (!el) return;
      range.selectNodeContents(el);
      const sel = window.getSelection();
      sel?.removeAllRanges();
      sel?.addRange(range);
      document.execCommand('copy');
    }
    setDone(true);
    window.setTimeout(() => setDone(false), 3000);
  }
  return (
    <>
      <button type="button" className="button button-small" onClick={copy}>
        {label}
      </button>
      <span className="visually-hidden-live" aria-live="polite">
        {done ? doneLabel : ''}
      </span>
    </>
  );
}
