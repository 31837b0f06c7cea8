import { load } from 'js-yaml';

const CREDENTIAL_KEYS = new Set([
  'token',
  'password',
  'client-key-data',
  'client-certificate-data',
  'id-token',
  'refresh-token',
  'access-token',
  'client-secret',
]);

/**
 * The credentials inside a kubeconfig's text (tokens, passwords, client keys), so that the runner
 * can remove them from every result as it removes the license. Unparseable text gives none.
 */
export function kubeconfigCredentials(yaml: string): string[] {
  if (yaml.trim() === '') return [];
  let doc: unknown;
  try {
    doc = load(yaml);
  } catch {
    return [];
  }
  const out: string[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if (typeof value === 'string' && CREDENTIAL_KEYS.has(key)) out.push(value);
        else walk(value);
      }
    }
  };
  walk(doc);
  return out;
}
