import { SesMailer, SmtpMailer } from '#lib/adapters/mailer.ts';
import { provide, required } from '../ports.ts';

/**
 * Mail from MAIL_FROM through SES v2, or through SMTP when MAIL_SMTP_URL is set (local runtime). The SES
 * client module is imported when the first mail goes out.
 */
provide('mailer', () => {
  const smtp = process.env.MAIL_SMTP_URL;
  return smtp
    ? new SmtpMailer(required('MAIL_FROM'), smtp)
    : new SesMailer(
        required('MAIL_FROM'),
        async () => new (await import('@aws-sdk/client-sesv2')).SESv2Client({}),
      );
});
