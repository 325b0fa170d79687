/**
 * Every code the API answers a failure with. The API may only throw these (its error classes take
 * an `ApiErrorCode`), and the console has words for each one in every language; a test holds the
 * console's catalogues to this list.
 */

/** What a "does not exist" answer is about, and its code. */
export const NOT_FOUND_CODES = {
  Alert: 'alert_not_found',
  Complaint: 'complaint_not_found',
  'Corrective action': 'corrective_action_not_found',
  Customer: 'customer_not_found',
  Document: 'document_not_found',
  'Inspection lot': 'inspection_lot_not_found',
  Load: 'load_not_found',
  Mix: 'mix_not_found',
  Photo: 'photo_not_found',
  Plant: 'plant_not_found',
  Pour: 'pour_not_found',
  'Pour message': 'pour_message_not_found',
  'Pour order': 'pour_order_not_found',
  Project: 'project_not_found',
  Pump: 'pump_not_found',
  'QC test': 'qc_test_not_found',
  Request: 'request_not_found',
  'Specimen set': 'specimen_set_not_found',
  'System account': 'system_account_not_found',
  Truck: 'truck_not_found',
  User: 'user_not_found',
} as const;
export type NotFoundSubject = keyof typeof NOT_FOUND_CODES;

export const API_ERROR_CODES = [
  // Answers by HTTP status, and the platform's own.
  'invalid_input',
  'unauthenticated',
  'forbidden',
  'not_found',
  'method_not_allowed',
  'conflict',
  'payload_too_large',
  'unsupported_media_type',
  'error',
  'internal_error',
  'duplicate',
  'still_referenced',
  'origin_not_allowed',
  'route_not_guarded',
  'csrf_failed',
  'too_many_sign_ins',
  'unknown_query_parameters',
  'unexpected_body',
  'unknown_reference',
  'time_in_future',
  'observed_too_old',
  'observed_before_previous_step',
  'signature_image_invalid',
  'invalid_idempotency_key',
  'idempotency_key_reused',
  'idempotency_key_reused_with_other_body',
  'request_in_progress',
  ...Object.values(NOT_FOUND_CODES),
  // Trackers.
  'unknown_device',
  'device_secret_mismatch',
  'device_secret_required',
  'invalid_position',
  'implausible_position',
  'storage_unavailable',
  'position_not_storable',
  'tracker_device_taken',
  // Users, projects, plants, fleet, mixes.
  'username_taken',
  'last_admin',
  'system_account',
  'customer_link',
  'not_a_site_dispatcher',
  'not_a_supervisor',
  'not_a_plant_operator',
  'invalid_pump',
  'invalid_mix',
  // Pours and their plans.
  'illegal_pour_transition',
  'pour_not_editable',
  'documents_undelivered',
  'override_not_allowed',
  'invalid_pour_plan',
  'plan_geometry_out_of_range',
  'pump_double_booked',
  'early_start_unconfirmed',
  'pour_not_open',
  'request_already_acknowledged',
  'pour_order_answered',
  'pour_of_other_project',
  'plan_not_open',
  'pour_log_closed',
  'nothing_to_confirm',
  'already_confirmed',
  'remaining_not_settable',
  // Documents.
  'unsupported_document_type',
  'file_missing',
  'already_delivered',
  'document_delivered',
  'customer_acknowledges',
  'duplicate_document',
  // Loads and dispatch.
  'illegal_load_transition',
  'wrong_load_state',
  'pour_not_dispatchable',
  'volume_exceeds_capacity',
  'volume_exceeds_remaining',
  'truck_missing',
  'truck_busy',
  'truck_inactive',
  'past_deadline',
  'site_test_missing',
  'mix_mismatch',
  'water_limit_exceeded',
  'pour_on_hold',
  'not_your_plant',
  'proposal_gone',
  'override_needs_reason',
  'pour_not_planned',
  // Quality.
  'implausible_reading',
  'check_test_pending',
  'no_check_test_due',
  'test_passed',
  'already_overridden',
  'override_not_possible',
  'plant_test_not_allowed',
  'already_witnessed',
  'cube_size_not_allowed',
  'lot_not_uniform',
  'pour_already_in_lot',
  // Tickets.
  'ticket_already_signed',
  'ticket_not_signable',
  'ticket_not_signed',
  // Alerts.
  'already_acknowledged',
  'not_after_sales_alert',
  // Complaints.
  'complaint_closed',
  'complaint_not_next',
  'complaint_needs_corrective_action',
  'complaint_corrective_actions_open',
  'complaint_needs_follow_up',
  'complaint_not_taking_actions',
  'complaint_not_taking_follow_up',
  'corrective_action_done',
  'return_without_rejection',
  'photo_missing',
  'photo_not_image',
  'photo_limit',
  'load_time_past',
  'ingest_overloaded',
] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

export function isApiErrorCode(code: unknown): code is ApiErrorCode {
  return (API_ERROR_CODES as readonly unknown[]).includes(code);
}

/** The kinds of request-validation issue the console words; others are shown as the API wrote them. */
export const VALIDATION_ISSUE_CODES = [
  'too_small',
  'too_big',
  'invalid_type',
  'unrecognized_keys',
  'invalid_format',
  'invalid_value',
  'not_multiple_of',
  'custom',
] as const;
export type ValidationIssueCode = (typeof VALIDATION_ISSUE_CODES)[number];

/**
 * What a request's own rules (`refine`) found wrong, named so the console can word it; a refinement
 * carries it as `params.rule`.
 */
export const VALIDATION_RULES = [
  'empty',
  'too_long',
  'reason_too_short',
  'control_characters',
  'lone_surrogate',
  'ring_not_closed',
  'unknown_time_zone',
  'nothing_to_change',
  'line_pump_boom',
  'water_cement_ratio',
  'air_target_needed',
  'pump_position_needed',
  'cube_size',
  'named_twice',
  'from_after_to',
  'customer_link_needed',
  'customer_only',
] as const;
export type ValidationRule = (typeof VALIDATION_RULES)[number];

/** One thing wrong with a request, as data: the console words it in the reader's language. */
export interface ValidationIssue {
  /** The field, dotted (`items.0.volumeM3`); empty for the request as a whole. */
  path: string;
  code: ValidationIssueCode | (string & {});
  /** The issue as the API words it in English. */
  message: string;
  /** too_small / too_big: what was measured ('string' in characters, 'number', 'array' in items, 'date'). */
  origin?: string;
  minimum?: number;
  maximum?: number;
  /** Whether the bound itself is allowed. */
  inclusive?: boolean;
  /** invalid_type: the type wanted, and what was sent instead ('missing' when the field was left out). */
  expected?: string;
  received?: 'missing' | 'null' | 'string' | 'number' | 'boolean' | 'array' | 'object';
  /** unrecognized_keys: the fields the request does not take. */
  keys?: string[];
  /** invalid_format: the format wanted (uuid, datetime, email…). */
  format?: string;
  /** invalid_value: the values allowed. */
  values?: (string | number | boolean | null)[];
  /** not_multiple_of: the step. */
  divisor?: number;
  /** custom: which of the request's own rules, when it names one. */
  rule?: ValidationRule;
}
