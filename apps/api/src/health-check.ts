/**
 * The container's health check: exits 0 when the API on this machine answers /api/health
 * (it is up and reaches its database), 1 otherwise. Needs nothing but Node.
 */
const port = process.env.PORT || '3000';
const timeoutMs = 4_000;

fetch(`http://127.0.0.1:${port}/api/health`, { signal: AbortSignal.timeout(timeoutMs) })
  .then((response) => process.exit(response.ok ? 0 : 1))
  .catch(() => process.exit(1));
