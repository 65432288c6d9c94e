import type { SESv2Client } from '@aws-sdk/client-sesv2';
import type { Mail, Mailer } from '../mail/mail.ts';
import { type ClientOf, clientOnce } from './once.ts';

/**
 * Mail through SES v2 with its "simple" content (subject, text and HTML bodies in UTF-8): SES builds the
 * MIME itself, so the cloud functions carry no MIME library.
 */
export class SesMailer implements Mailer {
  private readonly ses: () => Promise<SESv2Client>;

  constructor(
    private readonly from: string,
    ses: ClientOf<SESv2Client>,
  ) {
    this.ses = clientOnce(ses);
  }

  async send(m: Mail) {
    const utf8 = (Data: string) => ({ Data, Charset: 'UTF-8' });
    const { SendEmailCommand } = await import('@aws-sdk/client-sesv2');
    await (await this.ses()).send(
      new SendEmailCommand({
        FromEmailAddress: this.from,
        Destination: { ToAddresses: m.to },
        Content: {
          Simple: { Subject: utf8(m.subject), Body: { Text: utf8(m.text), Html: utf8(m.html) } },
        },
      }),
    );
  }
}

/**
 * Mail through SMTP (the mail catcher of `npm start`). nodemailer is loaded only when the first mail
 * goes out: the cloud bundles leave it out (it is external there, and never reached).
 */
export class SmtpMailer implements Mailer {
  private transport?: Promise<{ sendMail(m: object): Promise<unknown> }>;

  constructor(
    private readonly from: string,
    private readonly smtpUrl: string,
  ) {}

  async send(m: Mail) {
    this.transport ??= import('nodemailer').then((n) => n.default.createTransport(this.smtpUrl));
    await (await this.transport).sendMail({
      from: this.from,
      to: m.to,
      subject: m.subject,
      text: m.text,
      html: m.html,
    });
  }
}
