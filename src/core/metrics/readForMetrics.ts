import type { ReleaseRecord } from '../record/types.ts'
import type { MetricsSettings } from './readMetricsOptions.ts'
import { readDeployment, type RecordReading } from './readDeployment.ts'
import { readStageReadings, type StageReading } from './readStageReadings.ts'

/**
 * What `metrics` keeps of one record: whether it is a deployment (and what the figures read of
 * it) or why it is left out, and its stage times. Never the record itself (~33 KB in memory at
 * 10,000 records; this is about 1 KB), so that records can be measured as they are read.
 */
export interface MetricsReading {
  file: string
  reading: RecordReading
  stages: StageReading[]
}

/** Reads one record for `metrics`, with the environment and component the settings measure. */
export function readForMetrics(record: ReleaseRecord, settings: Pick<MetricsSettings, 'environment' | 'component'>): MetricsReading {
  const filter = { environment: settings.environment, component: settings.component }
  return { file: record.file, reading: readDeployment(record, filter), stages: readStageReadings(record, filter) }
}
