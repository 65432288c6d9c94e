/** The weekdays an agency's working hours are given for (agency file, `jam_kerja`). */
export const HARI = ['senin', 'selasa', 'rabu', 'kamis', 'jumat', 'sabtu', 'minggu'] as const;
