/** The contract as JSON: every procedure with its input and output as JSON Schema and its roles. */
import { z } from 'zod';
import { contract } from '../../shared/contract';

let cached: unknown;

export function contractAsJson(): unknown {
  cached ??= {
    procedures: Object.entries(contract).map(([name, def]) => ({
      name,
      summary: def.summary,
      roles: def.roles,
      input: z.toJSONSchema(def.input, { io: 'input', unrepresentable: 'any' }),
      output: z.toJSONSchema(def.output, { io: 'output', unrepresentable: 'any' }),
    })),
  };
  return cached;
}
