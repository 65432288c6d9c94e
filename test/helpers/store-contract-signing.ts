import { describe, expect, it } from 'vitest';
import type { Verifikasi } from '../../lib/cycle/model.ts';
import type { CycleStore } from '../../lib/cycle/ports.ts';
import { scope } from './store-fixtures.ts';

/** Verification records and signing certificates, on the DynamoDB adapter (dynalite) and in memory. */
export function cycleStoreSigningContract(name: string, store: () => CycleStore) {
  describe(`${name}: verification records and signing certificates`, () => {
    it('keeps a verification record under its id, once', async () => {
      const { cycle } = scope();
      const id = `V${cycle.agencyId.replace(/[^A-Za-z0-9]/g, '').toUpperCase()}`;
      const v: Verifikasi = {
        id,
        agencyId: cycle.agencyId,
        cycleId: cycle.cycleId,
        judul: 'LKjIP Tahun 2025',
        instansi: 'Dinas Komunikasi dan Informatika Kabupaten Lumajang',
        tahun: 2025,
        penandatangan: { nama: 'Budi', jabatan: 'Kepala Dinas', nip: '1970' },
        waktu: '2026-03-10T03:15:00.000Z',
        sha256: 'a'.repeat(64),
        key: 'siklus/x/final/lkjip.pdf',
      };
      expect(await store().getVerification(id)).toBeUndefined();
      expect(await store().putVerification(v)).toBe(true);
      expect(await store().putVerification({ ...v, sha256: 'b'.repeat(64) })).toBe(false);
      expect(await store().getVerification(id)).toEqual(v);
      expect(await store().getVerification(`${id}X`)).toBeUndefined();
    });

    it('keeps the first certificate of an agency when two signers race to issue one', async () => {
      const agency = scope().cycle.agencyId;
      expect(await store().getCertificate(agency)).toBeUndefined();
      const tries = await Promise.all(['A', 'B', 'C'].map((p) => store().putCertificateIfAbsent(agency, p)));
      expect(tries.filter(Boolean)).toHaveLength(1);
      expect(await store().getCertificate(agency)).toBe(['A', 'B', 'C'][tries.indexOf(true)]);
      // The certificate is no cycle of the agency.
      expect(await store().listCycles(agency)).toEqual([]);
    });
  });
}
