import type {
  CreatePourOrderRequest,
  DeliveryTicketDto,
  InspectionLotDto,
  PlanResponseDto,
  PlanResponseRequest,
  PourDocumentDto,
  PourOrderDto,
  SpecimenSetDto,
  TicketSignatureRequest,
  WitnessSpecimenSetRequest,
} from '@pourline/contracts';
import type { ApiClient } from '../api/apiClient';

const id = encodeURIComponent;

export const getTicket = (api: ApiClient, loadId: string, signal?: AbortSignal) =>
  api.get<DeliveryTicketDto>(`/loads/${id(loadId)}/ticket`, { signal });

export const ticketPdf = (api: ApiClient, loadId: string) => api.blob(`/loads/${id(loadId)}/ticket/pdf`);

export const signTicket = (api: ApiClient, loadId: string, request: TicketSignatureRequest) =>
  api.post<DeliveryTicketDto>(`/loads/${id(loadId)}/ticket/signature`, request);

export const listPourOrders = (api: ApiClient, signal?: AbortSignal) =>
  api.get<PourOrderDto[]>('/pour-orders', { signal });

export const createPourOrder = (api: ApiClient, request: CreatePourOrderRequest) =>
  api.post<PourOrderDto>('/pour-orders', request);

export const listPlanResponses = (api: ApiClient, pourId: string, signal?: AbortSignal) =>
  api.get<PlanResponseDto[]>(`/pours/${id(pourId)}/plan-responses`, { signal });

export const respondToPlan = (api: ApiClient, pourId: string, request: PlanResponseRequest) =>
  api.post<PlanResponseDto>(`/pours/${id(pourId)}/plan-responses`, request);

export const listDocuments = (api: ApiClient, pourId: string, signal?: AbortSignal) =>
  api.get<PourDocumentDto[]>(`/pours/${id(pourId)}/documents`, { signal });

export const acknowledgeDocument = (api: ApiClient, documentId: string) =>
  api.post<PourDocumentDto>(`/documents/${id(documentId)}/acknowledgement`, {});

export const listSpecimenSets = (api: ApiClient, pourId: string, signal?: AbortSignal) =>
  api.get<SpecimenSetDto[]>(`/pours/${id(pourId)}/specimen-sets`, { signal });

export const witnessSpecimenSet = (api: ApiClient, setId: string, request: WitnessSpecimenSetRequest) =>
  api.post<SpecimenSetDto>(`/specimen-sets/${id(setId)}/witness`, request);

/** The inspection lots of the projects this person sees (the API scopes them). */
export const listProjectLots = (api: ApiClient, signal?: AbortSignal) =>
  api.get<InspectionLotDto[]>('/strength/lots', { signal });

export const listOpenPourOrders = (api: ApiClient, signal?: AbortSignal) =>
  api.get<PourOrderDto[]>('/pour-orders', { query: { status: 'requested' }, signal });

export const markOrderPlanned = (api: ApiClient, orderId: string, pourId: string) =>
  api.post<PourOrderDto>(`/pour-orders/${id(orderId)}/planned`, { pourId });

export const declineOrder = (api: ApiClient, orderId: string, reason: string) =>
  api.post<PourOrderDto>(`/pour-orders/${id(orderId)}/declined`, { reason });
