import { z } from 'zod';
import { LOAD_STATUSES, type LoadStatus, POUR_STATUSES, type PourStatus, type QcFailureCode } from '@pourline/domain';
import { PageQuery, type Page, plainText, safeText } from './common';
import { POUR_REQUEST_KINDS, type PourRequestKind } from './pours';
import { QC_STAGES, type QcOutcome, type QcStage } from './quality';
import type { Role } from './roles';

/**
 * One conversation per pour: what the dispatch room, the plant, the site and
 * QC say to each other (the radio, kept), beside everything that happened to
 * the pour. Entries travel as a code and parameters, never as sentences, so
 * each reader sees them in their own language.
 */

/** What a site, the plant or the dispatch room says most often, as one tap. */
export const QUICK_MESSAGE_CODES = [
  'pump_ready',
  'next_truck_please',
  'slow_down_discharge',
  'truck_stuck_at_gate',
  'site_access_blocked',
  'pump_blocked',
  'rain_protect_pour',
  'waiting_for_inspection',
  'pour_finishing',
] as const;
export type QuickMessageCode = (typeof QUICK_MESSAGE_CODES)[number];

/** A typed message is the `text` code; the rest are quick messages. */
export const MESSAGE_CODES = ['text', ...QUICK_MESSAGE_CODES] as const;
export type MessageCode = (typeof MESSAGE_CODES)[number];

const QC_VERDICTS = ['pass', 'fail'] as const;

/** The dispatch plan's decisions: a proposal accepted or overridden, a load the auto switch ordered, the switch itself. */
export const DISPATCH_DECISION_CODES = [
  'dispatch.accepted',
  'dispatch.overridden',
  'dispatch.auto_load',
  'dispatch.auto_on',
  'dispatch.auto_off',
  'dispatch.cold_joint_limit',
  'dispatch.bunching_limit',
] as const;

/** Everything the log reports on its own, from the pour's loads, tests, requests and history. */
export const SYSTEM_ENTRY_CODES = [
  ...LOAD_STATUSES.map((status) => `load.${status}` as const),
  ...QC_STAGES.flatMap((stage) => QC_VERDICTS.map((verdict) => `qc.${stage}.${verdict}` as const)),
  ...POUR_REQUEST_KINDS.map((kind) => `request.${kind}` as const),
  'dispatch.held',
  'dispatch.resumed',
  ...DISPATCH_DECISION_CODES,
  'pour.created',
  'pour.plan_changed',
  ...POUR_STATUSES.map((status) => `pour.${status}` as const),
  'pour.remaining_set',
] as const;
export type SystemEntryCode =
  | `load.${LoadStatus}`
  | `qc.${QcStage}.${(typeof QC_VERDICTS)[number]}`
  | `request.${PourRequestKind}`
  | 'dispatch.held'
  | 'dispatch.resumed'
  | (typeof DISPATCH_DECISION_CODES)[number]
  | 'pour.created'
  | 'pour.plan_changed'
  | `pour.${PourStatus}`
  | 'pour.remaining_set';

export const POUR_LOG_CODES: readonly PourLogCode[] = [...MESSAGE_CODES, ...SYSTEM_ENTRY_CODES];
export type PourLogCode = MessageCode | SystemEntryCode;

/** The longest typed message, in characters as a person counts them (an emoji is one). */
export const MESSAGE_TEXT_MAX_CHARS = 500;
export const LOG_SEARCH_MAX_CHARS = 100;
/** A "last load" larger than this is not a last load but a new plan. */
export const LAST_LOAD_MAX_M3 = 500;

/** A truck as people call it on the radio: its fleet number. */
const TruckLabel = plainText(20);

const SIMPLE_QUICK_CODES = QUICK_MESSAGE_CODES.filter(
  (code): code is Exclude<QuickMessageCode, 'truck_stuck_at_gate' | 'pour_finishing'> =>
    code !== 'truck_stuck_at_gate' && code !== 'pour_finishing',
);

export const PostPourMessageRequest = z.discriminatedUnion('code', [
  z.strictObject({ code: z.literal('text'), text: plainText(MESSAGE_TEXT_MAX_CHARS) }),
  z.strictObject({ code: z.literal('truck_stuck_at_gate'), truck: TruckLabel }),
  z.strictObject({
    code: z.literal('pour_finishing'),
    /** What is still to be sent beyond what is poured and on its way. */
    lastLoadM3: z
      .number()
      .min(0, 'cannot be negative')
      .max(LAST_LOAD_MAX_M3, `more than ${LAST_LOAD_MAX_M3} m³ is not a last load; change the plan instead`),
  }),
  z.strictObject({ code: z.enum(SIMPLE_QUICK_CODES) }),
]);
export type PostPourMessageRequest = z.infer<typeof PostPourMessageRequest>;

