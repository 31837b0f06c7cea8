/**
 * English texts of the screens (`ui.` keys), kept apart from the shared catalogue so that the
 * screens and lib/ can grow independently; `ui.ja.ts` must have exactly these keys. Help texts
 * follow the vendor procedure (../shared/docs/procedure.md) and the chart facts
 * (../shared/docs/wandb-values.md). Parameters are `{name}`.
 */
export const uiEn = {
  // Frame
  'ui.app.title': 'W&B air-gapped install wizard',
  'ui.app.description': 'Deploy Weights & Biases on a Kubernetes cluster without internet access.',
  'ui.app.skipToContent': 'Skip to the content',
  'ui.app.language': 'Language',
  'ui.boundary.title': 'Something went wrong',
  'ui.boundary.stepTitle': 'This step could not be shown',
  'ui.boundary.text':
    'Your draft is safe on the server. Try again; if the problem stays, note the reference below for the server log.',
  'ui.boundary.digest': 'Reference: {digest}',
  'ui.boundary.retry': 'Try again',
  'ui.notFound.title': 'Page not found',
  'ui.notFound.text': 'There is no page at this address.',
  'ui.notFound.back': 'Go to the first step',
  'ui.error.badRequest': 'The request was not understood. Reload the page and try again.',
  'ui.error.noSession':
    'The browser sent no draft cookie. Reload the page (cookies must be allowed for this site).',
  'ui.error.unreachable': 'The wizard server did not answer. Check that it is still running, then try again.',

  // Steps
  'ui.stepper.label': 'Steps',
  'ui.stepper.errors': '{count} to fix',
  'ui.stepper.notAvailable': 'not available yet',
  'ui.step.start.title': 'Start',
  'ui.step.start.lead':
    'Begin a new installation, or import the wandb.yaml and values.yaml of an existing one.',
  'ui.step.mirror.title': 'Mirror (optional)',
  'ui.step.mirror.lead':
    'Push the W&B images to the internal registry without Docker: from a wsm download bundle or image archives on this machine, or copied from another registry.',
  'ui.step.prerequisites.title': 'Prerequisites',
  'ui.step.prerequisites.lead':
    'Kubernetes 1.28 or newer, Helm 3 or newer, and access to the internal registry and Helm repository.',
  'ui.step.registry.title': 'Registry and images',
  'ui.step.registry.lead':
    'The internal container registry that holds the W&B images, and the image each component pulls from it.',
  'ui.step.charts.title': 'Charts',
  'ui.step.charts.lead': 'Where the operator and operator-wandb charts come from, and their versions.',
  'ui.step.platform.title': 'Platform',
  'ui.step.platform.lead': 'The URL and license of the W&B platform, and where it is installed.',
  'ui.step.storage.title': 'Storage',
  'ui.step.storage.lead': 'The object storage bucket that keeps run files and artifacts.',
  'ui.step.database.title': 'Database',
  'ui.step.database.lead': 'The MySQL database of the platform.',
  'ui.step.network.title': 'Network',
  'ui.step.network.lead':
    'The ingress that publishes the platform, its TLS certificate, and the CA certificates of your internal services.',
  'ui.step.review.title': 'Review',
  'ui.step.review.lead':
    'The files generated from your answers. Secrets are masked here; download them with placeholders or, if you ask, with the real values.',
  'ui.step.apply.title': 'Apply',
  'ui.step.apply.lead': 'Install the operator and the custom resource on the cluster.',
  'ui.nav.back': 'Back',
  'ui.nav.next': 'Next',
  'ui.nav.stepHasErrors': 'Problems to fix on this step before going on: {count}. The first one is focused.',

  // Draft
  'ui.draft.keepSecrets': 'Keep secrets on this machine',
  'ui.draft.keepSecretsOff':
    'Secrets you enter stay in the wizard server’s memory only: they are lost when it restarts. Nothing secret is written to disk.',
  'ui.draft.keepSecretsOn':
    'Secrets are written to the wizard’s data folder on this machine (file readable by its owner only), so they survive a restart.',
  'ui.draft.saving': 'Saving the draft…',
  'ui.draft.saved': 'Draft saved.',
  'ui.draft.saveFailed':
    'The draft could not be saved. Your entries are kept in this page; they will be saved on the next change.',

  // Fields in general
  'ui.field.required': 'required',
  'ui.field.example': 'Example',
  'ui.field.uploadPem': 'Load {field} from a file',
  'ui.secret.show': 'Show',
  'ui.secret.hide': 'Hide',
  'ui.secret.stored': 'Stored on the server — type to replace it.',
  'ui.secret.storedPlaceholder': 'stored — type to replace',
  'ui.secret.forget': 'Forget it',

  // Start
  'ui.start.mode.legend': 'How do you want to start?',
  'ui.start.mode.new': 'A new installation',
  'ui.start.mode.newHelp': 'answer each step; the defaults follow the vendor procedure.',
  'ui.start.mode.import': 'Import an existing wandb.yaml and values.yaml',
  'ui.start.mode.importHelp': 'fill every step from the files of an earlier installation.',
  'ui.start.mode.cluster': 'Read from the cluster',
  'ui.start.mode.clusterHelp': 'take the settings of an installation already running on the cluster.',
  'ui.start.cluster.legend': 'Read the installation from the cluster',
  'ui.start.cluster.hint':
    'The wizard reads the WeightsAndBiases resource through the kubeconfig of the machine it runs on (KUBECONFIG, else ~/.kube/config). The operator’s values.yaml is not read: import it as a file if you need its image settings.',
  'ui.start.cluster.run': 'Read from the cluster',
  'ui.start.cluster.running': 'Reading…',
  'ui.start.cluster.read': 'Read {resource} from the cluster.',
  'ui.start.cluster.none': 'The cluster has no WeightsAndBiases resource.',
  'ui.start.cluster.noKubeconfig':
    'The wizard is not connected to a cluster: this machine has no kubeconfig (KUBECONFIG or ~/.kube/config). Choose a kubeconfig file or upload one under “Cluster connection” in the Platform step and come back, or export the resource (kubectl get weightsandbiases wandb -o yaml > wandb.yaml) and import it.',
  'ui.start.new.fresh': 'Press Next to begin with the registry.',
  'ui.start.new.existing':
    'A draft is already stored for this browser; press Next to continue it, or start over.',
  'ui.start.new.reset': 'Start over',
  'ui.start.new.confirmReset': 'Forget the stored draft and its secrets, and start from the defaults?',
  'ui.start.new.resetDone': 'The draft was reset to the defaults.',
  'ui.start.import.legend': 'Files to import',
  'ui.start.import.hint':
    'Paste or load the custom resource (wandb.yaml) and the operator chart values (values.yaml). Either one alone is fine. Secrets in them are stored on the server, not shown again.',
  'ui.start.import.wandbYaml': 'wandb.yaml (the WeightsAndBiases custom resource)',
  'ui.start.import.valuesYaml': 'values.yaml (the operator chart values)',
  'ui.start.import.upload': 'Load {file} from a file',
  'ui.start.import.run': 'Import',
  'ui.start.import.running': 'Importing…',
  'ui.start.import.done': 'Imported {count} settings. Check each step, then review.',
  'ui.start.import.unknown': 'Settings not understood and not kept ({count}):',

  // Registry and images
  'ui.registry.legend': 'Internal container registry',
  'ui.registry.login.legend': 'Login',
  'ui.registry.login.toggle': 'The registry needs a user name and password',
  'ui.registry.tls.legend': 'Connection security',
  'ui.field.mirror.source': 'Source folder',
  'ui.help.mirror.source':
    'The full path, on the machine the wizard runs on, of a wsm download bundle (the folder holding images/, charts/ and spec.yaml, or its parent) or of a folder of docker save / OCI-layout archives (.tar, .tar.gz). Leave it empty to skip this step.',
  'ui.field.mirror.platforms': 'Platforms to push',
  'ui.help.mirror.platforms':
    'An image index holds one image per platform. A site usually runs one (linux/amd64): pushing only the platforms its nodes run leaves out layers they never pull. An image of a single platform is pushed whatever its platform.',
  'ui.field.mirror.platforms.all': 'Every platform of each image, as the source has them',
  'ui.field.mirror.platforms.some': 'Only the platforms checked below',
  'ui.field.mirror.from': 'Where the images come from',
  'ui.field.mirror.from.folder': 'A bundle or folder on this machine',
  'ui.field.mirror.from.registry': 'Another registry (this machine reaches both)',
  'ui.mirror.registry.legend': 'Source registry',
  'ui.field.mirror.registry.public':
    'The images’ own public registries (docker.io, quay.io…): a connected machine',
  'ui.help.mirror.registry.public':
    'Each image is read from its public reference, anonymously, trusting the system’s certificates.',
  'ui.field.mirror.registry.host': 'Source registry address',
  'ui.help.mirror.registry.host':
    'Host, optional port and optional path prefix, without https://. The images sit under it as on the internal registry, without their public host: docker.io/wandb/local:0.62.2 is read from <address>/wandb/local:0.62.2 (the way wsm registry mirror and this wizard write them).',
  'ui.mirror.registry.login.toggle': 'The source registry needs a user name and password',
  'ui.help.mirror.registry.username': 'An account that may pull the images from the source registry.',
  'ui.field.mirror.registry.plainHttp': 'The source registry speaks plain HTTP (no TLS)',
  'ui.help.mirror.registry.plainHttp': 'Only for registries without TLS.',
  'ui.field.mirror.registry.insecureSkipVerify': 'Do not verify the source registry’s TLS certificate',
  'ui.field.mirror.registry.caBundle': 'CA certificate of the source registry (PEM)',
  'ui.field.mirror.registry.username': 'Source registry user name',
  'ui.field.mirror.registry.password': 'Source registry password',
  'ui.help.mirror.registry.password':
    'The password or access token of that account. Kept like the other passwords: in memory on the server, never shown or logged.',
  'ui.help.mirror.registry.insecureSkipVerify': 'Avoid this: give the CA certificate below instead.',
  'ui.help.mirror.registry.caBundle':
    'Needed when the source registry’s certificate is signed by a private CA. Paste one or more PEM certificates.',
  'ui.field.registry.host': 'Registry address',
  'ui.help.registry.host':
    'Host, optional port and optional path prefix under which the images are mirrored, without https://. Each public image keeps its path under it: docker.io/wandb/local becomes <address>/wandb/local.',
  'ui.field.registry.username': 'User name',
  'ui.help.registry.username':
    'An account that may pull the W&B images. It becomes an image pull secret in both namespaces.',
  'ui.field.registry.password': 'Password',
  'ui.help.registry.password': 'The password or access token of that account.',
  'ui.field.registry.pullSecretName': 'Image pull secret name',
  'ui.help.registry.pullSecretName':
    'Name of the Secret of type kubernetes.io/dockerconfigjson created for the registry login.',
  'ui.field.registry.plainHttp': 'The registry speaks plain HTTP (no TLS)',
  'ui.help.registry.plainHttp':
    'Only for registries without TLS. The nodes’ container runtime must also be configured to allow it.',
  'ui.field.registry.insecureSkipVerify': 'Do not verify the registry’s TLS certificate',
  'ui.help.registry.insecureSkipVerify': 'Avoid this: give the CA certificate below instead.',
  'ui.field.registry.caBundle': 'CA certificate of the registry (PEM)',
  'ui.help.registry.caBundle':
    'Needed when the registry’s certificate is signed by a private CA. Paste one or more PEM certificates.',
  'ui.images.legend': 'Images',
  'ui.images.hint':
    'Images that operator-wandb {version} (line {line}) pulls, and where each is pulled from. The version is chosen on the next step.',
  'ui.images.noLine':
    'The chart version “{version}” is not supported; choose one on the Charts step to see its images.',
  'ui.images.caption': 'Public image and the internal image it is pulled as',
  'ui.images.source': 'Public image',
  'ui.images.target': 'Pulled as',
  'ui.images.needed': 'Needed',
  'ui.images.neededYes': 'yes',
  'ui.images.neededNo': 'only with in-cluster MySQL',
  'ui.images.overrides': 'Override a repository or a tag',
  'ui.images.overridesHint':
    'Leave empty to follow the rule above and the default tags (the procedure’s wsm list). Every tag must exist in the internal registry.',
  'ui.field.images.repository': 'Repository',
  'ui.help.images.repository':
    'The full internal repository, without tag, e.g. when your registry flattens names.',
  'ui.field.images.tag': 'Tag',
  'ui.help.images.tag': 'The tag that the internal registry holds.',

  // Charts
  'ui.charts.operator.legend': 'Operator chart (operator)',
  'ui.charts.read.run': 'Read the chart',
  'ui.charts.read.running': 'Reading the chart…',
  'ui.charts.read.done':
    'Read operator-wandb {version} ({digest}…): {keys} image keys, {started} images started by a default install. The generated files follow this chart.',
  'ui.charts.read.testHooks': 'Helm test hooks (never started by an install): {hooks}.',
  'ui.charts.read.notRead':
    'The chart of operator-wandb {version} has not been read: the image keys come from the nearest version the wizard has notes for, and the image list may be incomplete. Read the chart here (the wizard pulls it from the source above, or opens the local .tgz), or confirm at the site with the helm template command the runbook gives.',
  'ui.charts.read.incomplete': 'Complete the chart source and version first.',
  'ui.charts.read.noHelm': 'helm was not found on the machine of the wizard: the chart cannot be read.',
  'ui.charts.read.wrongChart': 'This is the chart {name}, not {expected}: choose the {expected} archive.',
  'ui.charts.upload.label':
    'Or read a chart archive from this computer (.tgz, e.g. bundle/charts/ of wsm download)',
  'ui.charts.upload.empty': 'The chosen file is empty: choose the operator-wandb .tgz.',
  'ui.charts.upload.tooLarge':
    'The file is larger than {max}: a chart archive is far smaller; choose the operator-wandb .tgz.',
  'ui.charts.read.notAChart': 'The file is not a chart archive: {reason}',
  'ui.charts.platform.legend': 'Platform chart (operator-wandb)',
  'ui.charts.sameAsOperator': 'Same repository as the operator chart',
  'ui.charts.sameAsOperator.done': 'The operator chart’s repository settings are copied here.',
  'ui.charts.sameAsOperator.password':
    'The repository settings are copied. The operator chart’s password is held on the server and cannot be copied: type it again here.',
  'ui.charts.kind.repo': 'Helm repository',
  'ui.charts.kind.repoHelp': 'an index.yaml over HTTP or HTTPS (helm repo add).',
  'ui.charts.kind.oci': 'OCI registry',
  'ui.charts.kind.ociHelp': 'charts pushed to a registry (oci://).',
  'ui.charts.kind.local': 'Chart file',
  'ui.charts.kind.localHelp': 'a .tgz downloaded with wsm, on the machine that runs the commands.',
  'ui.field.charts.kind': 'Source of the chart',
  'ui.help.charts.operatorKind': 'Helm installs the operator from here (procedure steps 4 and 5).',
  'ui.help.charts.platformKind':
    'The operator itself downloads operator-wandb from here, inside the cluster.',
  'ui.field.charts.url': 'Repository URL',
  'ui.help.charts.url': 'The URL given to helm repo add.',
  'ui.field.charts.repoName': 'Repository alias',
  'ui.help.charts.repoName':
    'The local name of the repository in helm repo add; the runbook installs <alias>/operator.',
  'ui.help.charts.platformRepoName':
    'The local name of the repository when the wizard reads the chart with helm (helm repo add). The operator itself fetches operator-wandb from the URL; the custom resource names the URL, not this alias.',
  'ui.field.charts.ociUrl': 'OCI reference',
  'ui.help.charts.ociUrl': 'oci://host[:port]/path; the chart name is appended.',
  'ui.field.charts.plainHttp': 'The registry speaks plain HTTP (no TLS)',
  'ui.help.charts.plainHttp': 'Passes --plain-http to helm.',
  'ui.field.charts.username': 'User name',
  'ui.help.charts.username': 'Leave empty when the repository needs no login.',
  'ui.field.charts.password': 'Password',
  'ui.help.charts.password': 'The password or token for that user.',
  'ui.field.charts.insecureSkipVerify': 'Do not verify the repository’s TLS certificate',
  'ui.help.charts.insecureSkipVerify': 'Avoid this: give the CA certificate below instead.',
  'ui.field.charts.caBundle': 'CA certificate of the repository (PEM)',
  'ui.help.charts.caBundle': 'Needed when the repository’s certificate is signed by a private CA.',
  'ui.field.charts.path': 'Path of the chart file',
  'ui.help.charts.operatorPath': 'Path of the operator .tgz on the machine that runs helm.',
  'ui.help.charts.platformPath':
    'Path of the operator-wandb .tgz; it is put into the wandb-charts ConfigMap that the operator reads (spec.chart.path).',
  'ui.field.charts.version': 'Chart version',
  'ui.help.charts.operatorVersion': 'Leave empty for the newest version the repository holds.',
  'ui.help.charts.platformVersion':
    'An exact version of the 0.18.x or 0.43.x line; the image keys depend on it.',

  // Platform
  'ui.platform.legend': 'W&B platform',
  'ui.field.platform.host': 'Platform URL',
  'ui.help.platform.host': 'The address users open (global.host), with https:// or http://.',
  'ui.field.platform.license': 'License',
  'ui.help.platform.license': 'The license string from W&B (global.license).',
  'ui.field.platform.extraEnv': 'Extra environment variables',
  'ui.help.platform.extraEnv': 'Added to every W&B container (global.extraEnv).',
  'ui.field.platform.extraEnv.key': 'Name (row {index})',
  'ui.field.platform.extraEnv.value': 'Value (row {index})',
  'ui.field.platform.extraEnv.add': 'Add a variable',
  'ui.field.platform.extraEnv.remove': 'Remove row {index}',
  'ui.target.legend': 'Where to install',
  'ui.target.hint':
    'The procedure installs the operator in the namespace wandb and the custom resource wandb in default.',
  'ui.field.target.operatorNamespace': 'Operator namespace',
  'ui.help.target.operatorNamespace': 'Namespace of the operator’s Helm release (helm -n).',
  'ui.field.target.crName': 'Custom resource name',
  'ui.help.target.crName':
    'Name of the WeightsAndBiases resource; also the Helm release name of the platform (at most 53 characters).',
  'ui.field.target.crNamespace': 'Custom resource namespace',
  'ui.help.target.crNamespace': 'Namespace of the WeightsAndBiases resource and of the platform.',
  'ui.field.platform.storageClass': 'StorageClass of the volumes',
  'ui.help.platform.storageClass':
    'The StorageClass of the volumes the platform claims: Redis, Prometheus and, when it runs in the cluster, MySQL. Leave empty to use the cluster’s default class. Once connected to the cluster, its classes are suggested.',
  'ui.field.platform.storageClass.default': '{name} (the cluster’s default)',
  'ui.field.target.kubeContext': 'kubeconfig context',
  'ui.help.target.kubeContext': 'Leave empty for the current context.',
  'ui.summary.title': 'The settings',
  'ui.summary.set': 'set',
  'ui.summary.notSet': 'not set',
  'ui.summary.plainHttp': 'plain HTTP',
  'ui.summary.noVerify': 'certificate not verified',
  'ui.summary.ownCa': 'verified with your CA',
  'ui.summary.newest': '(the newest)',
  'ui.summary.defaultClass': 'the cluster’s default class',
  'ui.summary.noTls': 'no TLS on the ingress',
  'ui.cluster.legend': 'Cluster connection',
  'ui.cluster.hint':
    'How the wizard reaches the cluster for the checks, the lists filled from the cluster, and the apply. Nothing is written to the cluster before you apply.',
  'ui.field.target.kubeconfig.source': 'kubeconfig',
  'ui.cluster.source.server': 'This machine’s own',
  'ui.cluster.source.server.help': 'KUBECONFIG, else ~/.kube/config, of the machine where the wizard runs',
  'ui.cluster.source.path': 'A file on this machine',
  'ui.cluster.source.path.help': 'a kubeconfig file on the machine where the wizard runs',
  'ui.cluster.source.upload': 'Upload or paste',
  'ui.cluster.source.upload.help':
    'kept like a password: never shown again, and not saved to disk unless you keep secrets',
  'ui.field.target.kubeconfig.path': 'Path of the kubeconfig file',
  'ui.help.target.kubeconfig.path':
    'On the machine where the wizard runs, not on the computer of your browser.',
  'ui.field.target.kubeconfig.content': 'kubeconfig',
  'ui.help.target.kubeconfig.content':
    'kubectl config view --minify --flatten --context <name> prints a kubeconfig for one context with its certificates inside.',
  'ui.field.uploadFile': 'Read {field} from a file',
  'ui.cluster.context.current': 'The current context ({name})',
  'ui.cluster.context.currentNone': 'The current context',
  'ui.cluster.context.unknown': '{name} (not in this kubeconfig)',
  'ui.cluster.context.option': '{name} — {server}',
  'ui.cluster.test': 'Connect and check access',
  'ui.cluster.testing': 'Connecting…',
  'ui.cluster.notTested': 'Not connected yet.',
  'ui.cluster.missing':
    'No kubeconfig at {where}: the wizard is not connected to a cluster. Choose a file on this machine or upload one; or go on without a cluster and install with the runbook from the Review step.',
  'ui.cluster.failed': 'Not connected: {reason}',
  'ui.cluster.connected': 'Connected to {server} (Kubernetes {version}) with the context {context}.',
  'ui.cluster.versionOld':
    'This Kubernetes is older than {minimum}, the oldest the W&B operator supports: the prerequisite checks will fail.',
  'ui.cluster.versionNew':
    'This Kubernetes is newer than {newest}, the newest the wizard was tested with: the checks will warn.',
  'ui.cluster.identity': 'The cluster knows you as {user} (groups: {groups}).',
  'ui.cluster.identityUnknown': 'Who you are could not be asked: {reason}',
  'ui.cluster.accessAll': 'You may do all {total} things the install needs.',
  'ui.cluster.accessMissing':
    '{count} of the {total} permissions the install needs are missing. Ask the cluster’s administrator for them, or use another context.',
  'ui.cluster.accessList': 'The {count} missing permissions',
  'ui.cluster.accessUnknown': 'The permissions could not be asked: {reason}',
  'ui.cluster.purpose.apply': 'install',
  'ui.cluster.purpose.helm': 'install (helm)',
  'ui.cluster.purpose.recovery': 'rollback and uninstall',
  'ui.cluster.purpose.follow': 'readiness',
  'ui.cluster.namespaces': '{count} namespaces: the namespace fields suggest them.',
  'ui.cluster.storageClasses':
    '{count} StorageClasses (default: {default}): the StorageClass field suggests them.',
  'ui.cluster.storageClasses.noDefault': 'none',
  'ui.field.secrets.delivery': 'How secrets reach the platform',
  'ui.help.secrets.delivery': 'Applies to the license, the MySQL password and the bucket keys.',
  'ui.secrets.delivery.secretRef': 'Kubernetes Secrets referenced from the custom resource',
  'ui.secrets.delivery.secretRefHelp':
    'where the chart version accepts a reference; otherwise the review says which values stay inline.',
  'ui.secrets.delivery.inline': 'Inline in the custom resource',
  'ui.secrets.delivery.inlineHelp': 'as in the vendor procedure.',
  'ui.secrets.names.legend': 'Names of the Secrets',
  'ui.field.secrets.licenseSecretName': 'License Secret',
  'ui.field.secrets.mysqlSecretName': 'MySQL Secret',
  'ui.field.secrets.bucketSecretName': 'Bucket Secret',
  'ui.help.secrets.secretName': 'Created in the custom resource’s namespace.',

  // Storage
  'ui.field.bucket.provider': 'Storage provider',
  'ui.help.bucket.provider': 'global.bucket.provider in the custom resource.',
  'ui.bucket.provider.s3': 'S3 or S3-compatible (MinIO and others)',
  'ui.bucket.provider.gcs': 'Google Cloud Storage',
  'ui.bucket.provider.azure': 'Azure Blob Storage',
  'ui.field.bucket.credentials': 'How W&B signs in to the bucket',
  'ui.bucket.credentials.keys': 'With an access key and a secret key',
  'ui.bucket.credentials.keysHelp':
    'For MinIO and other S3-compatible stores on the site, and AWS users with keys.',
  'ui.bucket.credentials.role': 'With the cloud role of the nodes (no keys)',
  'ui.bucket.credentials.roleHelp':
    'Only on AWS, where the nodes or the workload have an IAM role that may use the bucket. No keys are generated.',
  'ui.bucket.legend': 'Bucket',
  'ui.field.bucket.s3.name': 'Bucket or endpoint',
  'ui.help.bucket.s3.name':
    'For AWS the bucket name; for an S3-compatible store its endpoint host:port, as in the procedure.',
  'ui.field.bucket.s3.path': 'Bucket name or path',
  'ui.help.bucket.s3.path':
    'With an endpoint above, the bucket name; otherwise an optional path inside the bucket.',
  'ui.field.bucket.plainHttp': 'The endpoint speaks plain HTTP (no TLS)',
  'ui.help.bucket.plainHttp':
    'Only for an S3-compatible endpoint without TLS (MinIO on the site network). Otherwise the bucket URL asks W&B for TLS (?tls=true), verified with the custom CA bundle.',
  'ui.field.bucket.region': 'Region',
  'ui.help.bucket.region': 'The bucket’s region.',
  'ui.field.bucket.accessKey': 'Access key',
  'ui.help.bucket.accessKey': 'The access key W&B signs in to the bucket with.',
  'ui.field.bucket.secretKey': 'Secret key',
  'ui.help.bucket.secretKey': 'The secret of the access key.',
  'ui.field.bucket.kmsKey': 'KMS key',
  'ui.help.bucket.kmsKey': 'Optional: the KMS key that encrypts the bucket.',
  'ui.field.bucket.gcs.name': 'Bucket name',
  'ui.help.bucket.gcs.name': 'Credentials come from the nodes or workload identity.',
  'ui.field.bucket.gcs.path': 'Path',
  'ui.help.bucket.gcs.path': 'Optional path inside the bucket.',
  'ui.field.bucket.azure.name': 'Storage account',
  'ui.help.bucket.azure.name': 'Name of the Azure storage account.',
  'ui.field.bucket.azure.path': 'Container',
  'ui.help.bucket.azure.path': 'Name of the blob container.',
  'ui.field.bucket.azure.accessKey': 'Account key',
  'ui.help.bucket.azure.accessKey': 'Leave empty when the pods authenticate otherwise.',

  // Database
  'ui.field.mysql.mode': 'Where MySQL runs',
  'ui.help.mysql.mode': 'mysql.install in the custom resource.',
  'ui.mysql.mode.external': 'An existing MySQL server',
  'ui.mysql.mode.externalHelp': 'recommended for production (mysql.install: false).',
  'ui.mysql.mode.inCluster': 'Installed in the cluster by the chart',
  'ui.mysql.mode.inClusterHelp':
    'for trials; needs the mysql image in the internal registry (mysql.install: true).',
  'ui.mysql.legend': 'Connection',
  'ui.field.mysql.host': 'Host',
  'ui.help.mysql.host': 'Host name or IP address of the MySQL server, without port.',
  'ui.field.mysql.port': 'Port',
  'ui.help.mysql.port': 'Usually 3306.',
  'ui.field.mysql.database': 'Database',
  'ui.help.mysql.database': 'The database W&B uses; it must exist.',
  'ui.field.mysql.user': 'User',
  'ui.help.mysql.user': 'A user with all privileges on that database.',
  'ui.field.mysql.password': 'Password',
  'ui.help.mysql.password': 'The password of that user.',
  'ui.help.mysql.passwordInCluster': 'Optional: leave empty and the chart generates one.',

  // Network
  'ui.ingress.legend': 'Ingress',
  'ui.field.ingress.class': 'Ingress class',
  'ui.help.ingress.class':
    'The IngressClass of your ingress controller (ingress.class). No cluster is connected, so type it.',
  'ui.help.ingress.classFromCluster': 'The cluster has {count} IngressClass(es); pick one.',
  'ui.help.ingress.classUnreachable': 'The cluster could not be asked for its IngressClasses: {reason}',
  'ui.ingress.class.none': '(none: the cluster’s default)',
  'ui.ingress.class.default': '{name} (default)',
  'ui.field.ingress.annotations': 'Ingress annotations',
  'ui.help.ingress.annotations':
    'Added to the Ingress (ingress.annotations). The procedure raises the upload limit with nginx.ingress.kubernetes.io/proxy-body-size.',
  'ui.field.ingress.annotations.key': 'Annotation (row {index})',
  'ui.field.ingress.annotations.value': 'Value (row {index})',
  'ui.field.ingress.annotations.add': 'Add an annotation',
  'ui.field.ingress.annotations.remove': 'Remove row {index}',
  'ui.ingress.tls.legend': 'TLS',
  'ui.field.ingress.tls.enabled': 'Serve the platform over TLS from the ingress',
  'ui.help.ingress.tls.enabled':
    'Uses a Secret of type kubernetes.io/tls in the custom resource’s namespace.',
  'ui.field.ingress.tls.secretName': 'TLS Secret name',
  'ui.help.ingress.tls.secretName':
    'An existing Secret, or the one created from the certificate and key below.',
  'ui.field.ingress.tls.certificate': 'Certificate (PEM)',
  'ui.help.ingress.tls.certificate': 'Leave the certificate and the key empty to use an existing Secret.',
  'ui.field.ingress.tls.privateKey': 'Private key (PEM)',
  'ui.help.ingress.tls.privateKey': 'The unencrypted private key of that certificate.',
  'ui.certificates.legend': 'Custom CA certificates',
  'ui.field.certificates.bundle': 'CA bundle (PEM)',
  'ui.help.certificates.bundle':
    'The CAs of your internal services (registry, Helm repository, S3, MySQL). The bundle is split into one customCACerts entry per certificate, for the platform and the operator.',
  'ui.certs.count': 'Certificates ({count}):',
  'ui.certs.block': 'Position',
  'ui.certs.position': 'block {block}, line {line}',
  'ui.certs.subject': 'Subject',
  'ui.certs.issuer': 'Issuer',
  'ui.certs.validFrom': 'Valid from',
  'ui.certs.expires': 'Expires',
  'ui.certs.isCa': 'CA certificate',
  'ui.certs.yes': 'yes',
  'ui.certs.no': 'no',
  'ui.certs.fingerprint': 'SHA-256 fingerprint',
  'ui.certs.expired': '— expired',
  'ui.certs.notYetValid': '— not yet valid',

  // Review
  'ui.review.noDraft': 'Nothing has been entered yet.',
  'ui.review.goStart': 'Go to the first step',
  'ui.review.errors': 'Problems to fix before the files can be generated ({count}):',
  'ui.review.notes': 'Notes',
  'ui.review.masked': 'Secrets are shown as placeholders on this page.',
  'ui.review.downloads': 'Downloads',
  'ui.review.includeSecrets': 'Include the real secrets in the downloads',
  'ui.review.includeSecretsWarning':
    'The downloaded files will contain the license, passwords and keys in clear text. Keep them like passwords and delete them after use.',
  'ui.review.placeholdersNote':
    'Downloads contain placeholders instead of secrets; the runbook says which command fills each one.',
  'ui.review.archive': 'Download everything (.zip, with the runbook as README)',
  'ui.preview.show': 'Show the generated files',
  'ui.preview.hide': 'Hide the generated files',
  'ui.preview.about':
    'wandb.yaml and values.yaml as they are generated from what is saved, secrets masked; the lines changed since the last view are marked.',
  'ui.preview.empty': 'Nothing is saved yet: fill in a step and the files appear here.',
  'ui.preview.invalid': 'The files appear once the configuration is valid. Still to fix ({count}):',
  'ui.preview.files': 'Generated files',
  'ui.preview.changed': 'changed lines: {count}',
  'ui.review.fileLabel': 'Contents of {name}',
  'ui.review.copy': 'Copy {name}',
  'ui.review.copied': '{name} copied to the clipboard.',
  'ui.review.download': 'Download {name}',
  'ui.download.noDraft': 'There is no draft for this browser yet: fill in the wizard first.',
  'ui.download.invalid':
    'The configuration still has errors: open the review step of the wizard to see them.',
} as const satisfies Record<string, string>;

export type UiMessageKey = keyof typeof uiEn;
