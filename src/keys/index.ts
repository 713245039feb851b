/** Key rendering: pure view model → SVG string renderers, formatters and touch-strip feedback. */
export { escapeXml, svgDataUrl } from "./svg.js";
export { formatClock, formatElapsed, titleLine, truncateTitle, wrapLines, wrapTitle } from "./format.js";
export { renderCreateLive, type CreateLiveView } from "./create-live.js";
export { renderSendToObs, type SendToObsView } from "./send-to-obs.js";
export { renderStream, type StreamAlarm, type StreamView } from "./stream.js";
export { adBreakFeedback, countdownRing, renderAdBreak, type AdBreakView } from "./ad-break.js";
export { renderAdToggle, type AdToggleView } from "./ad-toggle.js";
export { liveStatusFeedback, renderLiveStatus, type HealthLine, type LiveStatusView } from "./live-status.js";
export { renderRecord, type RecordView } from "./record.js";
