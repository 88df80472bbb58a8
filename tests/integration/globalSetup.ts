/** Integration tests run against the built server: build it first when sources changed. */
import { resolve } from 'node:path'
import { buildIfStale } from '../../scripts/buildIfStale.mjs'

export default function setup() {
  buildIfStale(resolve(import.meta.dirname, '../..'))
}
