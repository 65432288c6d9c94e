import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface CaughtMail {
  id: string;
  receivedAt: string;
  from: string;
  to: string[];
  subject: string;
  text: string;
  html: string;
}

/**
 * The local mail catcher: an SMTP server on loopback that keeps every message (and on disk, so the
 * inbox survives a restart of `npm start`). Emits 'mail' for each message caught.
 */
export class Mailbox extends EventEmitter {
  readonly messages: CaughtMail[] = [];
  private server?: SMTPServer;

  constructor(private readonly dir?: string) {
    super();
    if (dir) {
      mkdirSync(dir, { recursive: true });
      for (const f of readdirSync(dir)
        .filter((x) => x.endsWith('.json'))
        .sort()) {
        this.messages.push(JSON.parse(readFileSync(join(dir, f), 'utf8')));
      }
    }
  }

  async listen(port: number, host = '127.0.0.1'): Promise<number> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      size: 10 * 1024 * 1024,
      onData: (stream, _session, callback) => {
        simpleParser(stream)
          .then((parsed) => {
            const to = [parsed.to].flat().flatMap((a) => (a ? a.value.map((v) => v.address ?? '') : []));
            const mail: CaughtMail = {
              id: `${Date.now().toString().padStart(14, '0')}-${randomUUID().slice(0, 8)}`,
              receivedAt: new Date().toISOString(),
              from: parsed.from?.text ?? '',
              to,
              subject: parsed.subject ?? '',
              text: parsed.text ?? '',
              html: typeof parsed.html === 'string' ? parsed.html : '',
            };
            this.messages.push(mail);
            if (this.dir && existsSync(this.dir))
              writeFileSync(join(this.dir, `${mail.id}.json`), JSON.stringify(mail));
            this.emit('mail', mail);
            callback();
          })
          .catch((e: Error) => callback(e));
      },
    });
    await new Promise<void>((r) => this.server!.listen(port, host, () => r()));
    return (this.server.server.address() as AddressInfo).port;
  }

  /** Messages for one address, oldest first. */
  inbox(address: string): CaughtMail[] {
    const a = address.toLowerCase();
    return this.messages.filter((m) => m.to.some((t) => t.toLowerCase() === a));
  }

  async close(): Promise<void> {
    await new Promise<void>((r) => (this.server ? this.server.close(() => r()) : r()));
  }
}
