import { DEFAULT_OPTIONS, OptionsError, parseOptions } from './options';

describe(parseOptions.name, () => {
  it('gives the defaults with nothing set', () => {
    expect(parseOptions([], {})).toEqual(DEFAULT_OPTIONS);
  });

  it('reads flags, with or without =, over the environment', () => {
    const options = parseOptions(['--time-scale=30', '--trucks', '5', '--register', '--mode', 'stream'], {
      SIM_TIME_SCALE: '20',
      SIM_BASE_URL: 'http://api:3000/',
    });
    expect(options).toMatchObject({ timeScale: 30, trucks: 5, register: true, mode: 'stream' });
    expect(options.baseUrl).toBe('http://api:3000');
  });

  it('refuses unknown flags and values out of range', () => {
    expect(() => parseOptions(['--speed', '3'])).toThrow(OptionsError);
    expect(() => parseOptions(['--fail-rate', '2'])).toThrow('--fail-rate must be between 0 and 1');
    expect(() => parseOptions(['--trucks', 'many'])).toThrow('--trucks must be a number');
    expect(() => parseOptions(['--mode', 'race'])).toThrow('--mode must be demo or stream');
  });
});
