/** Every API route lives under this prefix; the health probes stay at /api/health. */
export const API_PREFIX = 'api/v1';
