/** One server-sent event: its type (`message` when unnamed) and its data lines joined. */
export interface SseEvent {
  event: string;
  data: string;
}

/**
 * An incremental parser for `text/event-stream` (the WHATWG rules, minus `id` and
 * `retry`, which pokes do not use): feed it text as it arrives, in chunks cut
 * anywhere, and it returns the events completed so far. Lines starting with `:`
 * are comments (the server's keep-alive); a blank line ends an event; lines end
 * in LF, CRLF or CR.
 */
export class SseParser {
  private buffer = '';
  private eventType = '';
  private data: string[] = [];
  private sawField = false;

  push(chunk: string): SseEvent[] {
    this.buffer += chunk;
    const events: SseEvent[] = [];
    for (;;) {
      const end = this.buffer.search(/\r\n|\r|\n/);
      if (end < 0) break;
      // A CR at the very end might be the first half of CRLF: wait for the next chunk.
      if (this.buffer[end] === '\r' && end === this.buffer.length - 1) break;
      const line = this.buffer.slice(0, end);
      const length = this.buffer.startsWith('\r\n', end) ? 2 : 1;
      this.buffer = this.buffer.slice(end + length);
      const event = this.line(line);
      if (event) events.push(event);
    }
    return events;
  }

  private line(line: string): SseEvent | null {
    if (line === '') {
      const event = this.sawField ? { event: this.eventType || 'message', data: this.data.join('\n') } : null;
      this.eventType = '';
      this.data = [];
      this.sawField = false;
      return event;
    }
    if (line.startsWith(':')) return null;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') {
      this.eventType = value;
      this.sawField = true;
    } else if (field === 'data') {
      this.data.push(value);
      this.sawField = true;
    }
    return null;
  }
}
