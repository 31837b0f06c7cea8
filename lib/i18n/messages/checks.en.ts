/** Messages of the prerequisite checks (`lib/checks`) and their page (`components/checks`). */
export const checksEn = {
  'checks.status.pass': 'Passed',
  'checks.status.warn': 'Warning',
  'checks.status.fail': 'Failed',
  'checks.status.error': 'Error',
  'checks.status.skipped': 'Skipped',
  'checks.status.running': 'Running…',
  'checks.strict': 'strict',
  'checks.remedy': 'What to do',

  'checks.kube.noKubeconfig': 'No kubeconfig was found ({where}), so the cluster was not checked.',
  'checks.kube.noKubeconfig.remedy':
    'Choose how the wizard reaches the cluster under “Cluster connection” in the Platform step: a kubeconfig file on this machine, or upload one; and pick the context there if it is not the current one.',

  'checks.kubeApi.title': 'Kubernetes API',
  'checks.kubeApi.pass':
    'The API server {server} answered over verified TLS; Kubernetes {version} is supported.',
  'checks.kubeApi.newer':
    'The API server {server} runs Kubernetes {version}, newer than the newest version tested ({newest}). It is expected to work; watch the install.',
  'checks.kubeApi.tooOld':
    'The API server {server} runs Kubernetes {version}; the W&B operator needs {minimum} or newer.',
  'checks.kubeApi.tooOld.remedy': 'Upgrade the cluster to Kubernetes {minimum} or newer.',
  'checks.kubeApi.insecure':
    'The API server {server} answered (Kubernetes {version}), but the kubeconfig skips TLS verification (insecure-skip-tls-verify).',
  'checks.kubeApi.insecure.remedy':
    "Put the cluster's CA in the kubeconfig (certificate-authority-data) and remove insecure-skip-tls-verify.",
  'checks.kubeApi.unreachable.remedy':
    'Check that {server} is reachable from this machine and that the kubeconfig holds the CA that issued its certificate.',

  'checks.kubeAccess.title': 'Permissions on the cluster',
  'checks.kubeAccess.pass': 'The identity {user} may do all {count} things the install does.',
  'checks.kubeAccess.missing':
    'The identity {user} lacks {count} of {total} permissions the wizard needs. To install: {apply}. For helm upgrades, rollback and uninstall: {recovery}. To follow readiness: {follow}.',
  'checks.kubeAccess.missing.remedy':
    'Install as a cluster administrator, or have one grant {user} these verbs (the operator chart creates a cluster-wide CRD, a ClusterRole and its binding; helm keeps its release as Secrets and deletes objects on upgrade, rollback and uninstall).',
  'checks.kubeAccess.followOnly':
    'The identity {user} may install, but may not read what the readiness follow reads: {follow}.',
  'checks.kubeAccess.followOnly.remedy':
    'The install will work, but the wizard cannot show the pods, events and workloads. Grant {user} get/list on them (the built-in view role in those namespaces is enough).',

  'checks.helm.title': 'Helm',
  'checks.helm.pass': 'Helm {version} found at {path} (from {source}).',
  'checks.helm.notFound':
    'Helm was not found: HELM is not set and none of the {count} directories on PATH holds an executable helm ({searched}).',
  'checks.helm.notFoundAt': 'Helm was not found at {path} (the HELM variable).',
  'checks.helm.notFound.remedy':
    'Install Helm 3 or 4 on this machine and put it on PATH, or set HELM to its full path.',
  'checks.helm.unusable': 'Helm at {path} did not run: {reason}',
  'checks.helm.tooOld': 'Helm {version} at {path} is too old; Helm 3 or newer is needed.',

  'checks.registryImages.title': 'Images in the registry',
  'checks.registryImages.pass': 'All {count} images are present in {registry}.',
  'checks.registryImages.noImages':
    'No images to check: operator-wandb {version} is not a supported chart line.',
  'checks.registryImages.mixed': '{count} of {total} images cannot be used: {images}',
  'checks.registryImages.missing.remedy':
    'Mirror the missing images into the registry (images.txt and mirror-images.sh list them), then run the check again.',
  'checks.registryImages.unauthorized.remedy':
    'Check the registry user and password, and that the user may pull these repositories.',
  'checks.registryImages.tls.remedy':
    "Paste the CA bundle that issued {registry}'s certificate in the Registry step.",
  'checks.registryImages.unreachable.remedy':
    'Check the registry address {registry}, that it is running, and that no firewall blocks this machine.',

  'checks.charts.title': 'Chart repositories',
  'checks.charts.pass': 'operator {operator} and operator-wandb {platform} are available.',
  'checks.charts.found': '{chart} {version} is in {where}.',
  'checks.charts.chartMissing': 'The chart {chart} is not in {where}.',
  'checks.charts.versionMissing': '{chart} {version} is not in {where}; it holds: {available}.',
  'checks.charts.archiveInvalid': 'The archive {path} for {chart} cannot be read: {reason}',
  'checks.charts.archiveWrongChart': 'The archive {path} holds the chart {found}, not {chart}.',
  'checks.charts.badUrl': 'The OCI URL {url} for {chart} is not valid.',
  'checks.charts.repo.unresolved':
    'The chart repository host {host} does not resolve from this machine ({code}), so {chart} could not be looked up.',
  'checks.charts.repo.unresolved.remedy':
    "Check the repository URL {url} in the Charts step, and that this machine's DNS (or /etc/hosts) knows {host}.",
  'checks.charts.repo.unreachable': 'The chart repository {url} cannot be reached ({code}).',
  'checks.charts.repo.unreachable.remedy':
    'Check the repository URL in the Charts step, that the repository server at {host} is running, and that no firewall blocks this machine.',
  'checks.charts.repo.tls': 'TLS verification of the chart repository {host} failed ({code}).',
  'checks.charts.repo.tls.remedy':
    "Paste the CA bundle that issued {host}'s certificate for this repository in the Charts step.",
  'checks.charts.repo.unauthorized': 'The chart repository {url} refused the credentials (HTTP {status}).',
  'checks.charts.repo.unauthorized.remedy':
    'Check the repository user and password in the Charts step, and that the user may read {chart}.',
  'checks.charts.repo.notRepository':
    '{url} is not a Helm chart repository: it has no index.yaml (HTTP {status}).',
  'checks.charts.repo.notRepository.remedy':
    'Give the URL of the repository itself (the folder that holds index.yaml) in the Charts step, or choose OCI if the charts are in a registry.',
  'checks.charts.repo.timeout': 'The chart repository {url} did not answer within {seconds} s.',
  'checks.charts.repo.timeout.remedy':
    'Check that {host} is the repository server and that it is not overloaded; a firewall that drops packets also looks like this.',
  'checks.charts.repo.protocol': 'The chart repository {url} answered unexpectedly ({status} {detail}).',
  'checks.charts.repo.protocol.remedy':
    'Check that {url} is a Helm chart repository (index.yaml) or, for OCI, a registry that holds the charts.',
  'checks.charts.remedy':
    'Push the chosen {chart} version to the repository, or choose a version it holds, in the Charts step.',

  'checks.clusterFit.title': 'Cluster fit',
  'checks.clusterFit.pass': 'The cluster fits the configuration ({count} points checked).',
  'checks.clusterFit.ingressFound': 'The ingress class {name} exists.',
  'checks.clusterFit.ingressMissing': 'The ingress class {name} does not exist; the cluster has: {existing}.',
  'checks.clusterFit.ingressMissing.remedy':
    'Choose one of the existing ingress classes in the Network step, or install the ingress controller first.',
  'checks.clusterFit.storageDefault':
    'The default StorageClass {name} will provide the {count} volumes the platform claims: {claims}.',
  'checks.clusterFit.noDefaultStorage':
    'The cluster has no default StorageClass, so the {count} volumes the platform claims by default would stay Pending and their workloads would not start: {claims}. Existing classes: {existing}.',
  'checks.clusterFit.noDefaultStorage.remedy':
    'Mark one class as the default (kubectl patch storageclass {example} -p \'{"metadata":{"annotations":{"storageclass.kubernetes.io/is-default-class":"true"}}}\'), or install a storage provisioner first.',
  'checks.clusterFit.severalDefaultStorage':
    'Several StorageClasses are marked default ({names}); Kubernetes gives the {count} claims of the platform the newest of them: {claims}.',
  'checks.clusterFit.severalDefaultStorage.remedy':
    'Keep the default annotation on one class only, so that it is clear where the volumes go.',
  'checks.clusterFit.storageNamed':
    'The StorageClass {name} (provisioner {provisioner}) will provide the {count} volumes the platform claims: {claims}.',
  'checks.clusterFit.storageNamedMissing':
    'The StorageClass {name} named in the Platform step does not exist, so the {count} volumes the platform claims would stay Pending: {claims}. The cluster has: {existing}.',
  'checks.clusterFit.storageNamedMissing.remedy':
    'In the StorageClass field of the Platform step, choose one of the cluster’s classes, or leave it empty for the default class; or create the StorageClass {name} first.',
  'checks.clusterFit.namespaceExists': 'The namespace {namespace} exists.',
  'checks.clusterFit.namespaceCreatable': 'The namespace {namespace} does not exist yet and may be created.',
  'checks.clusterFit.namespaceBlocked': 'The namespace {namespace} does not exist and may not be created.',
  'checks.clusterFit.namespaceBlocked.remedy':
    'Have an administrator create the namespace {namespace}, or choose an existing one.',
  'checks.clusterFit.fresh': 'No existing W&B installation was found.',
  'checks.clusterFit.operatorElsewhere':
    'The operator is installed already as the release “{release}” in {namespace}: its ClusterRole {role} has the same name in every namespace, so helm cannot install another operator in {target}.',
  'checks.clusterFit.operatorElsewhere.remedy':
    'Set “Operator namespace” in the Platform step to {namespace} (the apply then upgrades that release), or uninstall that release first (helm uninstall {release} -n {namespace}) if it is not in use.',
  'checks.clusterFit.existing': 'An existing W&B installation was found: {found}.',
  'checks.clusterFit.existing.remedy':
    'Apply will upgrade it in place. If that is not intended, choose other names or namespaces.',

  'checks.mysql.title': 'External MySQL',
  'checks.mysql.pass': 'MySQL {version} at {address}: login and database {database} are fine.',
  'checks.mysql.inCluster': 'Skipped: MySQL is installed in the cluster by the chart.',
  'checks.mysql.unreachable': 'MySQL at {address} cannot be reached ({code}).',
  'checks.mysql.unreachable.remedy':
    'Check the host and port {address}, that MySQL listens there, and that no firewall blocks this machine.',
  'checks.mysql.loginDenied':
    'MySQL at {address} refused the login of {user}: wrong user or password, or the user may not connect from here.',
  'checks.mysql.loginDenied.remedy':
    "Check the user and password, and the user's allowed host ('{user}'@'%').",
  'checks.mysql.loginFailed': 'Logging in to MySQL at {address} as {user} failed ({code}).',
  'checks.mysql.noAnswer':
    '{address} accepted the connection but sent no MySQL greeting within {seconds} s: no MySQL server answers there.',
  'checks.mysql.closedSilently':
    '{address} accepted the connection and closed it without a MySQL greeting: no MySQL server answers there.',
  'checks.mysql.noAnswer.remedy':
    'Check that {address} is the MySQL port itself (not another service, or a proxy or load balancer with no server behind it), that the server is running and not overloaded, and — if it resolves client names (skip_name_resolve off) — that its DNS answers for this machine.',
  'checks.mysql.databaseMissing': 'The database {database} does not exist.',
  'checks.mysql.databaseDenied': 'The user {user} may not use the database {database}.',
  'checks.mysql.database.remedy':
    "Create the database and grant the user on it: CREATE DATABASE {database}; GRANT ALL ON {database}.* TO '{user}'@'%';",
  'checks.mysql.mariadb':
    'The server is MariaDB {version}, not MySQL. W&B supports MySQL 8 only: MariaDB may work for a trial but is not supported.',
  'checks.mysql.mariadb.remedy': 'For production, use MySQL 8 (or a MySQL 8 compatible managed service).',
  'checks.mysql.tooOld': 'MySQL {version} is too old; W&B needs MySQL {minimum} or newer.',
  'checks.mysql.tooOld.remedy': 'Upgrade the server to MySQL 8.',

  'checks.bucket.title': 'Object storage',
  'checks.bucket.pass': 'The bucket {bucket} at {endpoint} exists and the credentials are valid.',
  'checks.bucket.passWrite':
    'The bucket {bucket} at {endpoint} exists; a test object was written and deleted.',
  'checks.bucket.plainHttp': 'The bucket {bucket} is fine, but {endpoint} is served over plain HTTP.',
  'checks.bucket.plainHttp.remedy':
    'Prefer HTTPS for the object store; W&B will send data and keys unencrypted otherwise.',
  'checks.bucket.speaksHttp': '{endpoint} answers plain HTTP, not HTTPS ({code}).',
  'checks.bucket.speaksHttp.remedy':
    'If the store really has no TLS, tick "The endpoint speaks plain HTTP" in the Storage step; otherwise give the HTTPS port.',
  'checks.bucket.other.plainHttp.remedy':
    'Plain HTTP was chosen in the Storage step: if {endpoint} serves HTTPS, untick that option; otherwise check the endpoint host:port.',
  'checks.bucket.cloud.unreachable':
    '{provider} ({endpoint}) cannot be reached from this machine ({code}); nothing about the bucket {bucket} could be checked from here.',
  'checks.bucket.gcs.unreachable.remedy':
    'The nodes may reach Google by another path (Private Google Access, a proxy): run the in-cluster checks, or from a node run curl -I {endpoint}/{bucket} (404: no such bucket; 401/403: it exists).',
  'checks.bucket.gcs.missing': 'The GCS bucket {bucket} does not exist (Google answered 404).',
  'checks.bucket.gcs.missing.remedy': 'Create the bucket {bucket}, or correct its name in the Storage step.',
  'checks.bucket.gcs.exists':
    'The GCS bucket {bucket} exists and refuses anonymous access, as it should. Access comes from the nodes (service account or workload identity), which the wizard cannot test from here.',
  'checks.bucket.gcs.public': 'The GCS bucket {bucket} can be read by anyone on the internet.',
  'checks.bucket.gcs.public.remedy':
    'Remove allUsers and allAuthenticatedUsers from the bucket’s permissions; W&B needs only the nodes’ identity.',
  'checks.bucket.azure.pass':
    'The container {container} of the storage account {account} exists and the account key is valid.',
  'checks.bucket.azure.passWrite':
    'The container {container} of {account} exists; a test blob was written and deleted with the account key.',
  'checks.bucket.azure.noKey':
    'The storage account {account} answers at {endpoint}, but without an account key the container {container} and its access cannot be checked (Azure hides private containers).',
  'checks.bucket.azure.noKey.remedy':
    'Give the account key in the Storage step to check the container, or check from a node with the identity the pods use.',
  'checks.bucket.azure.unresolved':
    'The storage account host {endpoint} does not resolve from this machine ({code}): the account {account} does not exist, or this machine cannot resolve Azure’s names.',
  'checks.bucket.azure.unreachable.remedy':
    'Check the storage account name {account} in the Storage step; if this machine has no route to Azure, run the in-cluster checks or test from a node.',
  'checks.bucket.azure.missing': 'The container {container} does not exist in the storage account {account}.',
  'checks.bucket.azure.missing.remedy':
    'Create the container {container}, or correct its name in the Storage step.',
  'checks.bucket.azure.credentials': 'Azure rejected the account key of {account} ({code}).',
  'checks.bucket.azure.credentials.remedy':
    'Copy a current key of the storage account {account} (Access keys in the Azure portal) into the Storage step.',
  'checks.bucket.azure.denied': 'The storage account {account} refused access to {container} ({code}).',
  'checks.bucket.azure.denied.remedy':
    'Check the account key of {account}, allow this network in the storage account’s firewall, and check that the key may read and write {container}.',
  'checks.bucket.azure.other': 'Azure answered unexpectedly for {container} in {account}: {code}.',
  'checks.bucket.azure.writeFailed': 'Writing or deleting a test blob in {container} failed: {code}.',
  'checks.bucket.unreachable': 'The object store {endpoint} cannot be reached ({code}).',
  'checks.bucket.unreachable.remedy':
    'Check the endpoint address, that the store is running, and that no firewall blocks this machine.',
  'checks.bucket.tls': 'TLS verification of {endpoint} failed ({code}).',
  'checks.bucket.tls.remedy': "Add the CA that issued the store's certificate to the custom CA bundle.",
  'checks.bucket.credentials': 'The object store rejected the access key ({code}).',
  'checks.bucket.credentials.remedy': 'Check the access key and secret key.',
  'checks.bucket.denied': 'The credentials may not access the bucket {bucket} ({code}).',
  'checks.bucket.denied.remedy': 'Grant the key read and write access to the bucket {bucket}.',
  'checks.bucket.missing': 'The bucket {bucket} does not exist at {endpoint}.',
  'checks.bucket.missing.remedy': 'Create the bucket {bucket}, or correct its name.',
  'checks.bucket.other': 'The object store answered unexpectedly: {code}.',

  'checks.renderedImages.title': 'Rendered images (air gap)',
  'checks.renderedImages.pass':
    'Both charts render {count} images, all on {registry} and present there: nothing is pulled from the internet.',
  'checks.renderedImages.passWithTests':
    'Both charts render {count} images, all on {registry} and present there: nothing is pulled from the internet. Not counted, as an install never starts them (helm.sh/hook: test): {tests}.',
  'checks.renderedImages.unreadable':
    '{count} rendered documents could not be read, so their images are unchecked: {documents}',
  'checks.renderedImages.unreadable.remedy':
    'Render the chart with the same values (helm template) and look at the named documents; report the chart version if its output is not valid YAML.',
  'checks.renderedImages.noHelm': 'Skipped: Helm is needed to render the charts.',
  'checks.renderedImages.renderFailed': 'helm template failed: {reason}',
  'checks.renderedImages.foreign':
    '{count} of {total} rendered images would be pulled from outside the internal registry: {images}',
  'checks.renderedImages.foreign.remedy':
    'Set these image keys to the internal registry (the Registry step writes them): {keys}.',
  'checks.renderedImages.unknownImage.remedy':
    'These images are not in the wizard’s image catalogue for this chart version: {images}. Find their values key in the chart and set it to the internal registry.',
  'checks.renderedImages.missing':
    '{count} of {total} rendered images are not available in the internal registry: {images}',
  'checks.renderedImages.missing.remedy': 'Mirror the missing images (images.txt), then run the check again.',

  'checks.host.title': 'W&B host name',
  'checks.host.pass': '{host} resolves to {addresses}.',
  'checks.host.invalid': '{host} is not a URL.',
  'checks.host.unresolved':
    '{host} does not resolve from this machine ({code}). The cluster’s DNS may differ.',
  'checks.host.unresolved.remedy':
    'Make sure {host} resolves to the ingress in the site’s DNS before users connect.',
  'checks.host.notHttps': '{host} is not an https URL.',
  'checks.host.notHttps.remedy': 'Use https:// with a certificate for the host (Network step).',

  'checks.report.title': 'W&B air-gapped install: prerequisite checks',
  'checks.report.run': 'Run',
  'checks.report.started': 'Started',
  'checks.report.finished': 'Finished',
  'checks.report.cleared': 'Apply allowed',
  'checks.report.yes': 'yes',
  'checks.report.no': 'no',
  'checks.report.check': 'Check',
  'checks.report.status': 'Status',
  'checks.report.duration': 'Duration',
  'checks.report.message': 'Result',
  'checks.report.bypassed': 'Bypassed on',

  'checks.ui.start': 'Run all checks',
  'checks.ui.startAgain': 'Run all checks again',
  'checks.ui.writeTest': 'Also write and delete a test object in the bucket',
  'checks.ui.noRun': 'No checks have run yet.',
  'checks.ui.progress': '{done} of {total} checks finished.',
  'checks.ui.rerun': 'Run again',
  'checks.ui.rerunLabel': 'Run the check “{title}” again',
  'checks.ui.evidence': 'Evidence',
  'checks.ui.duration': '{seconds} s',
  'checks.ui.timeline': 'Timeline',
  'checks.ui.timelineBar': '{title}: {status}, from {start} s to {end} s',
  'checks.ui.timelineRunning': '{title}: running since {start} s',
  'checks.ui.exportJson': 'Export JSON',
  'checks.ui.exportMarkdown': 'Export Markdown report',
  'checks.ui.cleared': 'Every strict check passed or was bypassed: apply may proceed.',
  'checks.ui.blocked': '{count} strict checks block apply until they pass or are bypassed.',
  'checks.ui.bypass.heading': 'Bypass this strict check',
  'checks.ui.bypass.confirm':
    'I understand that the install may fail, and I take responsibility for bypassing this check.',
  'checks.ui.bypass.reason': 'Reason (recorded in the report)',
  'checks.ui.bypass.submit': 'Record the bypass',
  'checks.ui.bypassed': 'Bypassed at {at}: {reason}',
  'checks.ui.noDraft': 'There is no configuration yet: fill in the steps first.',
  'checks.ui.invalidDraft':
    'The configuration is not valid yet. Fields to fix before the checks can run ({count}):',
  'checks.ui.unknownRun': 'This run is no longer known (the server restarted). Run the checks again.',
  'checks.ui.refused.unknownRun': 'This run is no longer known.',
  'checks.ui.refused.unknownCheck': 'There is no such check.',
  'checks.ui.refused.notStrict': 'Only strict checks need a bypass.',
  'checks.ui.refused.notFinished': 'The check has not finished.',
  'checks.ui.refused.passed': 'The check passed; nothing to bypass.',
  'checks.ui.refused.noConfirmation': 'Tick the confirmation first.',
  'checks.ui.refused.noReason': 'Give a reason.',
  'checks.inCluster.title': 'From inside the cluster (opt-in)',
  'checks.inCluster.optIn':
    'Not run: it creates a short-lived pod per node, a small volume claim and a copy of the pull secret (all deleted afterwards). Tick "Check from inside the cluster" to run it.',
  'checks.inCluster.noImage': 'The chart line has no Redis image to probe with.',
  'checks.inCluster.noNamespace':
    'Not run: none of the namespaces {namespaces} exists yet, and the probe does not create one. Run it again after the first apply, or create the namespace.',
  'checks.inCluster.noNodes':
    'None of the {count} nodes takes ordinary pods (all cordoned, tainted or not Ready).',
  'checks.inCluster.pass':
    'On all {count} nodes the image {image} was pulled with the pull secret, and {hosts} resolve and accept connections from the pods; a volume bound on the default StorageClass.',
  'checks.inCluster.passOnClass':
    'On all {count} nodes the image {image} was pulled with the pull secret, and {hosts} resolve and accept connections from the pods; a volume bound on the StorageClass {storageClass}.',
  'checks.inCluster.pullFailed': '{nodes} could not pull {image}: {reason}',
  'checks.inCluster.pullFailed.remedy':
    "Each node's container runtime must reach the registry and trust its CA (e.g. /etc/containerd/certs.d/<registry>/ca.crt, or the system trust store), and the image must be mirrored; the pull secret was the generated one.",
  'checks.inCluster.unresolved': 'The pods cannot resolve {unresolved} through the cluster DNS.',
  'checks.inCluster.unresolved.remedy':
    "Add these names to the site DNS that CoreDNS forwards to (or a CoreDNS hosts entry); the platform's pods resolve them the same way.",
  'checks.inCluster.unreachable': 'The pods resolve but cannot connect to {unreachable}.',
  'checks.inCluster.unreachable.remedy':
    'Open the firewall (and any NetworkPolicy) from the pod network to these hosts and ports.',
  'checks.inCluster.volumeUnbound':
    'The 1Mi test claim stayed {phase} on the default StorageClass: the platform’s volumes would not bind either.',
  'checks.inCluster.volumeUnbound.remedy':
    'Check that the default StorageClass has a working provisioner (kubectl get events in {namespace}).',
  'checks.inCluster.volumeUnboundOnClass':
    'The 1Mi test claim stayed {phase} on the StorageClass {storageClass}: the platform’s volumes would not bind either.',
  'checks.inCluster.volumeUnboundOnClass.remedy':
    'Check that the StorageClass {storageClass} has a working provisioner (kubectl get events in {namespace}), or choose another class in the StorageClass field of the Platform step.',
  'checks.inCluster.pending':
    '{pulled} of {count} nodes pulled {image}; {nodes} did not decide in time ({reason}).',
  'checks.inCluster.pending.remedy':
    'A large image or a slow registry can take longer than the check: run it again, or look at the pods’ events while it runs.',
  'checks.inCluster.noAnswers':
    'All {count} nodes pulled {image} and the volume bound, but only {answered} of {count} probes reported their DNS and connection results (the container did not finish in time).',
  'checks.inCluster.apiFailed': 'The probe could not create or read its objects in {namespace}: {reason}',
  'checks.inCluster.apiFailed.remedy':
    'The identity needs to create, list and delete pods, persistentvolumeclaims and secrets in {namespace}, and to list nodes.',
  'checks.ui.inClusterTest':
    'Check from inside the cluster (creates a pod per node, a small claim and a copy of the pull secret; all deleted afterwards)',
  'checks.ui.inCluster.node': 'Node',
  'checks.ui.inCluster.pull': 'Image pull',
  'checks.ui.inCluster.network': 'DNS and connections from the pod',
  'checks.ui.inCluster.pull.pulled': 'pulled (the container started)',
  'checks.ui.inCluster.pull.failed': 'failed',
  'checks.ui.inCluster.pull.pending': 'no result in time',
  'checks.ui.inCluster.dnsFail': '{host}: does not resolve.',
  'checks.ui.inCluster.tcpOk': '{host} → {address}: connects.',
  'checks.ui.inCluster.tcpFail': '{host} → {address}: no connection.',
  'checks.ui.inCluster.noAnswer': 'No answer: the probe did not finish (on kwok it never runs).',
} as const;
