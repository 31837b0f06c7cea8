/**
 * Texts of the wizard's own security on its screens: sign-out, expired secrets and sessions, the
 * two-tab conflict, unreadable drafts (`ui.security.`), and the audit log and apply lock on the
 * apply step (`apply.security.`).
 */
export const securityEn = {
  'errors.security.keyPermissions':
    'The secrets key {path} can be read by other users of this machine. Make it readable by its owner only: chmod 600 {path}',
  'errors.security.keyInvalid':
    'The secrets key {path} is not a key of this wizard (32 random bytes). Move it away to make a new one.',
  'errors.security.draftTooLarge': 'The draft is too large to save ({size} bytes; at most {limit}).',
  'errors.security.checksRuns':
    'Too many prerequisite check runs at once for this draft ({limit}). Wait for one to finish.',
  'ui.security.signOut': 'Sign out',
  'ui.security.secretsIdle':
    'Secrets you do not keep on this machine stay in the server’s memory only, and are forgotten after {minutes} minutes without activity.',
  'ui.security.secretsLost':
    'The wizard no longer holds secrets you entered (it restarted, or they expired): {count} to type again. The configuration is incomplete until each is entered:',
  'ui.security.secretsLost.keep':
    'To keep secrets across restarts, tick “Keep secrets on this machine” (they are then stored encrypted).',
  'ui.security.secretsExpired':
    'The secrets entered earlier were forgotten after {minutes} minutes without activity (they were kept in the server’s memory only). Enter them again.',
  'ui.security.secretsUnreadable':
    'The secrets kept with this draft cannot be decrypted with this machine’s key ({file}). Enter them again.',
  'ui.security.draftSetAside':
    'The saved draft could not be read ({reason}). It was kept as {file} and a new draft was started.',
  'ui.security.sessionEnded':
    'Your session with the wizard has ended. Open a new sign-in address: on the machine that runs the wizard, run its signin-url command in the wizard’s folder (“./wandb-airgap-wizard signin-url” from the archive, “npm run signin-url” from the source).',
  'ui.security.conflict.title': 'This draft was changed in another tab or window',
  'ui.security.conflict.body':
    'Your changes were not saved, because the draft on the server changed since this tab loaded it. Changed there: {fields}.',
  'ui.security.conflict.none': 'no field (only the visited steps or the secrets opt-in)',
  'ui.security.conflict.keepMine': 'Keep mine (save over theirs)',
  'ui.security.conflict.takeTheirs': 'Take theirs (discard my changes)',
  'apply.security.changedSinceChecks':
    'The configuration changed since the prerequisite checks ran on it: {fields}. Run the checks again on this configuration.',
  'apply.security.locked':
    'Another apply to this cluster and release is running, started by {holder} at {since}. Wait for it to end.',
  'apply.security.audit.title': 'Audit log',
  'apply.security.audit.lead':
    'Every dry run, apply, recovery, bypass and cancel on this server, newest first. Never with secrets.',
  'apply.security.audit.download': 'Download the audit log',
  'apply.security.audit.empty': 'Nothing recorded yet.',
  'apply.security.audit.when': 'When',
  'apply.security.audit.event': 'Event',
  'apply.security.audit.session': 'Session',
  'apply.security.audit.target': 'Target',
  'apply.security.audit.config': 'Configuration',
  'apply.security.audit.outcome.succeeded': 'succeeded',
  'apply.security.audit.outcome.failed': 'failed',
  'apply.security.audit.outcome.cancelled': 'cancelled',
  'apply.security.audit.outcome.refused': 'refused',
  'apply.security.audit.outcome.recorded': 'recorded',
  'apply.security.audit.result': 'Result',
  'apply.security.audit.event.dryRun': 'dry run',
  'apply.security.audit.event.apply': 'apply',
  'apply.security.audit.event.recover': 'apply with recovery',
  'apply.security.audit.event.follow': 'follow readiness',
  'apply.security.audit.event.bypass': 'bypass of {check}',
  'apply.security.audit.event.cancel': 'cancel',
} as const;
