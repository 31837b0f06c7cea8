/** Messages of the Mirror step (`lib/mirror`, `app/wizard/mirror`, `components/mirror`). */
export const mirrorEn = {
  'mirrorStep.ui.optional':
    'This step is optional. If the images are in the internal registry already (pushed with wsm, skopeo or docker), press “Skip this step” or go on: the prerequisite checks confirm that every image is there.',
  'mirrorStep.ui.skip': 'Skip this step: the images are mirrored already',
  'mirrorStep.ui.registry':
    'Images go to {registry}, with the address, CA certificates and login of the Registry step.',
  'mirrorStep.ui.noRegistry':
    'Enter the registry address in the Registry step first: the images are pushed there.',
  'mirrorStep.ui.plan': 'Plan',
  'mirrorStep.ui.start': 'Mirror',
  'mirrorStep.ui.startAgain': 'Mirror again',
  'mirrorStep.ui.cancel': 'Cancel the mirror',
  'mirrorStep.ui.noPlan': 'Press Plan to list what the folder holds and what the registry has already.',
  'mirrorStep.ui.planning': 'Reading the archives and asking the registry…',
  'mirrorStep.ui.plan.caption': '{source}: {kind}',
  'mirrorStep.ui.kind.wsm-bundle': 'a wsm download bundle',
  'mirrorStep.ui.kind.folder': 'a folder of image archives',
  'mirrorStep.ui.kind.registry': 'a source registry, copied registry to registry',
  'mirrorStep.ui.publicRegistries': 'the images’ own public registries',
  'mirrorStep.ui.noPlan.registry':
    'Press Plan to list what the source registry holds of the configuration’s images and what the registry has already.',
  'mirrorStep.ui.notInSource.registry':
    'Images the configuration needs that the source registry does not hold',
  'mirrorStep.ui.problems.registry': 'Images the source registry cannot give',
  'mirrorStep.ui.registryNoCharts':
    'A registry source has no charts: publish operator and operator-wandb from a bundle (choose a folder here) or by hand, where the Charts step installs them from.',
  'mirrorStep.ui.plan.summary':
    '{toPush} of {total} images to push ({bytes}); {present} in {registry} already.',
  'mirrorStep.ui.col.image': 'Image',
  'mirrorStep.ui.col.target': 'In the registry',
  'mirrorStep.ui.col.size': 'Size',
  'mirrorStep.ui.col.platforms': 'Platforms',
  'mirrorStep.ui.col.status': 'Status',
  'mirrorStep.ui.col.progress': 'Progress',
  'mirrorStep.ui.col.result': 'Result',
  'mirrorStep.status.missing': 'missing: will be pushed',
  'mirrorStep.status.present': 'present: nothing to push',
  'mirrorStep.status.outdated': 'the registry has another image under this tag: will be pushed',
  'mirrorStep.status.tag-differs': 'tag differs: the configuration uses {tag}; pushed under its own tag',
  'mirrorStep.status.extra': 'not in the configuration: pushed as well',
  'mirrorStep.status.error': 'the registry did not answer: {detail}',
  'mirrorStep.status.no-platform':
    'none of its platforms ({platforms}) is chosen: not pushed, the run reports it as failed',
  'mirrorStep.ui.notInSource': 'Images the configuration needs that the folder does not hold',
  'mirrorStep.ui.notInSource.present': 'present in the registry',
  'mirrorStep.ui.notInSource.missing': 'missing from the registry: bring it in another way',
  'mirrorStep.ui.charts': 'Charts',
  'mirrorStep.ui.chart': '{name} {version} ({file})',
  'mirrorStep.ui.chart.problem': '{file} cannot be read: {detail}',
  'mirrorStep.ui.problems': 'Archives that cannot be read',
  'mirrorStep.ui.state.planning': 'Reading the source and asking the registry…',
  'mirrorStep.ui.state.pushing': 'Pushing…',
  'mirrorStep.ui.state.succeeded': 'Finished.',
  'mirrorStep.ui.state.failed': 'Finished with failures.',
  'mirrorStep.ui.state.cancelled':
    'Cancelled. What was fully uploaded stays in the registry and a new run continues from there; no incomplete image got a tag.',
  'mirrorStep.ui.charts.progress': 'Charts',
  'mirrorStep.ui.charts.pushing': 'Charts: {done} of {total} done; now {chart}…',
  'mirrorStep.ui.charts.done': 'Charts: {done} of {total} done.',
  'mirrorStep.ui.total': 'Total: {bytes} of {totalBytes} · {rate}/s · {eta}',
  'mirrorStep.ui.image': '{bytes} of {totalBytes} · {rate}/s · {eta}',
  'mirrorStep.ui.eta': 'about {seconds} s left',
  'mirrorStep.ui.eta.unknown': 'time left unknown',
  'mirrorStep.image.waiting': 'waiting',
  'mirrorStep.image.running': 'pushing',
  'mirrorStep.image.done': 'done',
  'mirrorStep.image.failed': 'failed',
  'mirrorStep.ui.report': 'Report',
  'mirrorStep.ui.report.summary':
    '{pushed} pushed, {skipped} already present, {failed} failed; {bytes} sent in {seconds} s.',
  'mirrorStep.ui.report.nothing': 'Nothing was pushed: all {skipped} images are in the registry already.',
  'mirrorStep.result.pushed': 'pushed',
  'mirrorStep.result.skipped': 'already present',
  'mirrorStep.result.failed': 'failed',
  'mirrorStep.ui.sourceInvalid': 'Source: fix the fields as they say.',
  'mirrorStep.ui.registryInvalid':
    'The Registry step has {count} fields to fix first: the address, CA certificates and login of the push come from there.',
  'mirrorStep.ui.alreadyRunning': 'A mirror of this draft is running already; follow it below or cancel it.',
  'mirrorStep.ui.unknownRun':
    'This mirror run is no longer known to the wizard (it was restarted). Start a new one.',
  'mirrorStep.source.empty':
    'Source folder: enter the folder that holds the wsm bundle or the image archives, or skip this step.',
  'mirrorStep.source.missing':
    'Source folder: {path} does not exist on the machine the wizard runs on. Enter the folder the bundle was copied to (for example /media/usb/bundle).',
  'mirrorStep.source.notFolder':
    'Source folder: {path} is a file, not a folder. Enter the folder that holds it.',
  'mirrorStep.source.unreadable':
    'Source folder: the wizard cannot read {path}. Give the user that runs the wizard read access to it.',
  'mirrorStep.source.nothing':
    'Source folder: {path} holds no image: neither a wsm bundle (images/<image>/image.tgz) nor .tar or .tar.gz archives. Enter the folder of the bundle.',
  'mirrorStep.failure.cancelled': 'Cancelled before the image was complete: it has no tag.',
  'mirrorStep.failure.digest':
    '{what}: the bytes in the archive do not match the digest {expected} (they give {actual}). The archive is damaged: copy it again.',
  'mirrorStep.failure.archive': 'The archive cannot be read: {detail}',
  'mirrorStep.failure.platforms':
    'None of the image’s platforms ({available}) is among those chosen ({chosen}): nothing of it was pushed. Check one of its platforms under Platforms to push, or choose every platform.',
  'mirrorStep.ui.platforms.noPlan':
    'Press Plan to list the platforms of the source’s images, then check those the nodes run.',
  'mirrorStep.ui.platforms.noneChecked': 'No platform is checked: every platform is pushed.',
  'mirrorStep.ui.platforms.replan': 'Press Plan again to see what is pushed with this choice.',
  'mirrorStep.ui.plan.platforms.all': 'Every platform of each image is pushed.',
  'mirrorStep.ui.plan.platforms.some':
    'Only {platforms} of each image index is pushed, under a new index that lists only those.',
  'mirrorStep.ui.platforms.dropped': '{pushed} (left out: {dropped})',
  'mirrorStep.ui.platforms.other':
    '{platforms}: not a chosen platform. Pushed all the same (it is the only image under this tag), but nodes of the chosen platforms cannot run it.',
  'mirrorStep.ui.col.chart': 'Chart',
  'mirrorStep.ui.col.destination': 'Goes to',
  'mirrorStep.chartStatus.missing': 'missing: will be pushed',
  'mirrorStep.chartStatus.present': 'present with the same digest: nothing to push',
  'mirrorStep.chartStatus.outdated': 'another package under this version',
  'mirrorStep.chartStatus.manual': 'not pushed by the wizard',
  'mirrorStep.chartStatus.extra': 'not a chart of the configuration',
  'mirrorStep.chartStatus.error': 'the repository did not answer',
  'mirrorStep.chartStatus.unreadable': 'cannot be read',
  'mirrorStep.chart.api': 'uploaded through the ChartMuseum API ({api})',
  'mirrorStep.chart.tryApi':
    'uploaded through the ChartMuseum API ({api}) if the repository has one; if not, the commands below publish it',
  'mirrorStep.chart.outdated.oci': 'pushed again; the version tag then points at the package of the folder',
  'mirrorStep.chart.outdated.repo':
    'the upload to {api} is refused unless the repository allows overwriting: delete that version in the repository first, or keep it',
  'mirrorStep.chart.local':
    'the configuration installs it from the file {path}: copy it there (command below)',
  'mirrorStep.chart.unconfigured':
    'the Charts step has no valid repository for {chart} yet: set it there, then mirror again',
  'mirrorStep.chart.extra': 'the configuration does not install {chart}: not pushed',
  'mirrorStep.chart.conflict':
    '{what}: the repository holds another package of this version and refuses to replace it ({detail}). Delete that version in the repository, or allow overwriting (ChartMuseum --allow-overwrite), then mirror again.',
  'mirrorStep.chart.noApi':
    '{url} accepts no uploads (no ChartMuseum API at {api}): publish the chart with the commands below',
  'mirrorStep.chartResult.pushed': 'pushed',
  'mirrorStep.chartResult.present': 'already present with the same digest: not sent again',
  'mirrorStep.chartResult.failed': 'failed',
  'mirrorStep.chartResult.manual': 'to publish by hand',
  'mirrorStep.ui.report.charts':
    'Charts: {pushed} pushed, {present} already present, {failed} failed, {manual} to publish by hand.',
  'mirrorStep.publish.index':
    "To publish on a plain web server ({where}): gather the packages with the repository's current index.yaml in the folder {dir}, merge them with helm repo index, then copy every file of {dir} (the .tgz packages and index.yaml) into the web server's folder that serves {where}. curl asks for the password; CA.pem stands for the CA certificates of the Charts step.",
  'mirrorStep.publish.upload':
    'Or, where {where} is a ChartMuseum or a Harbor chart repository, upload each package through its API:',
  'mirrorStep.publish.copy':
    'The configuration installs the chart from {where} on the machine that runs the commands: copy it there.',
  'mirrorStep.ui.commands': 'Commands that publish the charts ({where})',
} as const;
