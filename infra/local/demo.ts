import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoCycleStore } from '../../lib/adapters/dynamodb-store.ts';
import { formatDurasi } from '../../lib/calendar/working-time.ts';
import type { Cycle, StepRecord } from '../../lib/cycle/model.ts';
import { FASE } from '../../lib/cycle/payload.ts';
import { tanggalJam } from '../../lib/format/indonesia.ts';
import { type Script, ScriptedPeople } from './people.ts';
import { type LocalRuntime, TABLE_NAME } from './runtime.ts';

export interface DemoResult {
  cycles: { cycle: Cycle; status: string; error?: string; steps: StepRecord[] }[];
  people: ScriptedPeople;
}

export interface DemoOptions {
  script?: Script;
  /** Which (agency, SOP) pairs to run; default: every SOP every agency runs. */
  only?: { agencyId: string; sopId: string }[];
  tahun?: number;
  log?: (line: string) => void;
}

/** The default script: one invalid upload, and one return with notes, so the demo shows both paths. */
export const DEFAULT_SCRIPT: Script = {
  invalidFirst: [{ sopId: 'dkukmtk-balangan-lakip', unit: 'bidang-koperasi', no: 4 }],
  returnOnce: [
    {
      sopId: 'dkukmtk-balangan-lakip',
      no: 7,
      catatan: 'Lengkapi penjelasan kendala pada Sasaran 2 dan periksa kembali angka serapan anggaran.',
    },
    {
      sopId: 'diskominfotik-gorontalo-lkip',
      no: 9,
      catatan: 'Ikhtisar eksekutif perlu menyebut capaian IKU-1.3.',
    },
  ],
};

/**
 * Runs one whole cycle of every SOP in the catalogue on the local runtime, with scripted people, and
 * prints each step as it is recorded: number, kegiatan, pelaksana, mutu baku and actual time.
 */
export async function runDemo(rt: LocalRuntime, opts: DemoOptions = {}): Promise<DemoResult> {
  const log = opts.log ?? ((l: string) => console.log(l));
  const store = new DynamoCycleStore(TABLE_NAME, new DynamoDBClient({}));
  const tahun = opts.tahun ?? 2025;
  const pairs =
    opts.only ??
    [...rt.catalogue.agencies.values()].flatMap((a) => a.sop.map((sopId) => ({ agencyId: a.id, sopId })));
  const people = new ScriptedPeople(
    rt.urls.api,
    rt.mailbox,
    rt.catalogue,
    opts.script ?? DEFAULT_SCRIPT,
    log,
  );
  const names = new Map(pairs.map((p) => [p.agencyId, rt.catalogue.agencies.get(p.agencyId)!.singkatan]));

  const printed = new Set<string>();
  const onHandler = async ({
    payload,
    result,
  }: {
    handler: string;
    payload: { fase?: string; siklus?: Cycle };
    result: { no: number; unit: string; putaran: number };
  }) => {
    // Every step function (plain work, documents, archive) closes a step with these phases.
    if (!payload.siklus || (payload.fase !== FASE.selesai && payload.fase !== FASE.otomatis)) return;
    const steps = await store.listSteps(payload.siklus.agencyId, payload.siklus.cycleId);
    const r = steps.find((s) => s.no === result.no && s.unit === result.unit && s.putaran === result.putaran);
    if (!r?.selesai) return;
    const key = `${r.cycleId}/${r.no}/${r.unit}/${r.putaran}`;
    if (printed.has(key)) return;
    printed.add(key);
    const zona = rt.catalogue.agencies.get(r.agencyId)!.zona_waktu;
    const wall = (new Date(r.selesai).getTime() - new Date(r.mulai).getTime()) / 1000;
    log(
      `[${names.get(r.agencyId)}] ${String(r.no).padStart(2, '0')}${r.unit !== '-' ? ` ${r.unit}` : ''}${r.putaran > 1 ? ` (putaran ${r.putaran})` : ''} ${r.kegiatan.slice(0, 70)}\n` +
        `      pelaksana: ${r.pelaksana}; oleh: ${r.oleh?.nama ?? '-'}; mutu baku: ${r.waktu}; aktual: ${wall.toFixed(1)} detik (${formatDurasi(r.menitKerja ?? 0)} waktu kerja), ${r.tepatWaktu ? 'tepat waktu' : 'TERLAMBAT'}; selesai ${tanggalJam(new Date(r.selesai), zona)}` +
        (r.keputusan?.hasil === 'kembali' ? `\n      dikembalikan: ${r.keputusan.catatan}` : ''),
    );
  };
  const listener = (e: Parameters<typeof onHandler>[0]) =>
    void onHandler(e).catch((err: Error) => log(`  ! ${err.message}`));
  rt.events.on('handler', listener);

  const started: Cycle[] = [];
  try {
    for (const p of pairs) {
      const sop = rt.catalogue.sops.get(p.sopId)!;
      const periode = sop.siklus.includes('tahunan') ? 'tahunan' : 'TW4';
      const res = await fetch(`${rt.urls.api}/api/siklus`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        // A demo run again on its kept data repeats its cycles on purpose (one per SOP and period otherwise).
        body: JSON.stringify({ agencyId: p.agencyId, sopId: p.sopId, tahun, periode, ulang: true }),
      });
      const body = (await res.json()) as Cycle & { pesan?: string };
      if (res.status !== 201) throw new Error(`siklus ${p.sopId} tidak dapat dimulai: ${body.pesan}`);
      people.follow(body.cycleId, p.sopId);
      started.push(body);
      log(
        `Mulai: ${sop.identitas.nama} — ${rt.catalogue.agencies.get(p.agencyId)!.nama} ${rt.catalogue.agencies.get(p.agencyId)!.pemerintah} (siklus ${body.cycleId})`,
      );
    }
    const cycles: DemoResult['cycles'] = [];
    for (const c of started) {
      // A person whose action failed leaves the cycle waiting on them: stop there, saying why.
      const exec = await Promise.race([
        rt.sfn.finished(c.executionArn!),
        people.failed.catch((e: Error) => {
          throw new Error(`siklus ${c.cycleId} berhenti menunggu: tindakan seseorang gagal: ${e.message}`);
        }),
      ]);
      await people.idle();
      const final = (await store.getCycle(c.agencyId, c.cycleId))!;
      cycles.push({
        cycle: final,
        status: exec.status,
        error: exec.cause,
        steps: await store.listSteps(c.agencyId, c.cycleId),
      });
    }
    await rt.settled();
    await people.idle();
    return { cycles, people };
  } finally {
    rt.events.off('handler', listener);
    people.stop();
  }
}
