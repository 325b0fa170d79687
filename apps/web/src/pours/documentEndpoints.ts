import type { DeliverDocumentRequest, PourDocumentDto, UploadDocumentFields } from '@pourline/contracts';
import type { ApiClient } from '../api/apiClient';
import { saveFile } from '../api/saveFile';

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
  if (fields.confirmDuplicate) form.set('confirmDuplicate', fields.confirmDuplicate);
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

/** The document's file, downloaded under its own name. */
export const downloadDocumentFile = (api: ApiClient, document_: PourDocumentDto): Promise<void> =>
  saveFile(api, `/documents/${encodeURIComponent(document_.id)}/file`, document_.fileName);
