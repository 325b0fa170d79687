import type { ApiClient, QueryValue } from './apiClient';

/** Files travel with the bearer token, so they are fetched and handed to the browser as a download. */
export async function saveFile(
  api: ApiClient,
  path: string,
  fileName: string,
  query?: Record<string, QueryValue>,
): Promise<void> {
  const blob = await api.blob(path, { query });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // Some browsers read the URL after click() returns.
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
