import type { SESv2Client } from '@aws-sdk/client-sesv2';
import { describe, expect, it } from 'vitest';
import { SesMailer } from '../../lib/adapters/mailer.ts';

describe('mail through SES v2', () => {
  // No SES emulator exists: the client is a stub that keeps what it was asked to send.
  it('sends subject, text and HTML as UTF-8 simple content from the verified sender', async () => {
    const sent: unknown[] = [];
    const ses = { send: async (c: { input: unknown }) => void sent.push(c.input) } as unknown as SESv2Client;
    await new SesMailer('lakip@diskominfo.example.go.id', ses).send({
      to: ['kepala@dinas.example', 'sekretaris@dinas.example'],
      subject: '[DKUKMTK] Tugas langkah 1: Memerintahkan penyusunan LAKIP — batas Senin',
      text: 'Yth. Kepala Dinas,',
      html: '<p>Yth. Kepala Dinas,</p>',
    });
    expect(sent).toEqual([
      {
        FromEmailAddress: 'lakip@diskominfo.example.go.id',
        Destination: { ToAddresses: ['kepala@dinas.example', 'sekretaris@dinas.example'] },
        Content: {
          Simple: {
            Subject: {
              Data: '[DKUKMTK] Tugas langkah 1: Memerintahkan penyusunan LAKIP — batas Senin',
              Charset: 'UTF-8',
            },
            Body: {
              Text: { Data: 'Yth. Kepala Dinas,', Charset: 'UTF-8' },
              Html: { Data: '<p>Yth. Kepala Dinas,</p>', Charset: 'UTF-8' },
            },
          },
        },
      },
    ]);
  });
});
