'use client';

import { createContext, useContext } from 'react';

import type { Bucket, ChartSource, Mysql } from '@/lib/config';
import type { SecretMarkers } from '@/lib/draft/secret-fields';

/**
 * The empty value of each variant of the discriminated sections, computed on the server (the
 * browser does not load the schema modules that define them until it validates).
 */
export interface SectionVariants {
  bucket: Record<Bucket['provider'], Bucket>;
  mysql: Record<Mysql['mode'], Mysql>;
  chartSource: Record<ChartSource['kind'], ChartSource>;
}

export type SaveState = 'idle' | 'saving' | 'saved' | 'error';

/** What the wizard's layout shares with its steps besides the form itself. */
export interface WizardState {
  /** Which secret fields the server holds (their values never come back). */
  markers: SecretMarkers;
  /** The user's opt-in to keep secrets on this machine's disk. */
  keepSecrets: boolean;
  setKeepSecrets: (keep: boolean) => void;
  /** Drops the stored value of a secret field on the next save. */
  forgetSecret: (path: string) => void;
  /** Drops every stored secret under a section (when a provider or kind switch makes them meaningless). */
  forgetSecretsUnder: (prefix: string) => void;
  /** Saves now; resolves when the server has the draft (false on failure). */
  flush: () => Promise<boolean>;
  /** Saves, then opens another step. */
  goTo: (href: string) => Promise<void>;
  /**
   * Replaces the whole form (import, start over) with values and markers the server returned. Await
   * `flush()` before the server action that replaces the draft, or a pending save lands after it.
   * `rev` is the draft's revision after the replacement (0 after start over).
   */
  replaceDraft: (values: unknown, markers: SecretMarkers, rev?: number) => void;
  variants: SectionVariants;
  saveState: SaveState;
  /** Number of errors per step id, for the steps the user has visited. */
  stepErrors: Record<string, number>;
}

export const WizardContext = createContext<WizardState | null>(null);

/** The wizard's shared state; only inside the wizard layout. */
export function useWizard(): WizardState {
  const state = useContext(WizardContext);
  if (!state) throw new Error('useWizard outside the wizard layout');
  return state;
}
