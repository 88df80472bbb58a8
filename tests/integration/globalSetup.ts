/** Integration tests run against the built server: build it first when sources changed. */
import { resolve } from 'node:path'
// @ts-expect-error plain ESM script without types
import { buildIfStale } from '../../scripts/buildIfStale.mjs'

export default function setup() {
  buildIfStale(resolve(import.meta.dirname, '../..'))
}
