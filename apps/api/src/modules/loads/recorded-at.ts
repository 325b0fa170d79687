/**
 * For callers inside the API that record what already happened (the demo's
 * morning, written when the demo starts); HTTP routes always mean now.
 */
export interface RecordedAt {
  at?: Date;
}
