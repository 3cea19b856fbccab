import { ShiplogError } from '../errors.ts'

/** An invalid `computeMetrics` option (a usage error: exit code 2). */
export class MetricsOptionError extends ShiplogError {
  constructor(message: string) {
    super(message, 2)
    this.name = 'MetricsOptionError'
  }
}
