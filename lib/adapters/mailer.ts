import { type SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import nodemailer, { type Transporter } from 'nodemailer';
import type { Mail, Mailer } from '../mail/mail.ts';

/**
 * One message builder, two transports (nodemailer): SES v2 in the cloud, SMTP locally (the mail
 * catcher of `npm start`). nodemailer builds the MIME once, so both runtimes send the same bytes.
 */
export class NodemailerMailer implements Mailer {
  private readonly transport: Transporter;

  constructor(
    private readonly from: string,
    target: { smtpUrl: string } | { ses: SESv2Client },
  ) {
    this.transport =
      'smtpUrl' in target
        ? nodemailer.createTransport(target.smtpUrl)
        : nodemailer.createTransport({ SES: { sesClient: target.ses, SendEmailCommand } } as Parameters<
            typeof nodemailer.createTransport
          >[0]);
  }

  async send(m: Mail) {
    await this.transport.sendMail({
      from: this.from,
      to: m.to,
      subject: m.subject,
      text: m.text,
      html: m.html,
    });
  }
}
