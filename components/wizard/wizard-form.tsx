'use client';

import { usePathname, useRouter } from 'next/navigation';
import { type ReactNode, startTransition, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { FormProvider, useForm } from 'react-hook-form';

import { type DraftConflict, saveDraft } from '@/app/wizard/actions';
import { I18nProvider } from '@/components/ui/i18n-context';
import type { SecretMarkers } from '@/lib/draft/secret-fields';

import { ConflictNotice } from './conflict-notice';
import { DraftPanel } from './draft-panel';
import { LivePreview } from './live-preview';
import { LostSecrets } from './lost-secrets';
import { Stepper } from './stepper';
import { errorsByStep, WIZARD_STEPS } from './steps';
import { type SaveState, type SectionVariants, WizardContext, type WizardState } from './wizard-context';

/** The schema and zod load on first validation, not with the page. */
const loadValidation = () => import('./form-validation');

/** Milliseconds after the last change before the draft is saved. */
const SAVE_DELAY_MS = 500;

/** A value read outside render (by the resolver); a tiny store so that reads never go stale. */
function box<T>(initial: T): { get: () => T; set: (value: T) => void } {
  let value = initial;
  return { get: () => value, set: (next) => (value = next) };
}

/** Outside the I18nProvider's tree (the provider is rendered below): read the catalogue directly. */
function translateSessionEnded(messages: Readonly<Record<string, string>>): string {
  return messages['ui.security.sessionEnded'] ?? 'ui.security.sessionEnded';
}

function stepIdOf(pathname: string): string {
  return pathname.split('/')[2] ?? '';
}

/**
 * The wizard's one form: a FormProvider for every step, the stepper, and the draft saved to the
 * server (debounced on change, and before every step change). Steps use `useFormContext`.
 */
export function WizardForm({
  initialValues,
  initialMarkers,
  initialKeepSecrets,
  initialVisited,
  initialErrorCounts,
  initialRev,
  notices,
  lostSecrets,
  secretsIdleMinutes,
  variants,
  locale,
  messages,
  children,
}: {
  initialValues: Record<string, unknown>;
  initialMarkers: SecretMarkers;
  initialKeepSecrets: boolean;
  initialVisited: string[];
  initialErrorCounts: Record<string, number>;
  /** The draft's revision the page was rendered from: the first save is based on it. */
  initialRev: number;
  /** What the server says about the draft (expired secrets, a file set aside), as message keys. */
  notices: { key: string; params: Record<string, string | number> }[];
  /** Secret fields the user had filled that the server no longer holds (restart, expiry). */
  lostSecrets: readonly string[];
  secretsIdleMinutes: number;
  variants: SectionVariants;
  locale: string;
  messages: Readonly<Record<string, string>>;
  children: ReactNode;
}) {
  const router = useRouter();
  const pathname = usePathname();
  const currentStep = stepIdOf(pathname);

  const [markers, setMarkers] = useState<SecretMarkers>(initialMarkers);
  // Read by the resolver at validation time (not during render), so a plain box rather than state.
  const [markersBox] = useState(() => box(initialMarkers));
  const [keepSecrets, setKeepSecretsState] = useState(initialKeepSecrets);
  const keepRef = useRef(keepSecrets);
  const [visited, setVisited] = useState<string[]>(initialVisited);
  const visitedRef = useRef(visited);
  const [saveState, setSaveState] = useState<SaveState>('idle');
  // Errors per step for the whole draft: from the server at first (no validation code loads with
  // the page), then recomputed here after each change. Only visited steps show theirs.
  const [errorCounts, setErrorCounts] = useState<Record<string, number>>(initialErrorCounts);
  // The open step counts as visited from the first render (the server's too): its badge is there
  // from the first paint instead of appearing, and moving the stepper, once the visit is recorded.
  const stepErrors = useMemo(
    () =>
      Object.fromEntries(
        [...visited, currentStep]
          .filter((id) => errorCounts[id])
          .map((id) => [id, errorCounts[id] as number]),
      ),
    [visited, currentStep, errorCounts],
  );

  const methods = useForm({
    defaultValues: initialValues,
    resolver: async (values, context, options) =>
      (await loadValidation()).configResolver(markersBox.get)(values, context, options),
    mode: 'onTouched',
    reValidateMode: 'onChange',
  });
  const { getValues, subscribe, reset } = methods;

  // The revision this tab's values are based on; null once the user chose to save over another tab's.
  const revRef = useRef<number | null>(initialRev);
  const [conflict, setConflict] = useState<DraftConflict | null>(null);
  const [sessionEnded, setSessionEnded] = useState(false);
  const conflictRef = useRef(false);
  const dirty = useRef(false);
  const forgetRef = useRef<string[]>([]);
  const timer = useRef<number | undefined>(undefined);
  const chain = useRef<Promise<boolean>>(Promise.resolve(true));

  const recomputeErrors = useCallback(async () => {
    const { validateForm } = await loadValidation();
    const errors = validateForm(getValues(), markersBox.get());
    // Errors that belong to no single step count for the review step.
    setErrorCounts(errorsByStep(Object.keys(errors)));
  }, [getValues, markersBox]);

  const flush = useCallback((): Promise<boolean> => {
    window.clearTimeout(timer.current);
    // While another tab's save is in the way nothing is saved until the user chooses.
    if (conflictRef.current) return Promise.resolve(false);
    if (!dirty.current) return chain.current;
    dirty.current = false;
    const forget = forgetRef.current;
    forgetRef.current = [];
    setSaveState('saving');
    chain.current = chain.current.then(async () => {
      try {
        const result = await saveDraft({
          values: getValues(),
          keepSecrets: keepRef.current,
          forget,
          visited: visitedRef.current,
          baseRev: revRef.current,
        });
        if (!result.ok) {
          setSaveState('error');
          return false;
        }
        if ('conflict' in result.data) {
          // Another tab saved first: keep these changes (unsaved) and let the user choose.
          conflictRef.current = true;
          dirty.current = true;
          forgetRef.current = [...forget, ...forgetRef.current];
          setConflict(result.data);
          setSaveState('error');
          return false;
        }
        revRef.current = result.data.rev;
        setMarkers(result.data.secrets);
        markersBox.set(result.data.secrets);
        setSaveState(dirty.current ? 'saving' : 'saved');
        return true;
      } catch {
        // The server is unreachable (restarting?) or the session ended: keep the changes and try
        // again on the next change; say so when the session ended (the gate answers 401).
        dirty.current = true;
        setSaveState('error');
        void fetch('/wizard', { method: 'HEAD', cache: 'no-store' }).then(
          (r) => setSessionEnded(r.status === 401),
          () => undefined,
        );
        return false;
      }
    });
    return chain.current;
  }, [getValues, markersBox]);

  /** Saves soon (visits, the secrets opt-in): nothing to validate. */
  const scheduleSave = useCallback(() => {
    dirty.current = true;
    setSaveState('saving');
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => void flush(), SAVE_DELAY_MS);
  }, [flush]);

  /** After a change of the values: saves soon and recounts the errors. */
  const schedule = useCallback(() => {
    dirty.current = true;
    // Pending changes show as "saving" at once, so "saved" always means the server has everything.
    setSaveState('saving');
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => {
      void flush();
      void recomputeErrors();
    }, SAVE_DELAY_MS);
  }, [flush, recomputeErrors]);

  useEffect(
    () => subscribe({ formState: { values: true }, callback: () => schedule() }),
    [subscribe, schedule],
  );

  // A step counts as visited once opened; the stepper badges errors of visited steps only.
  // Bookkeeping, so a transition: on a page load it runs right after hydration, and an urgent
  // update would make React render any Suspense boundary not hydrated yet again from scratch.
  useEffect(() => {
    if (!currentStep || visitedRef.current.includes(currentStep)) return;
    const next = [...visitedRef.current, currentStep];
    visitedRef.current = next;
    startTransition(() => {
      setVisited(next);
      scheduleSave();
    });
  }, [currentStep, scheduleSave]);

  // Last chance on reload or tab close: start the save (the browser may or may not let it finish).
  useEffect(() => {
    const onHide = () => {
      if (dirty.current) void flush();
    };
    window.addEventListener('pagehide', onHide);
    return () => window.removeEventListener('pagehide', onHide);
  }, [flush]);

  const state: WizardState = useMemo(
    () => ({
      markers,
      keepSecrets,
      setKeepSecrets: (keep: boolean) => {
        keepRef.current = keep;
        setKeepSecretsState(keep);
        dirty.current = true;
        void flush();
      },
      forgetSecret: (path: string) => {
        forgetRef.current.push(path);
        const next = { ...markersBox.get(), [path]: false };
        markersBox.set(next);
        setMarkers(next);
        dirty.current = true;
        void flush();
      },
      forgetSecretsUnder: (prefix: string) => {
        const next = { ...markersBox.get() };
        for (const path of Object.keys(next)) {
          if (path.startsWith(`${prefix}.`) && next[path]) {
            forgetRef.current.push(path);
            next[path] = false;
          }
        }
        markersBox.set(next);
        setMarkers(next);
        schedule();
      },
      flush,
      goTo: async (href: string) => {
        await flush();
        router.push(href);
      },
      replaceDraft: (values: unknown, newMarkers: SecretMarkers, rev = 0) => {
        revRef.current = rev;
        markersBox.set(newMarkers);
        setMarkers(newMarkers);
        reset(values as Record<string, unknown>);
        dirty.current = false;
        setSaveState('saved');
        void recomputeErrors();
      },
      variants,
      saveState,
      stepErrors,
    }),
    [
      markers,
      markersBox,
      keepSecrets,
      flush,
      schedule,
      router,
      reset,
      recomputeErrors,
      variants,
      saveState,
      stepErrors,
    ],
  );

  /** "Keep mine": the next save goes over whatever the other tab stored. */
  const keepMine = useCallback(() => {
    conflictRef.current = false;
    revRef.current = null;
    setConflict(null);
    dirty.current = true;
    void flush();
  }, [flush]);

  /** "Take theirs": this tab's unsaved changes are dropped for what the other tab stored. */
  const takeTheirs = useCallback(() => {
    if (!conflict) return;
    const { theirs } = conflict;
    conflictRef.current = false;
    revRef.current = theirs.rev;
    forgetRef.current = [];
    visitedRef.current = theirs.visited;
    setVisited(theirs.visited);
    keepRef.current = theirs.keepSecrets;
    setKeepSecretsState(theirs.keepSecrets);
    markersBox.set(theirs.secrets);
    setMarkers(theirs.secrets);
    setConflict(null);
    reset(theirs.values as Record<string, unknown>);
    dirty.current = false;
    setSaveState('saved');
    void recomputeErrors();
  }, [conflict, markersBox, reset, recomputeErrors]);

  return (
    <I18nProvider locale={locale} messages={messages}>
      <FormProvider {...methods}>
        <WizardContext.Provider value={state}>
          <div className="wizard">
            <div>
              <Stepper current={currentStep} steps={WIZARD_STEPS} />
              <DraftPanel notices={notices} secretsIdleMinutes={secretsIdleMinutes} />
            </div>
            <div className="wizard-main">
              {sessionEnded && (
                <p className="notice notice-error" role="alert">
                  {translateSessionEnded(messages)}
                </p>
              )}
              <LostSecrets paths={lostSecrets.filter((path) => !markers[path])} />
              {conflict && (
                <ConflictNotice fields={conflict.fields} onKeepMine={keepMine} onTakeTheirs={takeTheirs} />
              )}
              {children}
            </div>
            {WIZARD_STEPS.find((step) => step.id === currentStep)?.fields.length ? <LivePreview /> : null}
          </div>
        </WizardContext.Provider>
      </FormProvider>
    </I18nProvider>
  );
}
