/**
 * The document function (`dokumen`, and `arsip` with the archive bucket). Until document rendering moves
 * behind the Renderer port, it runs the same step events as functions/step; the integrator replaces this
 * file with the handler that renders.
 */
export { handler, type StepEvent } from '../step/handler.ts';
