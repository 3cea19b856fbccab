import type { BenchmarkYear } from '../types.ts'
import { DORA_2021 } from './dora-2021.ts'
import { DORA_2022 } from './dora-2022.ts'
import { DORA_2023 } from './dora-2023.ts'
import { DORA_2024 } from './dora-2024.ts'
import type { TierTable } from './types.ts'

/** DORA's published tier tables, by report year. */
export const DORA_TIERS: { readonly [year in BenchmarkYear]: TierTable } = {
  2021: DORA_2021,
  2022: DORA_2022,
  2023: DORA_2023,
  2024: DORA_2024,
}

/** The years kept, oldest first. */
export const BENCHMARK_YEARS: readonly BenchmarkYear[] = [2021, 2022, 2023, 2024]

/** The default benchmark: the latest report kept. */
export const LATEST_BENCHMARK: BenchmarkYear = 2024
