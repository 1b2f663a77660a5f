/**
 * Pictures for replies: a timeline chart and a route map, as PNG. Self-contained on purpose: it
 * imports no other folder of src/, and its inputs carry text already in the reader's language.
 * Both renderers are synchronous (like respond()), deterministic (same input, same bytes) and
 * cached; they throw on bad input or an oversized PNG, for the caller to log and reply without
 * the picture.
 *
 * A render holds about 2 MB of resvg's native memory, freed by a finalizer that runs on the event
 * loop after V8 collects it: render pictures as the bot does, one per interaction, not hundreds in
 * one synchronous loop (which keeps them all; see bench/images.ts).
 */
export { clearPictureCache } from './cache.ts';
export { renderMap } from './map.ts';
export { preparePictures } from './prepare.ts';
export { MAX_PNG_BYTES, PictureTooLargeError } from './raster.ts';
export { MAX_TIMELINE_ROWS, renderTimelineChart } from './timeline.ts';
export type {
  MapInput,
  MapPointInput,
  MapRouteInput,
  Picture,
  TimelineChartInput,
  TimelineEventInput,
  TimelineRowInput,
} from './types.ts';
