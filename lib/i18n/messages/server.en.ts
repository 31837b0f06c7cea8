/** Texts of the wizard's own server (sign-in and refusals answered before the application). */
export const serverEn = {
  'server.title': 'W&B air-gapped install wizard',
  'server.badHost': 'The request names no valid host.',
  'server.foreignHost':
    'This wizard does not answer to the host “{host}”. Open it at the address it printed when it started (add other names with WIZARD_ALLOWED_HOSTS).',
  'server.badUrl': 'The request’s address is not valid.',
  'server.badEncoding': 'The address contains invalid percent-encoding.',
  'server.badMethod': 'This address does not take this request method.',
  'server.foreignOrigin': 'Refused: the request did not come from a page of this wizard (origin “{origin}”).',
  'server.signIn':
    'Sign in by opening the address the wizard printed when it started: it holds a one-time token. For a new address, run “{command}” in the wizard’s folder on the machine that runs the wizard.',
  'server.signedOut':
    'You are signed out. Your draft stays on the server; to continue it, print a sign-in address with “{draftCommand}” in the wizard’s folder (“{listCommand}” lists the drafts).',
  'server.tokenUsed':
    'This sign-in address was already used or has expired: each one works once. Print a new one with “{command}” in the wizard’s folder on the machine that runs the wizard.',
  'server.signInNeeded':
    'Sign-in needed: this browser has no session with the wizard (or it ended). Open the sign-in address the wizard printed, or print a new one with “{command}” in the wizard’s folder.',
  'server.tooLarge': 'The request is larger than the wizard accepts ({limit} bytes).',
  'server.badBody': 'The request could not be read: {reason}.',
  'server.unknownAction':
    'The wizard has no such action: the page may come from an older version of the wizard. Reload it.',
} as const;
