// The API, only through the client generated from the OpenAPI document at build time: a call or a field the
// document does not have fails the build (tsc), so the console and the document cannot drift apart.
import createClient from "openapi-fetch";
import type { components, paths } from "../target/generated/api";

export type Schemas = components["schemas"];
export type Connection = Schemas["Connection"];
export type ConnectionStatus = Schemas["ConnectionStatus"];
export type Mode = Schemas["Mode"];
export type Problem = Schemas["Problem"];

const KEY = "connection-broker.apiKey";

/** The instance's API key lives in this tab's session storage only: closing the tab forgets it. */
export const apiKey = {
  get: (): string | null => sessionStorage.getItem(KEY),
  set: (key: string): void => sessionStorage.setItem(KEY, key),
  forget: (): void => sessionStorage.removeItem(KEY),
};

export const api = createClient<paths>({ baseUrl: location.origin });

api.use({
  onRequest({ request }) {
    const key = apiKey.get();
    if (key) {
      request.headers.set("Authorization", `Bearer ${key}`);
    }
    return request;
  },
});

/** A fresh Idempotency-Key, so that a POST sent again after a lost answer changes nothing twice. */
export function idempotencyKey(): string {
  return crypto.randomUUID();
}

/** A refusal as the admin reads it: the problem's detail, or what happened when there is none. */
export class Refused extends Error {
  constructor(readonly status: number, detail: string) {
    super(detail);
  }
}

/**
 * The data of a call's answer, or a Refused carrying the problem's detail. A network failure is told as such.
 */
export async function answer<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  let result: { data?: T; error?: unknown; response: Response };
  try {
    result = await call;
  } catch {
    throw new Refused(0, "The API did not answer. Check the connection and try again.");
  }
  const { data, error, response } = result;
  if (response.ok) {
    return data as T;
  }
  const problem = error as Partial<Problem> | undefined;
  throw new Refused(response.status, problem?.detail ?? `The API answered ${response.status}.`);
}
