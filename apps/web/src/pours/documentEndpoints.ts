import type { DeliverDocumentRequest, PourDocumentDto, UploadDocumentFields } from '@pourline/contracts';
import type { ApiClient } from '../api/apiClient';

export function listPourDocuments(api: ApiClient, pourId: string, signal?: AbortSignal): Promise<PourDocumentDto[]> {
  return api.get<PourDocumentDto[]>(`/pours/${encodeURIComponent(pourId)}/documents`, { signal });
}

export function uploadPourDocument(
  api: ApiClient,
  pourId: string,
  fields: UploadDocumentFields,
  file: File,
): Promise<PourDocumentDto> {
  const form = new FormData();
  form.set('type', fields.type);
  form.set('title', fields.title);
  form.set('file', file, file.name);
  return api.post<PourDocumentDto>(`/pours/${encodeURIComponent(pourId)}/documents`, form);
}

export function markDocumentDelivered(
  api: ApiClient,
  documentId: string,
  request: DeliverDocumentRequest,
): Promise<PourDocumentDto> {
  return api.post<PourDocumentDto>(`/documents/${encodeURIComponent(documentId)}/delivery`, request);
}

/** Fetched through the API client, so a refusal shows as one, then handed to the browser as a blob. */
export async function downloadDocumentFile(api: ApiClient, document_: PourDocumentDto): Promise<void> {
  const blob = await api.blob(`/documents/${encodeURIComponent(document_.id)}/file`);
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = document_.fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // Some browsers read the URL after click() returns.
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
