import { describeIngestOutage } from '../support/ingest-outage';

// PostgreSQL unreachable for a whole minute: too long to wait for in every CI run (npm run chaos).
describeIngestOutage(60_000);
