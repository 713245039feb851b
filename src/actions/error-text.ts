import {
	ApiError,
	AuthError,
	ConfigError,
	NetworkError,
	NotFoundError,
	PermissionError,
	PublishUrlError,
	RateLimitError,
	ServerError,
	TimeoutError,
	UnexpectedResponseError,
	UnsupportedError,
} from "../dailymotion/index.js";
import type { Messages, PlainKey } from "../i18n/messages.js";
import { CreateUnconfirmedError } from "../live/lost-create.js";
import { NoLiveError } from "../live/obs-publisher.js";
import { isObsError, type ObsErrorCode } from "../obs/index.js";
import { redact } from "../secrets.js";

/** A failure as the streamer sees it, in their language, and as the log records it. */
export interface ErrorText {
	/** The key title: ≤ 2 lines of ~10 characters. */
	title: string;
	/** One sentence for key images and the inspector. */
	reason: string;
	/** The error's own message, redacted: for the log (and quoted in the inspector when it is Dailymotion's or OBS's words). */
	detail: string;
	/** Whether `detail` carries what Dailymotion or OBS answered (worth showing the user as is). */
	remote: boolean;
}

type Texts = { title: PlainKey; reason: PlainKey };

const OBS_TEXTS: Record<ObsErrorCode, Texts> = {
	"not-configured": { title: "error.obs.notConfigured.title", reason: "error.obs.notConfigured.reason" },
	unreachable: { title: "error.obs.unreachable.title", reason: "error.obs.unreachable.reason" },
	"auth-failed": { title: "error.obs.authFailed.title", reason: "error.obs.authFailed.reason" },
	kicked: { title: "error.obs.kicked.title", reason: "error.obs.kicked.reason" },
	unsupported: { title: "error.obs.unsupported.title", reason: "error.obs.unsupported.reason" },
	timeout: { title: "error.obs.timeout.title", reason: "error.obs.timeout.reason" },
	"output-running": { title: "error.obs.outputRunning.title", reason: "error.obs.outputRunning.reason" },
	"output-not-running": { title: "error.obs.outputNotRunning.title", reason: "error.obs.outputNotRunning.reason" },
	"start-failed": { title: "error.obs.startFailed.title", reason: "error.obs.startFailed.reason" },
	"request-failed": { title: "error.obs.requestFailed.title", reason: "error.obs.requestFailed.reason" },
};

/** Setup problems get a title that says what to fill in (by the setting the client names). */
const CONFIG_TEXTS: Record<string, Texts> = {
	apiKey: { title: "error.config.apiKey.title", reason: "error.config.apiKey.reason" },
	apiSecret: { title: "error.config.apiSecret.title", reason: "error.config.apiSecret.reason" },
	username: { title: "error.config.username.title", reason: "error.config.username.reason" },
	password: { title: "error.config.password.title", reason: "error.config.password.reason" },
	profileId: { title: "error.config.profileId.title", reason: "error.config.profileId.reason" },
	apiUrl: { title: "error.config.apiUrl.title", reason: "problem.apiUrl.https" },
	tokenUrl: { title: "error.config.apiUrl.title", reason: "problem.tokenUrl.https" },
	v2ApiUrl: { title: "error.config.apiUrl.title", reason: "problem.apiUrl.https" },
	v2TokenUrl: { title: "error.config.apiUrl.title", reason: "problem.tokenUrl.https" },
};

/** Maps any thrown value to what the key shows; classification is by type or code, never by message text. */
export function errorText(err: unknown, m: Messages): ErrorText {
	const detail = redact(err instanceof Error ? String(err.message) : describeThrown(err));
	const { title, reason, remote = false } = classify(err);
	return { title: m.t(title), reason: m.t(reason), detail, remote };
}

function classify(err: unknown): Texts & { remote?: boolean } {
	if (err instanceof NoLiveError) return { title: "error.noLive.title", reason: "error.noLive.reason" };
	if (err instanceof CreateUnconfirmedError) return { title: "error.createUnconfirmed.title", reason: "error.createUnconfirmed.reason" };
	if (isObsError(err)) return { ...OBS_TEXTS[err.code], remote: err.code === "request-failed" };
	if (err instanceof ConfigError) return CONFIG_TEXTS[err.field ?? ""] ?? { title: "title.checkSettings", reason: "error.config.reason" };
	if (err instanceof AuthError) return { title: "error.auth.title", reason: "error.auth.reason", remote: true };
	if (err instanceof PermissionError) return { title: "error.permission.title", reason: "error.permission.reason", remote: true };
	if (err instanceof UnsupportedError) return { title: "error.unsupported.title", reason: "error.unsupported.reason" };
	// The API's 404 text ("Can't find object video…") means nothing to a streamer.
	if (err instanceof NotFoundError) return { title: "error.notFound.title", reason: "error.notFound.reason" };
	if (err instanceof RateLimitError) return { title: "error.rateLimit.title", reason: "error.rateLimit.reason" };
	if (err instanceof TimeoutError) return { title: "error.timeout.title", reason: "error.timeout.reason" };
	if (err instanceof NetworkError) return { title: "error.network.title", reason: "error.network.reason" };
	if (err instanceof ServerError) return { title: "error.server.title", reason: "error.server.reason" };
	if (err instanceof UnexpectedResponseError) return { title: "error.unexpected.title", reason: "error.unexpected.reason" };
	if (err instanceof PublishUrlError) return { title: "error.publishUrl.title", reason: "error.publishUrl.reason" };
	if (err instanceof ApiError && err.type === "invalid_parameter") {
		return { title: "title.checkSettings", reason: "error.invalidParameter.reason", remote: true };
	}
	if (err instanceof ApiError) return { title: "error.api.title", reason: "error.api.reason", remote: true };
	return { title: "error.unknown.title", reason: "error.unknown.reason" };
}

/** Text for a thrown non-Error; some values (null-prototype objects) cannot even be turned into a string. */
function describeThrown(value: unknown): string {
	try {
		return String(value);
	} catch {
		return "Unexpected error";
	}
}
