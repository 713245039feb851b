/**
 * Zod compiles a fast parser (`new Function`) for every object schema on its first parse: ~0.7 ms each, paid during
 * start-up (global settings, every action's settings) and on the first API answers, while the plugin parses each
 * schema only now and then. Interpreted parsing is as fast for that. The flag is read when a schema is built, so
 * this module must be the first import of plugin.ts.
 */
import * as z from "zod/mini";

z.config({ jitless: true });
