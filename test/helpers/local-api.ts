import type { Cycle } from '../../lib/cycle/model.ts';

/** Starts a cycle through the local runtime's operator API, as an operator would; throws its refusal. */
export async function startCycleVia(api: string, body: object): Promise<Cycle> {
  const res = await fetch(`${api}/api/siklus`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const json = (await res.json()) as Cycle & { pesan?: string };
  if (res.status !== 201) throw new Error(`siklus tidak dimulai: ${json.pesan}`);
  return json;
}
