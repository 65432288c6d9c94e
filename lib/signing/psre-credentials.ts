import { TandaTanganGagal } from './port.ts';

/** The application's client credentials at a PSrE (issued by BSrE to the province, not to a person). */
export interface PsreCredentials {
  username: string;
  password: string;
}

const UNSET = (agencyId: string) =>
  new TandaTanganGagal(
    `Kredensial aplikasi TTE BSrE untuk instansi ${agencyId} belum diisi oleh pengelola TI; laporan belum ditandatangani. Hubungi pengelola TI provinsi.`,
  );

/**
 * The credentials from a secret's value: JSON `{"username": …, "password": …}` (the cloud secret, as the
 * stack creates it) or `pengguna:sandi` (the variable `npm start` reads). The secret as created holds an
 * empty username: that, and anything unreadable, is "not set yet", said to the signer without the value.
 */
export function parsePsreCredentials(value: string | undefined, agencyId: string): PsreCredentials {
  const v = (value ?? '').trim();
  if (v.startsWith('{')) {
    let j: { username?: unknown; password?: unknown };
    try {
      j = JSON.parse(v) as typeof j;
    } catch {
      throw UNSET(agencyId);
    }
    if (typeof j.username !== 'string' || !j.username || typeof j.password !== 'string' || !j.password)
      throw UNSET(agencyId);
    return { username: j.username, password: j.password };
  }
  const sep = v.indexOf(':');
  if (sep < 1 || sep === v.length - 1) throw UNSET(agencyId);
  return { username: v.slice(0, sep), password: v.slice(sep + 1) };
}
