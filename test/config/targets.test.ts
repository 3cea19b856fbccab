import { describe, expect, it } from 'vitest'
import { resolveConfig } from '../../src/core/config/resolveConfig.ts'
import { ShiplogError } from '../../src/core/errors.ts'

/** The message `resolveConfig` throws for `config`, read from `shiplog.config.json`. */
function messageOf(config: unknown): string {
  try {
    resolveConfig(config, 'shiplog.config.json')
  } catch (error) {
    expect(error).toBeInstanceOf(ShiplogError)
    expect((error as ShiplogError).exitCode).toBe(2)
    return (error as Error).message
  }
  throw new Error('expected a configuration error')
}

describe('config targets', () => {
  it('should keep every target as written, one per metric', () => {
    const targets = {
      deploymentFrequency: '>= 10/week',
      leadTime: '< 1h',
      changeFailureRate: '< 5%',
      deploymentSuccessRate: '> 95%',
      recoveryTime: '< 15m',
      rollbackRate: '<= 2.5%',
      reworkRate: '≤ 10%',
      deploymentDuration: '< 1h 30m',
    }
    expect(resolveConfig({ targets }, 'shiplog.config.json').targets).toEqual(targets)
    expect(resolveConfig({}, 'shiplog.config.json').targets).toEqual({})
  })

  it('should name the file and suggest the metric for an unknown one', () => {
    const message = messageOf({ targets: { changeFailureRat: '< 5%' } })
    expect(message).toContain('shiplog.config.json: `targets`: Unexpected metric `changeFailureRat` (did you mean `changeFailureRate`?)')
    expect(message).toContain('expected one of `deploymentFrequency`, `leadTime`, `changeFailureRate`, `deploymentSuccessRate`')
  })

  it('should name the key and value of a target that does not read', () => {
    expect(messageOf({ targets: { changeFailureRate: '< 5' } })).toBe(
      'Invalid configuration:\nshiplog.config.json: `targets.changeFailureRate`: Unexpected "< 5", expected a comparison and a percentage, e.g. `< 5%` or `>= 95%`',
    )
    expect(messageOf({ targets: { deploymentSuccessRate: '95%' } })).toContain('`targets.deploymentSuccessRate`: Unexpected "95%" (no comparison)')
    expect(messageOf({ targets: { changeFailureRate: '< 105%' } })).toContain('Unexpected "< 105%" (over 100%)')
    // a bare number is not a duration: its unit is unknown (parseDuration)
    expect(messageOf({ targets: { leadTime: '< 60' } })).toContain(
      '`targets.leadTime`: Unexpected "< 60", expected a comparison and a duration, e.g. `< 15m`',
    )
    expect(messageOf({ targets: { deploymentFrequency: '>= 10' } })).toContain(
      '`targets.deploymentFrequency`: Unexpected ">= 10", expected a comparison and deployments per day or week',
    )
    expect(messageOf({ targets: { recoveryTime: 15 } })).toContain('`targets.recoveryTime`: Unexpected 15, expected a string')
  })
})
