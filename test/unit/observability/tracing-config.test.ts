import { tracingConfigFromEnv } from '../../../observability/tracing-config';

describe('SARING_OTEL: where spans go', () => {
  it('is off unless asked, prints to the console, or exports to an OTLP/HTTP URL', () => {
    expect(tracingConfigFromEnv({})).toEqual({ exporter: 'off' });
    expect(tracingConfigFromEnv({ SARING_OTEL: 'off' })).toEqual({ exporter: 'off' });
    expect(tracingConfigFromEnv({ SARING_OTEL: 'console' })).toEqual({ exporter: 'console' });
    expect(tracingConfigFromEnv({ SARING_OTEL: 'http://127.0.0.1:4318/v1/traces' })).toEqual({
      exporter: 'otlp',
      url: 'http://127.0.0.1:4318/v1/traces',
    });
  });

  it('names the variable and the accepted values when the value is wrong', () => {
    for (const bad of ['on', 'grpc://collector:4317', '']) {
      expect(() => tracingConfigFromEnv({ SARING_OTEL: bad })).toThrow(
        `Environment SARING_OTEL=${JSON.stringify(bad)} is invalid: expected off, console, or an OTLP/HTTP traces URL`,
      );
    }
  });
});
