/** The plugin side of the property inspector: answers its requests (see src/ui/messages.ts). */
export { registerInspectorBridge, type InspectorBridgeDeps } from "./bridge.js";
export { answerRequest, toLiveView, type AnswerDeps } from "./answer-request.js";
export { describeError } from "./describe-error.js";
export { InspectorOutbox } from "./outbox.js";
