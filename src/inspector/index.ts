/**
 * The plugin side of the property inspector: answers its requests (see src/ui/messages.ts). Only the registration
 * is loaded with the plugin; the bridge itself on the first inspector (register.ts).
 */
export { registerInspectorBridge } from "./register.js";
export type { InspectorBridgeDeps } from "./bridge.js";
