import { readCpuProfileDir, readLocalSettings } from '../../../local/local-settings';

describe('local settings from the environment', () => {
  it('reads SARING_CPU_PROFILE_DIR, unset by default', () => {
    expect(readCpuProfileDir({})).toBeUndefined();
    expect(readCpuProfileDir({ SARING_CPU_PROFILE_DIR: ' /tmp/prof ' })).toBe('/tmp/prof');
    expect(readLocalSettings({ SARING_CPU_PROFILE_DIR: 'prof' }).SARING_CPU_PROFILE_DIR).toBe('prof');
  });

  it('refuses a blank profile directory by name, instead of profiling nothing silently', () => {
    expect(() => readCpuProfileDir({ SARING_CPU_PROFILE_DIR: '  ' })).toThrow(
      /SARING_CPU_PROFILE_DIR: name a directory, or leave it unset/,
    );
  });

  it('reads the profile directory without failing on another bad setting', () => {
    const env = { SARING_API_PORT: 'eighty', SARING_CPU_PROFILE_DIR: '/tmp/prof' };
    expect(readCpuProfileDir(env)).toBe('/tmp/prof');
    expect(() => readLocalSettings(env)).toThrow(/SARING_API_PORT/);
  });
});
