/** Messages of the Mirror step (`lib/mirror`, `app/wizard/mirror`, `components/mirror`). */
export const mirrorEn = {
  'mirrorStep.ui.optional':
    'This step is optional. If the images are in the internal registry already (pushed with wsm, skopeo or docker), leave the folder empty and go on: the prerequisite checks confirm that every image is there.',
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
  'mirrorStep.ui.notInSource': 'Images the configuration needs that the folder does not hold',
  'mirrorStep.ui.notInSource.present': 'present in the registry',
  'mirrorStep.ui.notInSource.missing': 'missing from the registry: bring it in another way',
  'mirrorStep.ui.charts': 'Charts',
  'mirrorStep.ui.chart': '{name} {version} ({file})',
  'mirrorStep.ui.chart.problem': '{file} cannot be read: {detail}',
  'mirrorStep.ui.charts.publish':
    'This step pushes the images. Publish the charts to the Helm repository of the Charts step, or push them as OCI artifacts: helm push {file} oci://{registry}/charts',
  'mirrorStep.ui.problems': 'Archives that cannot be read',
  'mirrorStep.ui.state.planning': 'Reading the source and asking the registry…',
  'mirrorStep.ui.state.pushing': 'Pushing…',
  'mirrorStep.ui.state.succeeded': 'Finished.',
  'mirrorStep.ui.state.failed': 'Finished with failures.',
  'mirrorStep.ui.state.cancelled':
    'Cancelled. What was fully uploaded stays in the registry and a new run continues from there; no incomplete image got a tag.',
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
  'mirrorStep.ui.sourceInvalid': 'Source folder: fix the path as the field says.',
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
} as const;
