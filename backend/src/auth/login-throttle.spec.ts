import { signInDelaySeconds, ThrottlePolicy } from './login-throttle.service';

const policy: ThrottlePolicy = { maxPerAccountAddress: 5, maxPerAddress: 30, windowSeconds: 900, delayBaseSeconds: 60 };
const count = (failures: number, sinceLast = 0, sinceFirst = 0) => ({ failures, sinceLast, sinceFirst });

describe('signInDelaySeconds', () => {
  it.each([
    ['no failures', undefined, undefined, 0],
    ['4 failures of the pair', count(4), undefined, 0],
    ['5 failures, just now', count(5), undefined, 60],
    ['5 failures, 45 s ago', count(5, 45), undefined, 15],
    ['5 failures, 61 s ago', count(5, 61), undefined, 0],
    ['6 failures: the delay doubles', count(6), undefined, 120],
    ['8 failures: 8 minutes', count(8), undefined, 480],
    ['12 failures: capped at the window', count(12), undefined, 900],
    ['30 failures from the address, oldest 100 s ago', undefined, count(30, 0, 100), 800],
    ['29 failures from the address', undefined, count(29, 0, 100), 0],
    ['both: the longer wait', count(5), count(30, 0, 890), 60],
  ])('%s → %p s', (_label, pair, address, expected) => {
    expect(signInDelaySeconds(policy, pair, address)).toBe(expected);
  });
});
