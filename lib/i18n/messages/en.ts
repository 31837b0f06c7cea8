/**
 * English messages: the reference catalogue. Its keys are the type `MessageKey`; `ja.ts` must
 * have exactly the same keys (a compile error otherwise).
 *
 * Conventions:
 * - Keys are `namespace.group.name`, flat, ASCII; the namespace says who uses them
 *   (`config.` validation, `generate.` generated artifacts, `ui.` screens…).
 * - Parameters are written `{name}` and filled by `translate()`.
 * - A key must appear as a string literal in app/, components/ or lib/ (tests excluded), or be
 *   built by a template literal whose fixed parts name it (`generate.secretField.${field}`);
 *   `lib/i18n/i18n.test.ts` fails on unused and on missing keys.
 */
export const en = {
  // Generic validation messages (also used for zod's own issues, by code).
  'config.required': 'Required.',
  'config.invalid': 'This value is not valid.',
  'config.invalidType': 'This value has the wrong type.',
  'config.invalidFormat': 'This value has the wrong format.',
  'config.invalidOption': 'Choose one of: {options}.',
  'config.unknownKeys': 'Unknown settings: {keys}.',
  'config.tooShort': 'Enter at least {minimum} characters.',
  'config.tooLong': 'Enter at most {maximum} characters.',
  'config.tooSmall': 'Enter a value of at least {minimum}.',
  'config.tooLarge': 'Enter a value of at most {maximum}.',
  'config.tooFewItems': 'Add at least {minimum} entries.',
  'config.tooManyItems': 'Add at most {maximum} entries.',
  'config.singleLine': 'Line breaks and control characters are not allowed here.',
  'config.kubeconfig.pathAbsolute':
    'Enter the full path of the kubeconfig file on the wizard’s machine, starting with / or ~/ (for example /home/ops/.kube/config).',
  'config.kubeconfig.contentRequired':
    'Upload the kubeconfig file or paste its text, or choose another way to reach the cluster.',
  'config.duplicateKey': 'This key is already used in row {first}.',
  'config.bucket.credentials.choose':
    'Choose how W&B signs in to the bucket: with an access key, or with the cloud role of the nodes.',
  'config.bucket.keys.required': 'Enter the key, or choose the cloud role of the nodes instead of keys.',
  'config.bucket.keys.withRole':
    'The cloud role of the nodes is chosen, so no key is used: clear this field, or choose keys.',
  'config.credentials.bothOrNeither': 'Give both the user name and the password, or neither.',
  'config.port.invalid': 'Enter a port between 1 and 65535.',
  'config.name.dnsLabel':
    'Use lower-case letters, digits and "-", starting and ending with a letter or digit, at most {maximum} characters.',
  'config.name.dnsSubdomain':
    'Use lower-case letters, digits, "-" and ".", starting and ending with a letter or digit, at most {maximum} characters.',

  // Registry.
  'config.registry.host.invalid':
    'Enter the registry as host[:port][/path], for example registry.example.com:5000/mirror (path in lower case).',
  'config.registry.host.scheme': 'Leave out http:// or https://; plain HTTP is a separate option below.',
  'config.registry.username.colon': 'A registry user name cannot contain ":".',
  'config.registry.insecureSkipVerify.withPlainHttp':
    'Skipping TLS verification has no meaning over plain HTTP.',
  'config.registry.caBundle.withPlainHttp': 'A CA bundle has no meaning over plain HTTP.',

  // Bucket.
  'config.bucket.name.scheme':
    'Leave out s3://, http:// or https://: write the S3-compatible endpoint as host:port (for example minio.example.com:9000; plain HTTP is the option below), or the AWS bucket name.',
  'config.bucket.name.slash':
    'No "/" here: write the endpoint as host:port (or the AWS bucket name) and put the bucket, with a folder if any, in "Bucket name or path".',
  'config.bucket.name.space': 'Spaces are not allowed in the bucket or endpoint.',
  'config.bucket.name.port':
    '"{port}" is not a port: write the endpoint as host:port with the port in digits, for example s3.example.com:9000.',
  'config.bucket.path.scheme':
    'Leave out s3:// here: write the bucket name, optionally followed by /folder (for example wandb or wandb/prod).',
  'config.bucket.path.query':
    'No "?" in the path: the wizard adds ?tls=true itself unless plain HTTP is chosen.',
  'config.bucket.path.requiredWithEndpoint':
    'With an endpoint host:port above, enter the bucket name here (for example wandb).',
  'config.bucket.plainHttp.aws':
    'AWS S3 is HTTPS only: plain HTTP applies to an S3-compatible endpoint (host:port above).',
  'config.bucket.gcs.name.scheme': 'Leave out gs://: enter the bucket name only (for example wandb-files).',
  'config.bucket.gcs.name.invalid':
    'Enter a GCS bucket name: lower-case letters, digits, "-", "_" and ".", starting and ending with a letter or digit (3–63 characters).',
  'config.bucket.azure.name.url':
    'Enter the storage account name only (for example wandbstorage), not its URL or host name.',
  'config.bucket.azure.name.invalid': 'An Azure storage account name is 3–24 lower-case letters and digits.',
  'config.bucket.azure.path.invalid':
    'An Azure container name is 3–63 lower-case letters, digits and single hyphens, starting and ending with a letter or digit.',

  // Images.
  'config.images.repository.invalid':
    'Enter a repository such as registry.example.com/mirror/wandb/local, without a tag (path in lower case).',
  'config.images.tag.invalid': 'Enter a tag: letters, digits, "_", "." and "-", at most 128 characters.',

  // Charts.
  'config.charts.url.invalid': 'Enter the repository URL, starting with https:// or http://.',
  'config.charts.ociUrl.invalid':
    'Enter the OCI reference as oci://host[:port]/path, without the chart name.',
  'config.mirror.source.absolute':
    'Enter the full path of the folder on the machine the wizard runs on, starting with / (for example /media/usb/bundle).',
  'config.mirror.registry.public':
    'Leave this empty: the public registries are asked anonymously, trusting the system’s certificates.',
  'config.mirror.platforms.format':
    'Platforms to push: "{value}" is not a platform. Write os/architecture or os/architecture/variant in lower case, for example linux/amd64 or linux/arm/v7.',
  'config.mirror.platforms.duplicate': 'Platforms to push: {value} is listed twice. Remove one of them.',
  'config.charts.path.tgz': 'Enter the path of the chart archive (.tgz).',
  'config.charts.version.invalid': 'Enter a version such as 0.18.0.',
  'config.charts.platformVersion.unsupported':
    'operator-wandb versions older than 0.18.0 are not supported; supported: {supported}.',
  'config.charts.caBundle.withHttp': 'A CA bundle has no meaning for an http:// repository.',
  'config.charts.plainHttp.withTls':
    'Plain HTTP cannot be combined with TLS settings (CA bundle, skip verification).',

  // Platform.
  'config.hint.httpsWithoutIngressTls':
    'The address starts with https://, but TLS on the ingress is off (Network step): W&B answers plain HTTP. Turn ingress TLS on, or make sure a load balancer in front ends TLS.',
  'config.hint.license.space':
    'The license contains a space or a line break; a W&B license has none. Copy it again in one piece.',
  'config.hint.password.spaces':
    'This password starts or ends with a space, which becomes part of it. Remove the space unless the password really has one.',
  'config.hint.env.quoted':
    'The value is in quotes ({quote}…{quote}); the quotes become part of the value. Type the value without them.',
  'config.platform.host.invalid': 'Enter the URL users open, for example https://wandb.example.com.',
  'config.platform.extraEnv.key.invalid': 'Use letters, digits and "_", not starting with a digit.',
  'config.platform.storageClass.invalid':
    'The StorageClass must be the name of a StorageClass as "kubectl get storageclass" lists it: lower-case letters, digits, "-" and ".", starting and ending with a letter or digit, at most {maximum} characters. Leave it empty to use the cluster’s default class.',

  // MySQL.
  'config.mysql.host.invalid': 'Enter a host name or an IP address, without a port.',
  'config.mysql.identifier.invalid': 'Spaces, backquotes and control characters are not allowed.',

  // Ingress.
  'config.ingress.annotation.key.invalid':
    'Enter an annotation key such as nginx.ingress.kubernetes.io/proxy-body-size.',
  'config.ingress.tls.privateKey.invalid':
    'Paste one unencrypted private key in PEM format (BEGIN PRIVATE KEY).',
  'config.ingress.tls.keyMismatch': 'This private key does not belong to the first certificate.',

  // Certificates (positions: block n = n-th BEGIN line, line m of the text).
  'config.certificates.strayText': 'Line {line} is not part of a certificate (before block {block}).',
  'config.certificates.notCertificate': 'Block {block} (line {line}) is a {label}, not a certificate.',
  'config.certificates.unterminated': 'Block {block} (line {line}) has no END line.',
  'config.certificates.badEncoding': 'Block {block} (line {line}) is not valid base64.',
  'config.certificates.unparseable': 'Block {block} (line {line}) is not a valid X.509 certificate.',
  'config.certificates.none': 'No certificate found.',
  'config.certificates.expired': 'Block {block} ({subject}) expired on {notAfter}.',
  'config.certificates.notYetValid': 'Block {block} ({subject}) is valid only from {notBefore}.',
  'config.certificates.notCA': 'Block {block} ({subject}) is not a CA certificate.',

  // Notes about the generated artifacts.
  'generate.note.unverifiedChartVersion':
    'The wizard has not read the operator-wandb {version} chart: its image keys are taken from the nearest version it has notes for ({verified}), so the image list may be incomplete. Give the chart (.tgz) in the Charts step, or confirm at the site that every image is internal (with the spec.values of wandb.yaml saved as wandb-values.yaml): {command}',
  'generate.note.chartDefaultTags':
    'operator-wandb {version}: these images keep the chart\'s own default tag "latest": {images}. Set their tags in the Registry step to mirror a fixed version.',
  'generate.note.imageKeysInLists':
    'These image keys of the chart sit in lists, which the generated values cannot patch; check them before installing: {keys}',
  'generate.note.secretsInline':
    'operator-wandb {version} cannot reference Secrets for the license, the MySQL password or the bucket keys; they are written inline in wandb.yaml.',
  'generate.note.pullSecretsIgnored':
    'operator-wandb {version} does not pass the pull secret "{secret}" to all of its pods. Let the nodes authenticate to the registry (container runtime configuration), or attach the secret to the service accounts.',
  'generate.note.nodesTrustRegistry':
    'Every node must be able to pull from {registry}: configure the container runtime for its CA or for plain HTTP.',
  'generate.note.ociNeedsNewerOperator':
    'operator-wandb from an OCI source needs the operator’s controller {since} or newer; this configuration uses {tag}, which fails to download the chart. Set the controller tag to {since} or newer on the Registry step (and mirror it), or serve the chart from an HTTP(S) repository.',
  'generate.note.operatorVerifiesTls':
    "The operator verifies the chart repository's certificate; its CA is added to the operator's customCACerts.",
  'generate.note.storageClassNotCarried':
    'operator-wandb {version} cannot put these volumes on the StorageClass {name}: {volumes}. Its in-cluster MySQL template breaks on any class (fixed in {since}), so the wizard names no class for it and its volume uses the cluster’s default class. Use operator-wandb {since} or newer, or an external MySQL, to keep the database off the default class.',
  'generate.note.localChartConfigMap':
    'The operator-wandb archive is delivered as the ConfigMap wandb-charts in the namespace {namespace}.',

  // Names of secret values (placeholders table).
  'generate.secretField.license': 'W&B license',
  'generate.secretField.mysqlPassword': 'MySQL password',
  'generate.secretField.bucketAccessKey': 'Bucket access key',
  'generate.secretField.bucketSecretKey': 'Bucket secret key',
  'generate.secretField.registryPassword': 'Registry password',
  'generate.secretField.chartPassword': 'Chart repository password',
  'generate.secretField.tlsPrivateKey': 'TLS private key of the ingress',

  // secrets.yaml header.
  'generate.secrets.header':
    'Secrets for the W&B install. Apply with server-side apply; delete this file afterwards.',
  'generate.secrets.placeholders':
    'Values are placeholders (REPLACE_WITH_…); fill them in a private copy before applying.',
  'generate.secrets.none': 'No Secret is needed for this configuration.',

  // RUNBOOK.md.
  'generate.runbook.title': 'Installing W&B ({name} in {namespace}) without internet access',
  'generate.runbook.intro':
    'Run these commands in order from a shell that reaches the cluster. Platform chart operator-wandb {version} (image keys of the {line}.x line); images from {registry}.',
  'generate.runbook.notes': 'Before you start',
  'generate.runbook.placeholder': 'Placeholder',
  'generate.runbook.value': 'Replace with',
  'generate.runbook.prompt': '{label}: ',
  'generate.runbook.operatorChartPassword': 'Password of the operator chart source',
  'generate.runbook.filledBy': 'Or, with the commands below',
  'generate.runbook.filledBy.prompt': 'typed at the prompt "{prompt}" (${variable})',
  'generate.runbook.filledBy.tlsKey': 'the file tls.key, next to tls.crt',
  'generate.runbook.prerequisites.title': 'Check the tools and your rights',
  'generate.runbook.prerequisites.body':
    'Kubernetes 1.28 or later and Helm 3 or later are needed; installing the operator creates a CRD, which needs cluster-admin rights.',
  'generate.runbook.prerequisites.storageClass':
    'The volumes of Redis, Prometheus and an in-cluster MySQL go to the StorageClass {name}: it must exist (kubectl get storageclass {name}) with a working provisioner.',
  'generate.runbook.services.title': 'Check MySQL and the bucket',
  'generate.runbook.services.body':
    "What the wizard's checks ask, by hand, from a machine that reaches them as the cluster does and has the clients (mysql, aws, gcloud or az): the database answers and the user's grants cover the database; the bucket exists and the credentials may read it. Each command asks for its password or uses the client's own login; a failure here fails the platform later.",
  'generate.runbook.images.title': 'Mirror the images',
  'generate.runbook.images.body':
    "The internal registry {registry} must hold the {count} images listed in images.txt (source and target), under exactly those tags: the generated values use them, and they may differ from the tags in the procedure or in a bundle made for another chart version. Mirroring has two phases. On a machine with internet access, the vendor's `wsm download` writes a bundle (or, where that machine also reaches {registry}, `bash mirror-images.sh skopeo` copies the images directly). At the site, the wizard's Mirror step pushes the bundle without Docker; or `docker load` each bundle/images/*/image.tgz and run `bash mirror-images.sh docker` (it says how to give Docker the registry's CA). Then `bash mirror-images.sh verify` lists any image still missing.",
  'generate.runbook.charts.title': 'Point Helm at the charts',
  'generate.runbook.charts.repo':
    'Add the internal Helm repository {url} as "{name}"; the operator is installed from "{name}/operator" below.',
  'generate.runbook.charts.oci': 'Log in to the OCI registry that holds the charts ({url}).',
  'generate.runbook.charts.local': 'The operator chart is installed from the archive {path}.',
  'generate.runbook.charts.platformFetchedByOperator':
    'The operator itself downloads operator-wandb {version} from {url}; nothing to do in this shell.',
  'generate.runbook.namespaces.title': 'Create the namespaces',
  'generate.runbook.namespaces.body': 'The Secrets must exist before the pods that use them.',
  'generate.runbook.secrets.title': 'Create the Secrets',
  'generate.runbook.secrets.included': 'secrets.yaml holds the real values. Apply it, then delete the file.',
  'generate.runbook.secrets.placeholders':
    'secrets.yaml holds placeholders instead of secret values. Either replace them in a private copy and apply it:',
  'generate.runbook.secrets.commands':
    'or create each Secret from values typed at the prompt (nothing is written to disk or to the shell history):',
  'generate.runbook.secrets.tlsKeyFile':
    'The TLS Secret {name} is made from tls.crt (in this bundle) and the private key of that certificate, which you put next to it as tls.key; delete tls.key afterwards.',
  'generate.runbook.tls.title': 'Check the ingress certificate',
  'generate.runbook.tls.created':
    'The ingress serves {host} with the certificate of the Secret {name} in {namespace}, created above. Check that it is a TLS Secret, that its names include {host} and that it has not expired (the last command fails on an expired certificate):',
  'generate.runbook.tls.existing':
    'The ingress serves {host} with the certificate of the Secret {name} in {namespace}, which this bundle does not create. If it does not exist yet, create it from the certificate (tls.crt) and its private key (tls.key):',
  'generate.runbook.tls.check':
    'Then check that it is a TLS Secret, that its names include {host} and that it has not expired (the last command fails on an expired certificate):',
  'generate.runbook.chartConfigMap.title': 'Deliver the platform chart',
  'generate.runbook.chartConfigMap.body':
    'The operator reads operator-wandb from the ConfigMap wandb-charts in {namespace} (mounted at /charts). Store {path} there, base64-encoded:',
  'generate.runbook.operator.title': 'Install the operator',
  'generate.runbook.operator.body':
    'This installs the W&B operator and its CRD in {namespace} with values.yaml (airgapped: true), then waits until it runs.',
  'generate.runbook.operator.newest':
    'No operator chart version was given: the first command looks up the newest one the source holds and the install pins it (${variable}). Note the version it prints; to fix it in this runbook, enter it in the Charts step of the wizard.',
  'generate.runbook.operator.pinned': 'The operator chart is pinned to version {version}.',
  'generate.runbook.platform.title': 'Deploy the platform',
  'generate.runbook.platform.placeholders':
    'wandb.yaml holds placeholders instead of secret values; replace them first:',
  'generate.runbook.platform.body':
    'Apply the custom resource {name} in {namespace}. The operator installs operator-wandb; phase "Completed" means Helm applied it, and the Deployments then become available.',
  'generate.runbook.verify.title': 'Check the platform',
  'generate.runbook.verify.body': 'Open {host} in a browser and sign in.',
  'generate.runbook.troubleshooting.title': 'If something does not start',
  'generate.runbook.troubleshooting.body':
    'The CR events, the operator log and the pods that are not running usually name the cause (an image missing in the registry, a wrong password, a certificate that is not trusted):',
  'generate.runbook.rollback.title': 'Roll back',
  'generate.runbook.rollback.operator':
    'Helm keeps every revision of the operator release in {namespace}. List them, then go back to the previous one (add a revision number after "operator" for an older one):',
  'generate.runbook.rollback.platform':
    'The platform release belongs to the operator: to go back to earlier settings or an earlier operator-wandb version, apply the wandb.yaml of that install again (step "Deploy the platform"); the operator reconciles {name} to it.',
  'generate.runbook.uninstall.title': 'Uninstall',
  'generate.runbook.uninstall.body':
    'Delete the custom resource {name} in {namespace} first: the operator uninstalls the platform release and then lets the resource go. Then uninstall the operator and delete the Secrets this runbook created:',
  'generate.runbook.uninstall.stuck':
    'If {name} is still there when the wait ends, the operator could not uninstall the platform release: it downloads the chart to do so, and operator versions up to at least v1.22.0 do not read the repository credentials of spec.chart.credentialSecret then. Uninstall the release yourself and let the resource go, then go on with "helm uninstall operator" above:',
  'generate.runbook.uninstall.kept':
    'The CRD {crd}, the namespaces, the MySQL database and the bucket are kept, and so are the Secrets the platform chart marks "helm.sh/resource-policy: keep" (its session key, for example), which a new install reuses. Deleting the CRD deletes every W&B resource of the cluster; delete it only when none is left.',

  // Import of existing YAML.
  'generate.import.syntax': 'YAML error at line {line}, column {column}: {reason}.',
  'generate.import.notMapping': 'The document is not a YAML mapping.',
  'generate.import.wrongKind': 'Expected a WeightsAndBiases resource, found {kind}.',
} as const satisfies Record<string, string>;

export type MessageKey = keyof typeof en;
