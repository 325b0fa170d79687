import type { AlertDto, EvidencePackDto, NonConformanceDto, PourReportDto } from '@pourline/contracts';
import { useApi } from '../api/useApi';
import { type ApiResource, useApiResource } from '../api/useApiResource';
import { useCallback } from 'react';
import { useLiveVersion } from '../live/useLiveVersion';
import { useReloadOnLive } from '../live/useReloadOnLive';
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
  const evidence = {
    pack: useApiResource(`evidence:${pourId}`, (signal) => getEvidencePack(api, pourId, signal)),
    report: useApiResource(`pour-report:${pourId}`, (signal) => getPourReport(api, pourId, signal)),
    nonConformances: useApiResource(`ncs:${pourId}`, (signal) => listNonConformances(api, pourId, signal)),
    alerts: useApiResource(`alerts:${pourId}`, (signal) => listAlerts(api, signal)),
  };
  const reloads = [
    evidence.pack.reload,
    evidence.report.reload,
    evidence.nonConformances.reload,
    evidence.alerts.reload,
  ];
  const [reloadPack, reloadReport, reloadNonConformances, reloadAlerts] = reloads;
  const reloadAll = useCallback(() => {
    reloadPack();
    reloadReport();
    reloadNonConformances();
    reloadAlerts();
  }, [reloadPack, reloadReport, reloadNonConformances, reloadAlerts]);
  useReloadOnLive(useLiveVersion('pourLoadsVersion', pourId), reloadAll);
  return evidence;
}
