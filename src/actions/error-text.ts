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
import { CreateUnconfirmedError } from "../live/lost-create.js";
import { NoLiveError } from "../live/obs-publisher.js";
import { isObsError, type ObsErrorCode } from "../obs/index.js";
import { redact } from "../secrets.js";

/** A failure as the streamer sees it: a short key title (≤ 2 lines of ~10 chars) and a log line. */
export interface ErrorText {
	title: string;
	detail: string;
}

const OBS_TITLES: Record<ObsErrorCode, string> = {
	"not-configured": "Set up\nOBS",
	unreachable: "OBS not\nrunning",
	"auth-failed": "OBS\npassword",
	kicked: "OBS\nkicked",
	unsupported: "Update\nOBS",
	timeout: "OBS not\nanswering",
	"output-running": "Stop\nstream first",
	"output-not-running": "Not\nstreaming",
	"start-failed": "Stream\nfailed",
	"request-failed": "OBS\nerror",
};

/** Maps any thrown value to what the key shows; classification is by type or code, never by message text. */
export function errorText(err: unknown): ErrorText {
	const detail = redact(err instanceof Error ? String(err.message) : describeThrown(err));
	if (err instanceof NoLiveError) return { title: "No live\nselected", detail };
	if (err instanceof CreateUnconfirmedError) return { title: "Check\nyour lives", detail };
	if (isObsError(err)) return { title: OBS_TITLES[err.code], detail };
	if (err instanceof ConfigError) return { title: CONFIG_TITLES[err.field ?? ""] ?? "Check\nsettings", detail };
	if (err instanceof AuthError) return { title: "Login\nfailed", detail };
	if (err instanceof PermissionError) return { title: "No live\npermission", detail };
	if (err instanceof UnsupportedError) return { title: "Not\navailable", detail };
	// The API's 404 text ("Can't find object video…") means nothing to a streamer.
	if (err instanceof NotFoundError) return { title: "Live not\nfound", detail: "Deleted on Dailymotion, or a wrong live id" };
	if (err instanceof RateLimitError) return { title: "Too many\nrequests", detail };
	if (err instanceof TimeoutError) return { title: "Timed\nout", detail };
	if (err instanceof NetworkError) return { title: "No\nnetwork", detail };
	if (err instanceof ServerError) return { title: "Dailymotion\ndown", detail };
	if (err instanceof UnexpectedResponseError) return { title: "Bad\nanswer", detail };
	if (err instanceof PublishUrlError) return { title: "Bad\nstream URL", detail };
	if (err instanceof ApiError && err.type === "invalid_parameter") return { title: "Check\nsettings", detail };
	if (err instanceof ApiError) return { title: "API\nerror", detail };
	return { title: "Error", detail };
}

/** Text for a thrown non-Error; some values (null-prototype objects) cannot even be turned into a string. */
function describeThrown(value: unknown): string {
	try {
		return String(value);
	} catch {
		return "Unexpected error";
	}
}

/** Setup problems get a title that says what to fill in (by the setting the client names). */
const CONFIG_TITLES: Record<string, string> = {
	apiKey: "No API\nkey",
	apiSecret: "No API\nsecret",
	username: "No\nlogin",
	password: "No\npassword",
	profileId: "No\nprofile",
	apiUrl: "Check\nAPI URL",
	tokenUrl: "Check\nAPI URL",
	v2ApiUrl: "Check\nAPI URL",
	v2TokenUrl: "Check\nAPI URL",
};
