import { Store } from 'express-session';
import { throttleTouch } from './session-touch';

class CountingStore extends Store {
  touches: string[] = [];
  failNext = false;
  get(_sid: string, callback: (error: unknown, session?: null) => void): void {
    callback(null, null);
  }
  set(_sid: string, _session: unknown, callback?: (error?: unknown) => void): void {
    callback?.();
  }
  destroy(_sid: string, callback?: (error?: unknown) => void): void {
    callback?.();
  }
  override touch(sid: string, _session: unknown, callback?: (error?: unknown) => void): void {
    this.touches.push(sid);
    const error = this.failNext ? new Error('store down') : undefined;
    this.failNext = false;
    callback?.(error);
  }
}

describe('throttleTouch', () => {
  const session = { cookie: { originalMaxAge: 1000 } } as never;

  it('writes a session’s expiry at most once per interval, each session on its own', () => {
    let clock = 0;
    const store = throttleTouch(new CountingStore(), 60_000, () => clock);
    const done = jest.fn();
    store.touch('a', session, done);
    store.touch('a', session, done);
    store.touch('b', session, done);
    clock = 59_999;
    store.touch('a', session, done);
    clock = 60_000;
    store.touch('a', session, done);
    expect(store.touches).toEqual(['a', 'b', 'a']);
    // Every caller is answered, written or not (express-session ends the response then).
    expect(done).toHaveBeenCalledTimes(5);
  });

  it('tries again on the next request when a write failed', () => {
    const store = throttleTouch(new CountingStore(), 60_000, () => 0);
    store.failNext = true;
    const done = jest.fn();
    store.touch('a', session, done);
    store.touch('a', session, done);
    expect(store.touches).toEqual(['a', 'a']);
    expect(done.mock.calls[0][0]).toBeInstanceOf(Error);
  });
});
