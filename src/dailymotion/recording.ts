import type { ApiRequester } from "./api.js";
import { recordStatusSchema } from "./schemas.js";
import type { RecordStatus } from "./types.js";
import { toRecordStatus, videoPath } from "./videos.js";

/**
 * Starts or stops Dailymotion's recording of a live (`record_status=started|stopped`, Dailymotion's recording guide;
 * only while on air). A POST: sent once, never retried. Returns the status the API answers, normally `starting` or
 * `stopping`.
 */
export async function setRecording(api: ApiRequester, id: string, on: boolean): Promise<RecordStatus | null> {
	const result = await api.call({
		method: "POST",
		path: videoPath(id),
		searchParams: { fields: "id,record_status" },
		form: { record_status: on ? "started" : "stopped" },
		schema: recordStatusSchema,
	});
	return toRecordStatus(result.record_status);
}
