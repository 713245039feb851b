import {
	NetworkError,
	ServerError,
	TimeoutError,
	UnexpectedResponseError,
	type CreatedLive,
	type CreateLiveInput,
	type LiveApi,
	type LiveSummary,
} from "../dailymotion/index.js";
import type { Logger } from "../log.js";

/** How far a live's `created_time` may be before the press and still count as "just created" (clock skew). */
export const CREATED_SLACK_S = 120;
/** Listings made to find a live whose create answer was lost (the server may still be finishing it). */
export const LOOKUP_ATTEMPTS = 3;
export const LOOKUP_DELAY_MS = 1_500;

/** Create Live may have worked but nothing confirms it, and the profile's lives could not be checked. */
export class CreateUnconfirmedError extends Error {
	override name = "CreateUnconfirmedError" as const;
	constructor(cause: unknown) {
		super("Dailymotion did not confirm the new live and the lives list could not be read: check your lives before pressing again", { cause });
	}
}

/**
 * True when a create may have been executed although no usable answer arrived: the connection dropped, the request
 * timed out, a gateway failed, or a 2xx answer could not be read. A refusal (4xx) means nothing was created.
 */
export function mayHaveCreated(error: unknown): boolean {
	return (
		error instanceof NetworkError ||
		error instanceof TimeoutError ||
		error instanceof ServerError ||
		error instanceof UnexpectedResponseError
	);
}

export interface LostCreate {
	client: LiveApi;
	input: CreateLiveInput;
	/** When the create was sent (ms epoch). */
	sentAt: number;
	/** Lives the plugin already knows (the current one, earlier creates): never adopted. */
	known: ReadonlySet<string>;
	/** The create's own failure, rethrown when the listing shows that nothing was created. */
	error: unknown;
	logger: Logger;
	sleep?: (ms: number) => Promise<void>;
}

/**
 * Finds the live a create made although its answer was lost, so a retry never makes a duplicate: lists the
 * profile's recent lives and adopts the newest one with the same title created since the press. Nothing found after
 * a few listings → the create's own error (nothing was created); the listing itself failing → CreateUnconfirmedError.
 */
export async function recoverLostCreate(lost: LostCreate): Promise<CreatedLive> {
	const sleep = lost.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
	lost.logger.warn(`Create Live got no answer (${errorName(lost.error)}); looking for the live among the profile's recent lives`);
	for (let attempt = 1; attempt <= LOOKUP_ATTEMPTS; attempt++) {
		let lives: LiveSummary[];
		try {
			lives = await lost.client.listLives(20);
		} catch (listError) {
			lost.logger.warn(`Listing lives to check a lost create failed (${errorName(listError)})`);
			throw new CreateUnconfirmedError(lost.error);
		}
		const match = findCreated(lives, lost);
		if (match) {
			const video = await lost.client.getVideo(match.id).catch((readError: unknown) => {
				throw new CreateUnconfirmedError(readError);
			});
			if (!video.publishUrl) throw new CreateUnconfirmedError(lost.error);
			lost.logger.info(`Found live ${match.id} created by the unanswered request; adopting it (no duplicate)`);
			return { id: video.id, title: video.title || lost.input.title, channel: video.channel || lost.input.channel, publishUrl: video.publishUrl };
		}
		if (attempt < LOOKUP_ATTEMPTS) await sleep(LOOKUP_DELAY_MS);
	}
	lost.logger.info("No live was created by the unanswered request");
	throw lost.error;
}

/** The newest unknown live with the input's title created at or after the press (less the slack). */
export function findCreated(lives: readonly LiveSummary[], lost: Pick<LostCreate, "input" | "sentAt" | "known">): LiveSummary | undefined {
	const since = Math.floor(lost.sentAt / 1000) - CREATED_SLACK_S;
	return lives
		.filter((live) => live.title === lost.input.title && !lost.known.has(live.id))
		.filter((live) => live.createdTime !== null && live.createdTime >= since)
		.sort((a, b) => (b.createdTime ?? 0) - (a.createdTime ?? 0))[0];
}

function errorName(error: unknown): string {
	return error instanceof Error ? error.name : "unknown error";
}
