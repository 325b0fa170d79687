import { describeIngestOutage } from '../support/ingest-outage';

describeIngestOutage(2_000);