const CODE_LIST_PATTERN = /^[a-z_.]{1,40}(,[a-z_.]{1,40}){0,99}$/;

export const PourLogQuery = PageQuery.extend({
  pageSize: z.coerce.number().int().min(1).max(200).default(100),
  /** Words to find, case-insensitive, in messages, names, trucks, tickets and notes. */
  q: safeText(LOG_SEARCH_MAX_CHARS).optional(),
  /**
   * Codes whose words, in the reader's language, contain the search: the
   * console knows the words, the server knows the codes. Comma-separated.
   */
  codes: z
    .string()
    .regex(CODE_LIST_PATTERN, 'a comma-separated list of entry codes')
    .transform((list) => list.split(','))
    .optional(),
});
export type PourLogQuery = z.infer<typeof PourLogQuery>;

/** Who said it or did it; a null role is a tracker or the system. */
export interface PourLogAuthor {
  name: string;
  role: Role | null;
}

/** Parameters of an entry; which ones depend on its code. */
export interface PourLogParams {
  /** A truck's fleet number. */
  truck?: string | null;
  ticket?: string;
  /** pour_finishing and pour.remaining_set: what is still to be sent. */
  lastLoadM3?: number;
  /** pour.remaining_set: the planned volume before and after. */
  fromM3?: number;
  toM3?: number;
  slumpMm?: number;
  outcome?: QcOutcome;
  reasons?: QcFailureCode[];
  /** A person's own words: a site request's note, a hold's reason, an override's reason. */
  note?: string;
  /** A load's volume; the plan's loading time. */
  volumeM3?: number;
  loadAt?: string;
  /** A cold-joint limit; null is the default. */
  minutes?: number | null;
  /** A bunching limit in trucks; null is the deployment's setting. */
  trucks?: number | null;
  /** An override: the plant that loads, and what the dispatcher changed of the proposal. */
  plant?: string;
  changed?: OverriddenField[];
}

/** What a dispatcher may change of a proposal when ordering it. */
export const OVERRIDDEN_FIELDS = ['truck', 'volume', 'loadAt', 'plant'] as const;
export type OverriddenField = (typeof OVERRIDDEN_FIELDS)[number];

/** A quick message that would change the pour once the dispatch room agrees. */
export interface PourLogProposal {
  kind: 'remaining_volume';
  remainingM3: number;
  status: 'pending' | 'confirmed';
  confirmedBy: PourLogAuthor | null;
  confirmedAt: string | null;
  /** The planned volume before and after, once confirmed. */
  plannedM3: { from: number; to: number } | null;
}

export interface PourLogEntryDto {
  /** A message's own id; for system entries the source and its row, e.g. `load-event:<uuid>`. */
  id: string;
  kind: 'message' | 'system';
  at: string;
  by: PourLogAuthor;
  code: PourLogCode;
  params: PourLogParams;
  /** A typed message's words; empty for everything else. */
  text: string;
  proposal: PourLogProposal | null;
}

/** A message as it is sent, stored and pushed live (`pour.message.v1`). */
export interface PourMessageDto extends PourLogEntryDto {
  kind: 'message';
  code: MessageCode;
  pourId: string;
  projectId: string;
}

/** Newest first; a page holds at most `pageSize` entries. */
export interface PourLogDto extends Page<PourLogEntryDto> {
  pour: { id: string; status: PourStatus; plantTimeZone: string; volumeM3: number };
}

/** Codes and enum values read as words: `pump_ready` is found by "pump ready". */
function asWords(value: string): string {
  return value.replace(/[._]/g, ' ');
}

/**
 * The one search rule, for the server's answer and for messages the console
 * adds live: the entry's code is among `codes`, or `query` (case-insensitive)
 * is found in its words, who said it, or its parameters. Plain substring
 * matching: nothing in the query is a pattern.
 */
export function pourLogEntryMatches(
  entry: Pick<PourLogEntryDto, 'code' | 'by' | 'text' | 'params'>,
  query: string | undefined,
  codes: readonly string[] = [],
): boolean {
  const needle = query?.trim().toLowerCase() ?? '';
  if (needle === '' && codes.length === 0) return true;
  if (codes.includes(entry.code)) return true;
  if (needle === '') return false;
  const { outcome, reasons, ...free } = entry.params;
  const words = [
    asWords(entry.code),
    entry.by.name,
    asWords(entry.by.role ?? ''),
    entry.text,
    ...(outcome ? [asWords(outcome)] : []),
    ...(reasons ?? []).map(asWords),
    ...Object.values(free).flatMap((value) => (value === null || value === undefined ? [] : [String(value)])),
  ];
  return words.join('\n').toLowerCase().includes(needle);
}
