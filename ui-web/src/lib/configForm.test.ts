import { describe, expect, it } from 'vitest';
import { bytesToBase64, configFields, configToForm, formToConfig, parseSchema } from './configForm';

const schema = parseSchema(
  JSON.stringify({
    type: 'object',
    properties: {
      host: { type: 'string', title: 'SMTP host', minLength: 3 },
      port: { type: 'integer', minimum: 1, maximum: 65535 },
      tls: { type: 'boolean' },
      mode: { type: 'string', enum: ['a', 'b'] },
      api_key: { type: 'string' },
      extra: { type: 'object' },
    },
    required: ['host', 'port'],
  }),
);

describe('plugin config form', () => {
  it('makes a field per property with its type, title and limits', () => {
    const fields = configFields(schema);
    expect(fields.map((f) => [f.key, f.type, f.required])).toEqual([
      ['host', 'string', true],
      ['port', 'integer', true],
      ['tls', 'boolean', false],
      ['mode', 'string', false],
      ['api_key', 'string', false],
      ['extra', 'json', false],
    ]);
    expect(fields[0].title).toBe('SMTP host');
    expect(fields[3].options).toEqual(['a', 'b']);
    expect(fields[4].secret).toBe(true);
  });
  it('has no fields without a schema or with bad JSON', () => {
    expect(configFields(parseSchema(''))).toEqual([]);
    expect(configFields(parseSchema('{nope'))).toEqual([]);
  });
  it('round-trips a stored config', () => {
    const fields = configFields(schema);
    const form = configToForm(fields, { host: 'mail.example.org', port: 587, tls: true, extra: { a: 1 } });
    expect(form).toEqual({ host: 'mail.example.org', port: '587', tls: 'true', mode: '', api_key: '', extra: '{"a":1}' });
    expect(formToConfig(fields, form)).toEqual({ config: { host: 'mail.example.org', port: 587, tls: true, extra: { a: 1 } } });
  });
  it('reports errors per field', () => {
    const fields = configFields(schema);
    const r = formToConfig(fields, { host: 'ab', port: '70000', tls: 'false', mode: '', api_key: '', extra: '{' });
    expect(r).toEqual({ errors: { host: { code: 'config.minLength', limit: 3 }, port: { code: 'config.max', limit: 65535 }, extra: { code: 'config.json' } } });
    expect(formToConfig(fields, { host: '', port: 'x' })).toEqual({ errors: { host: { code: 'config.required' }, port: { code: 'config.integer' } } });
  });
  it('counts Hangul as characters', () => {
    const fields = configFields(parseSchema('{"properties":{"name":{"type":"string","maxLength":3}}}'));
    expect(formToConfig(fields, { name: '한국어' })).toEqual({ config: { name: '한국어' } });
  });
  it('encodes an upload as base64', () => {
    expect(bytesToBase64(new Uint8Array([0x7f, 0x45, 0x4c, 0x46]))).toBe('f0VMRg==');
  });
});
