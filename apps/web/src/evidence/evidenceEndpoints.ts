import type { AlertDto, EvidencePackDto, NonConformanceDto, PourReportDto } from '@pourline/contracts';
import type { ApiClient } from '../api/apiClient';
import { saveFile } from '../api/saveFile';

const id = encodeURIComponent;

export const getEvidencePack = (api: ApiClient, pourId: string, signal?: AbortSignal) =>
  api.get<EvidencePackDto>(`/pours/${id(pourId)}/evidence`, { signal });

export const getPourReport = (api: ApiClient, pourId: string, signal?: AbortSignal) =>
  api.get<PourReportDto>(`/reports/pours/${id(pourId)}`, { signal });

export const listNonConformances = (api: ApiClient, pourId: string, signal?: AbortSignal) =>
  api.get<NonConformanceDto[]>(`/pours/${id(pourId)}/non-conformances`, { signal });

export const listAlerts = (api: ApiClient, signal?: AbortSignal) => api.get<AlertDto[]>('/alerts', { signal });

export const saveEvidencePdf = (api: ApiClient, pourId: string, lang: 'en' | 'zh-CN') =>
  saveFile(api, `/pours/${id(pourId)}/evidence/pdf`, `evidence-${pourId}.pdf`, { lang });

export const savePourLoadsCsv = (api: ApiClient, pourId: string) =>
  saveFile(api, `/reports/pours/${id(pourId)}/loads.csv`, `pour-${pourId}-loads.csv`);
