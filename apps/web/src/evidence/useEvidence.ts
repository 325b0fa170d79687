import type { AlertDto, EvidencePackDto, NonConformanceDto, PourReportDto } from '@pourline/contracts';
import { useApi } from '../api/useApi';
import { type ApiResource, useApiResource } from '../api/useApiResource';
import { useLiveVersion } from '../live/useLiveVersion';
import { getEvidencePack, getPourReport, listAlerts, listNonConformances } from './evidenceEndpoints';

export interface PourEvidence {
  pack: ApiResource<EvidencePackDto>;
  report: ApiResource<PourReportDto>;
  nonConformances: ApiResource<NonConformanceDto[]>;
  alerts: ApiResource<AlertDto[]>;
}

/** Everything the after-sales page of a pour shows, fetched again when its loads change live. */
export function useEvidence(pourId: string): PourEvidence {
  const api = useApi();
  const version = useLiveVersion('pourLoadsVersion', pourId);
  return {
    pack: useApiResource(`evidence:${pourId}:${version}`, (signal) => getEvidencePack(api, pourId, signal)),
    report: useApiResource(`pour-report:${pourId}:${version}`, (signal) => getPourReport(api, pourId, signal)),
    nonConformances: useApiResource(`ncs:${pourId}:${version}`, (signal) => listNonConformances(api, pourId, signal)),
    alerts: useApiResource(`alerts:${pourId}:${version}`, (signal) => listAlerts(api, signal)),
  };
}
