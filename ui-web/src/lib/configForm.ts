// A plugin's configuration form, generated from the JSON Schema in its manifest (the subset the
// server validates: object properties of type string, integer, number, boolean, with enum,
// required, minimum/maximum, min/maxLength). Values are typed as text and converted here;
// the server validates again (plugins/config_schema.hpp).

export interface ConfigField {
  key: string;
  type: 'string' | 'integer' | 'number' | 'boolean' | 'json';
  title: string;
  description: string;
  required: boolean;
  options: string[] | null;
  secret: boolean;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
}

type Schema = Record<string, unknown>;

export function parseSchema(text: string | null | undefined): Schema | null {
  if (!text) return null;
  try {
    const parsed: unknown = JSON.parse(text);
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Schema) : null;
  } catch {
    return null;
  }
}

export function configFields(schema: Schema | null): ConfigField[] {
  if (!schema || typeof schema.properties !== 'object' || !schema.properties) return [];
  const required = new Set(Array.isArray(schema.required) ? (schema.required as string[]) : []);
  return Object.entries(schema.properties as Record<string, Schema>).map(([key, p]) => {
    const t = p.type;
    const type: ConfigField['type'] =
      t === 'string' || t === 'integer' || t === 'number' || t === 'boolean' ? t : 'json';
    const num = (v: unknown) => (typeof v === 'number' ? v : undefined);
    return {
      key,
      type,
      title: typeof p.title === 'string' ? p.title : key,
      description: typeof p.description === 'string' ? p.description : '',
      required: required.has(key),
      options: Array.isArray(p.enum) ? p.enum.map(String) : null,
      secret: /password|secret|token|api_key|apikey/i.test(key) || p.format === 'password' || p.writeOnly === true,
      minimum: num(p.minimum),
      maximum: num(p.maximum),
      minLength: num(p.minLength),
      maxLength: num(p.maxLength),
    };
  });
}

// The form's text values from a stored config.
export function configToForm(fields: ConfigField[], config: Record<string, unknown> | null | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of fields) {
    const v = config?.[f.key];
    if (v === undefined || v === null) out[f.key] = f.type === 'boolean' ? 'false' : '';
    else if (f.type === 'json') out[f.key] = JSON.stringify(v);
    else out[f.key] = String(v);
  }
  return out;
}

export type ConfigError =
  | { code: 'config.required' }
  | { code: 'config.integer' }
  | { code: 'config.number' }
  | { code: 'config.json' }
  | { code: 'config.min'; limit: number }
  | { code: 'config.max'; limit: number }
  | { code: 'config.minLength'; limit: number }
  | { code: 'config.maxLength'; limit: number };

// Converts the form to the config object; errors per key when a value cannot be converted.
export function formToConfig(
  fields: ConfigField[],
  values: Record<string, string>,
): { config: Record<string, unknown> } | { errors: Record<string, ConfigError> } {
  const config: Record<string, unknown> = {};
  const errors: Record<string, ConfigError> = {};
  for (const f of fields) {
    const raw = (values[f.key] ?? '').trim();
    if (f.type === 'boolean') {
      config[f.key] = raw === 'true';
      continue;
    }
    if (!raw) {
      if (f.required) errors[f.key] = { code: 'config.required' };
      continue;
    }
    if (f.type === 'integer' || f.type === 'number') {
      const ok = f.type === 'integer' ? /^-?\d+$/.test(raw) : /^-?\d+(\.\d+)?$/.test(raw);
      if (!ok) {
        errors[f.key] = { code: f.type === 'integer' ? 'config.integer' : 'config.number' };
        continue;
      }
      const n = Number(raw);
      if (f.minimum !== undefined && n < f.minimum) errors[f.key] = { code: 'config.min', limit: f.minimum };
      else if (f.maximum !== undefined && n > f.maximum) errors[f.key] = { code: 'config.max', limit: f.maximum };
      else config[f.key] = n;
      continue;
    }
    if (f.type === 'json') {
      try {
        config[f.key] = JSON.parse(raw);
      } catch {
        errors[f.key] = { code: 'config.json' };
      }
      continue;
    }
    const length = [...raw].length;
    if (f.minLength !== undefined && length < f.minLength) errors[f.key] = { code: 'config.minLength', limit: f.minLength };
    else if (f.maxLength !== undefined && length > f.maxLength) errors[f.key] = { code: 'config.maxLength', limit: f.maxLength };
    else config[f.key] = raw;
  }
  return Object.keys(errors).length ? { errors } : { config };
}

// Reads an uploaded file as base64 (the install request's content_base64).
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return btoa(binary);
}
