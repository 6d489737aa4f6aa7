import { describe, expect, it } from 'vitest';
import { SseParser } from './sse';

describe('SseParser', () => {
  it('reads poke events and skips keep-alive comments', () => {
    const parser = new SseParser();
    expect(parser.push(': keep-alive\n\nevent: poke\ndata: {}\n\n: keep-alive\n\n')).toEqual([
      { event: 'poke', data: '{}' },
    ]);
  });

  it('joins events cut across chunks anywhere, with LF, CRLF or CR line ends', () => {
    const text = 'event: poke\r\ndata: {}\r\n\r\nevent: poke\rdata: {"a":1}\r\rdata: x\ndata: y\n\n';
    const whole = new SseParser().push(text);
    expect(whole).toEqual([
      { event: 'poke', data: '{}' },
      { event: 'poke', data: '{"a":1}' },
      { event: 'message', data: 'x\ny' },
    ]);
    for (let size = 1; size <= 7; size++) {
      const parser = new SseParser();
      const events = [];
      for (let i = 0; i < text.length; i += size) events.push(...parser.push(text.slice(i, i + size)));
      expect(events).toEqual(whole);
    }
  });

  it('waits for the blank line before dispatching, and ignores unknown fields', () => {
    const parser = new SseParser();
    expect(parser.push('event: poke\nid: 7\nretry: 10\ndata')).toEqual([]);
    expect(parser.push('\n')).toEqual([]);
    expect(parser.push('\n')).toEqual([{ event: 'poke', data: '' }]);
    expect(parser.push('\n\n')).toEqual([]);
  });
});
