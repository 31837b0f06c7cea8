/** Messages of the apply step (`lib/apply`, `app/wizard/apply`, `components/apply`). */
export const applyEn = {
  'apply.ui.dryRun': 'Dry run',
  'apply.ui.dryRun.hint': 'Sends everything to the API server with dry run: validated, nothing changed.',
  'apply.ui.apply': 'Apply to the cluster',
  'apply.ui.apply.hint':
    'Installs the operator chart with helm, then the Secrets and the WeightsAndBiases resource, and follows the start. Asks before changing anything.',
  'apply.ui.status.none': 'Nothing has run yet for this configuration.',
  'apply.ui.noKubeconfig':
    'No kubeconfig was found ({where}): the wizard cannot reach a cluster. Choose a kubeconfig file on this machine or upload one under “Cluster connection” in the Platform step, or download the files on the Review step and install with the runbook.',
  'apply.ui.confirm.title': 'Install on the cluster?',
  'apply.ui.confirm.body':
    'This installs the operator chart with Helm in {operatorNamespace}, creates the Secrets, and creates the WeightsAndBiases resource {crName} in {crNamespace} on the cluster of the current kubeconfig context.',
  'apply.ui.confirm.yes': 'Install',
  'apply.ui.confirm.no': 'Back',
  'apply.ui.followOnly': 'Follow readiness',
  'apply.ui.followOnly.hint':
    'Watches the resource, the workloads and their pods of what is installed, without changing anything.',
  'apply.ui.status.followOnly': 'Readiness: {status}',
  'apply.ui.cancel': 'Cancel the run',
  'apply.ui.stopFollowing': 'Stop following (the install goes on)',
  'apply.ui.steps': 'Steps',
  'apply.ui.readiness': 'Readiness',
  'apply.ui.logs': 'Log',
  'apply.ui.helm': 'Using {helm}.',
  'apply.ui.status.running': 'Running…',
  'apply.ui.status.succeeded': 'Finished.',
  'apply.ui.status.failed': 'Failed.',
  'apply.ui.status.cancelled': 'Cancelled.',
  'apply.ui.status.dryRun': 'Dry run: {status}',
  'apply.ui.crPhase': 'WeightsAndBiases {name}: phase {phase}',
  'apply.ui.crPhase.none': 'not reported yet',
  'apply.ui.crMissing': 'The WeightsAndBiases resource does not exist yet.',
  'apply.ui.workload': 'Workload',
  'apply.ui.ready': 'Ready',
  'apply.ui.notFound': 'not created yet',
  'apply.ui.platformReady': 'W&B is up: the operator reports Completed and every workload is ready.',
  'apply.ui.problems': 'Pods that cannot start',
  'apply.ui.problem.imagePull':
    '{pod} ({container}): the node cannot pull {image} ({reason}). Mirror the image into the internal registry (images.txt lists them all) or correct its key; the node retries by itself.',
  'apply.ui.problem.container': '{pod} ({container}): {reason}',
  'apply.ui.problem.unschedulable': '{pod}: no node can take it',
  'apply.ui.operatorSilent':
    'The operator has not reported on the resource for {seconds} s. It may not be running, or it fails before it reports (for example while downloading the platform chart from the internal repository). Its log says why: kubectl logs -n {namespace} deploy/{deployment}',
  'apply.follow.stopped':
    'Stopped following. What was applied stays in the cluster and the operator goes on; readiness was not confirmed.',
  'apply.follow.invalidConfig':
    'The operator refused {resource} (phase “Invalid Config”): {events}. It tries again by itself only after reconcileFrequency (1 h by default) or when the resource changes: correct the configuration and apply again, and a changed resource is reconciled at once.',
  'apply.follow.notReady.imagePull':
    'Not ready after {minutes} min: the nodes cannot pull {images}. Mirror these images into the internal registry (images.txt lists them all) or correct their keys, then apply again.',
  'apply.follow.notReady.operatorSilent':
    'Not ready after {minutes} min: the operator never reported on the resource. Read its log: kubectl logs -n {namespace} deploy/{deployment}',
  'apply.follow.notReady.pods':
    'Not ready after {minutes} min: {count} pods cannot start, the first {pod} ({reason}). The detail lists them all; kubectl describe pod says more.',
  'apply.follow.notReady':
    'Not ready after {minutes} min. Phase of the resource: {phase}; still waiting for: {waiting}. The install goes on in the cluster; watch it with kubectl get pods.',
  'apply.ui.noDraft': 'There is no saved configuration yet. Fill in the earlier steps first.',
  'apply.ui.invalidDraft': 'The configuration is not valid yet. Fields to fix before applying ({count}):',
  'apply.ui.unknownRun': 'This run is unknown or has expired. Start it again.',
  'apply.ui.refused.noChecks': 'Run the prerequisite checks before applying.',
  'apply.ui.refused.checksRunning': 'The prerequisite checks are still running.',
  'apply.ui.refused.checksNotCleared':
    'Strict prerequisite checks did not pass and were not bypassed: {checks}. Fix them or bypass them with a reason.',
  'apply.ui.refused.running': 'An apply is already running.',
  'apply.ui.stuck.dryRun':
    'This dry run changed nothing. The apply will fail at the operator step unless the release is recovered first.',
  'apply.ui.stuck.hint':
    'The wizard can run {command} with the same kubeconfig, check that the release is no longer pending, then apply again.',
  'apply.ui.stuck.recover': 'Recover the release and apply again',
  'apply.ui.stuck.confirm':
    'Recover the Helm release {release} in {namespace} ({status}, revision {revision})? Continue only if no other helm operation is running on this release right now. The wizard runs {command}, then installs on the cluster as the apply does.',

  'apply.step.state.pending': 'Waiting',
  'apply.step.state.running': 'Running',
  'apply.step.state.done': 'Done',
  'apply.step.state.failed': 'Failed',
  'apply.step.kind.namespace': 'Namespace',
  'apply.step.kind.secret': 'Secret',
  'apply.step.kind.chartsConfigMap': 'Platform chart (ConfigMap)',
  'apply.step.kind.helm': 'Operator (helm upgrade --install)',
  'apply.step.kind.waitCrd': 'CRD established',
  'apply.step.kind.waitDeployment': 'Operator available',
  'apply.step.kind.customResource': 'Custom resource',
  'apply.step.kind.follow': 'Platform readiness',
  'apply.change.create': 'created',
  'apply.change.update': 'updated',
  'apply.change.unchanged': 'unchanged',
  'apply.change.install': 'installed',
  'apply.change.upgrade': 'upgraded',
  'apply.change.waited': 'ready',
  'apply.change.skipped': 'skipped',
  'apply.change.followed': 'ready',
  'apply.change.dry.create': 'would be created',
  'apply.change.dry.update': 'would be updated',
  'apply.change.dry.unchanged': 'no change',
  'apply.change.dry.install': 'would be installed',
  'apply.change.dry.upgrade': 'would be upgraded',
  'apply.change.dry.waited': 'ready',
  'apply.change.dry.skipped': 'not in a dry run',
  'apply.change.dry.followed': 'ready',
} as const;
