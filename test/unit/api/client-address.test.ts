import { clientAddress } from '../../../api/client-address';

describe('clientAddress: the rate-limit key from X-Forwarded-For and the socket', () => {
  it('behind one trusted proxy (the ALB), takes the rightmost X-Forwarded-For entry, whatever the client wrote left of it', () => {
    expect(clientAddress('203.0.113.7', '10.0.1.20', 1)).toBe('203.0.113.7');
    expect(clientAddress('1.1.1.1, 8.8.8.8, 203.0.113.7', '10.0.1.20', 1)).toBe('203.0.113.7');
    expect(clientAddress(['1.1.1.1', '203.0.113.7'], '10.0.1.20', 1)).toBe('203.0.113.7');
    expect(clientAddress('198.51.100.1, 203.0.113.7', '10.0.1.20', 2)).toBe('198.51.100.1');
  });

  it('with no trusted proxy (local mode), ignores the header and keys on the socket', () => {
    expect(clientAddress('203.0.113.7', '127.0.0.1', 0)).toBe('127.0.0.1');
    expect(clientAddress(undefined, '::ffff:127.0.0.1', 0)).toBe('127.0.0.1');
  });

  it('falls back to the socket when the chain is shorter than the trusted hops or the entry is not an address', () => {
    expect(clientAddress(undefined, '10.0.1.20', 1)).toBe('10.0.1.20');
    expect(clientAddress('not-an-ip', '10.0.1.20', 1)).toBe('10.0.1.20');
    expect(clientAddress('203.0.113.7:51234', '10.0.1.20', 1)).toBe('203.0.113.7');
  });

  it('keys IPv6 clients by their /64, in any textual form', () => {
    const key = '2001:db8:aa:bb::/64';
    expect(clientAddress('2001:db8:aa:bb::1', '10.0.1.20', 1)).toBe(key);
    expect(clientAddress('2001:0db8:00aa:00bb:ffff:1:2:3', '10.0.1.20', 1)).toBe(key);
    expect(clientAddress('[2001:db8:aa:bb::9]:443', '10.0.1.20', 1)).toBe(key);
    expect(clientAddress('::ffff:203.0.113.7', '10.0.1.20', 1)).toBe('203.0.113.7');
  });
});
