import { randomBytes } from 'node:crypto';
import { unknownVerificationPage, verificationPage } from '../pages/verification-page.ts';
import { isVerificationId } from '../signing/verification.ts';
import { html } from './response.ts';
import type { RouteHandler } from './router.ts';

/** GET /verifikasi/<id>: public and read-only; an unknown or malformed id gets the same clear page. */
export const verificationRoute: RouteHandler = async ({ params: [id = ''] }, { ports, cat }) => {
  const v = isVerificationId(id) ? await ports.store.getVerification(id) : undefined;
  const zona = v && cat.agencies.get(v.agencyId)?.zona_waktu;
  if (!v || !zona) return html(404, unknownVerificationPage());
  const nonce = randomBytes(12).toString('base64');
  return html(200, verificationPage(v, zona, nonce), nonce);
};
