import pkg from '../../package.json'

/** Liveness for load balancers and the tests. */
export default defineEventHandler(() => ({ ok: true, version: pkg.version }))
