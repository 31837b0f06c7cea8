/**
 * The wizard's steps, as data. This one array drives the stepper, the navigation, the error
 * badges and the "next" button (which validates `fields`, the form paths the step owns).
 * To add a step: add an entry here and its route, `app/wizard/<id>/page.tsx`.
 */
export interface WizardStep {
  readonly id: string;
  readonly titleKey: string;
  /** A sentence under the title saying what the step is for. */
  readonly leadKey: string;
  /** Form paths (sections or single fields) that this step edits: validated by "next", badged on errors. */
  readonly fields: readonly string[];
  /** False for a step whose feature has not landed yet: shown as "not available yet". */
  readonly available: boolean;
}

export const WIZARD_STEPS = [
  {
    id: 'start',
    titleKey: 'ui.step.start.title',
    leadKey: 'ui.step.start.lead',
    fields: [],
    available: true,
  },
  {
    id: 'registry',
    titleKey: 'ui.step.registry.title',
    leadKey: 'ui.step.registry.lead',
    fields: ['registry', 'images'],
    available: true,
  },
  {
    id: 'charts',
    titleKey: 'ui.step.charts.title',
    leadKey: 'ui.step.charts.lead',
    fields: ['charts'],
    available: true,
  },
  {
    id: 'platform',
    titleKey: 'ui.step.platform.title',
    leadKey: 'ui.step.platform.lead',
    fields: ['platform', 'target', 'secrets'],
    available: true,
  },
  {
    id: 'storage',
    titleKey: 'ui.step.storage.title',
    leadKey: 'ui.step.storage.lead',
    fields: ['bucket'],
    available: true,
  },
  {
    id: 'database',
    titleKey: 'ui.step.database.title',
    leadKey: 'ui.step.database.lead',
    fields: ['mysql'],
    available: true,
  },
  {
    id: 'network',
    titleKey: 'ui.step.network.title',
    leadKey: 'ui.step.network.lead',
    fields: ['ingress', 'certificates'],
    available: true,
  },
  {
    // Optional: a user whose images are mirrored already goes on without it.
    id: 'mirror',
    titleKey: 'ui.step.mirror.title',
    leadKey: 'ui.step.mirror.lead',
    fields: ['mirror'],
    available: true,
  },
  {
    id: 'prerequisites',
    titleKey: 'ui.step.prerequisites.title',
    leadKey: 'ui.step.prerequisites.lead',
    fields: [],
    available: true,
  },
  {
    id: 'review',
    titleKey: 'ui.step.review.title',
    leadKey: 'ui.step.review.lead',
    fields: [],
    available: true,
  },
  {
    id: 'apply',
    titleKey: 'ui.step.apply.title',
    leadKey: 'ui.step.apply.lead',
    fields: [],
    available: true,
  },
] as const satisfies readonly WizardStep[];

export type StepId = (typeof WIZARD_STEPS)[number]['id'];

/** The step with this id, or undefined. */
export function findStep(id: string): WizardStep | undefined {
  return WIZARD_STEPS.find((s) => s.id === id);
}

/** The steps before and after `id`. */
export function neighbours(id: string): { previous?: WizardStep; next?: WizardStep } {
  const i = WIZARD_STEPS.findIndex((s) => s.id === id);
  return {
    previous: i > 0 ? WIZARD_STEPS[i - 1] : undefined,
    next: i >= 0 ? WIZARD_STEPS[i + 1] : undefined,
  };
}

/** The URL of a step. */
export function stepHref(id: string): string {
  return `/wizard/${id}`;
}

/**
 * The step that owns a field path (`bucket.secretKey` → storage). Paths no step owns (an error
 * about the whole configuration) belong to the review step, where they are listed.
 */
export function stepOfPath(path: string): WizardStep {
  const owner = WIZARD_STEPS.find((s) =>
    (s.fields as readonly string[]).some((f) => path === f || path.startsWith(`${f}.`)),
  );
  return owner ?? (WIZARD_STEPS.find((s) => s.id === 'review') as WizardStep);
}

/** Error counts per step id, from field errors by path. */
export function errorsByStep(paths: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const path of paths) {
    const id = stepOfPath(path).id;
    counts[id] = (counts[id] ?? 0) + 1;
  }
  return counts;
}
