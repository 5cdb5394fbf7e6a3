// Settings every benchmark's server and seed share. A production server without the demo will not start without an
// audit key (docs/deployment.md); the seed must seal with the same one.
export const BENCH_AUDIT_KEY = 'benchmark-audit-key-not-a-secret-0123456789'
