import type { JenisTugas } from '../sop/schema.ts';

/** One email, as plain text and HTML. */
export interface Mail {
  to: string[];
  subject: string;
  text: string;
  html: string;
}

/** Sends mail: SES in the cloud, SMTP locally (lib/adapters/mailer.ts). */
export interface Mailer {
  send(m: Mail): Promise<void>;
}

/**
 * What a mail says about a person's task. Structural, so that a cycle's HumanTask fits and lib/mail
 * does not depend on lib/cycle (which sends these mails).
 */
export interface MailTask {
  no: number;
  kegiatan: string;
  kelengkapan: string;
  output: string;
  tenggat: string;
  /** The step's mutu baku as shown ("2 jam", or "tidak ditentukan (batas kerja: …)"); absent on older tasks. */
  waktu?: string;
  jenisTugas: JenisTugas;
  assignee: { nama: string; jabatan: string; email: string };
  /** The pass through the correction loop (2 and later: after a return with notes). */
  putaran?: number;
}
