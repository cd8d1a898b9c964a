/**
 * Typed request helpers over the protocol in ./protocol. The transport (`runtime.sendMessage` or
 * `tabs.sendMessage`) is a parameter so the same code runs in every context and in tests.
 */
import type { BackgroundRequest, BackgroundToContent, Reply, Responses } from './protocol';

export type Send = (message: unknown) => Promise<unknown>;

export class RequestError extends Error {
  override name = 'RequestError';
}

function unwrap<T>(reply: unknown): T {
  if (typeof reply !== 'object' || reply === null || typeof (reply as { ok?: unknown }).ok !== 'boolean') {
    throw new RequestError('no reply (is the extension running on this page?)');
  }
  const r = reply as Reply<T>;
  if (!r.ok) throw new RequestError(r.error);
  return r.value;
}

/** Sends one request to the background and returns its value, or throws RequestError. */
export async function request<K extends keyof BackgroundRequest>(
  send: Send,
  message: BackgroundRequest[K] & { type: K },
): Promise<Responses[K]> {
  return unwrap<Responses[K]>(await send(message));
}

/** Sends one request to a tab's content script. */
export async function requestTab<K extends keyof BackgroundToContent>(
  send: Send,
  message: BackgroundToContent[K] & { type: K },
): Promise<Responses[K]> {
  return unwrap<Responses[K]>(await send(message));
}

/** Wraps a handler's result or error in the reply envelope. */
export async function toReply<T>(work: () => Promise<T> | T): Promise<Reply<T>> {
  try {
    return { ok: true, value: await work() };
  } catch (err) {
    return { ok: false, error: err instanceof Error ? err.message : String(err) };
  }
}
