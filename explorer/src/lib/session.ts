/**
 * The editor's credential, pasted on the sign-in page and kept in sessionStorage: it lives as long
 * as the tab, is never written to localStorage or a cookie, and is sent only to this origin's /graphql.
 */
export type Credential = { kind: 'apiKey' | 'bearer'; value: string };

const KEY = 'maillon.credential';

export function readCredential(): Credential | null {
  try {
    const raw = sessionStorage.getItem(KEY);
    if (!raw) return null;
    const parsed = JSON.parse(raw) as Partial<Credential>;
    return (parsed.kind === 'apiKey' || parsed.kind === 'bearer') && typeof parsed.value === 'string' && parsed.value !== ''
      ? { kind: parsed.kind, value: parsed.value }
      : null;
  } catch {
    return null;
  }
}

export function saveCredential(credential: Credential | null): void {
  if (credential) sessionStorage.setItem(KEY, JSON.stringify(credential));
  else sessionStorage.removeItem(KEY);
  window.dispatchEvent(new Event('maillon-credential'));
}

/** The HTTP header that carries the credential (src/auth reads either, never both). */
export function credentialHeaders(credential: Credential | null): Record<string, string> {
  if (!credential) return {};
  return credential.kind === 'apiKey' ? { 'x-api-key': credential.value } : { authorization: `Bearer ${credential.value}` };
}
