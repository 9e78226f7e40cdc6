import { InputError } from './errors';
import type { AdmittedUrl } from './requestGate';

/**
 * The app's only `fetch`: it takes a URL the request gate admitted (see requestGate.ts), and
 * follows no redirect, since a redirect would send the request to a place the gate never judged.
 * No referrer: another site the user agreed to learns nothing of the page's address. Failures name the file.
 */
export async function fetchAdmitted(url: AdmittedUrl, init: RequestInit = {}): Promise<Response> {
  const file = fileOfUrl(url.href);
  let response: Response;
  try {
    response = await fetch(url, { ...init, redirect: 'error', credentials: 'same-origin', referrerPolicy: 'no-referrer' });
  } catch (error) {
    throw new InputError({ file }, `could not be loaded (${(error as Error).message})`);
  }
  if (!response.ok) throw new InputError({ file }, `could not be loaded (HTTP ${response.status} ${response.statusText})`);
  return response;
}

/** The last segment of a URL's path, for messages. */
export function fileOfUrl(url: string): string {
  const last = new URL(url).pathname.split('/').pop() || url;
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}
