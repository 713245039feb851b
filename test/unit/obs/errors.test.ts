import { OBSWebSocketError } from "obs-websocket-js/json";
import { describe, expect, it } from "vitest";
import { classifyConnectionError, classifyRequestError } from "../../../src/obs/classify.ts";
import { isBlocking, isObsError, ObsError } from "../../../src/obs/errors.ts";

describe("obs connection error classification", () => {
	it.each([
		[4009, "auth-failed"],
		[4011, "kicked"],
		[4010, "unsupported"],
		[4012, "unsupported"],
		[1001, "unreachable"],
		[1006, "unreachable"],
		[4000, "unreachable"],
	] as const)("maps close code %i to %s", (code, expected) => {
		const error = classifyConnectionError(new OBSWebSocketError(code, "whatever the library says"));
		expect(error.code).toBe(expected);
		expect(error.obsCode).toBe(code);
	});

	it("classifies by code, not by message text", () => {
		expect(classifyConnectionError(new OBSWebSocketError(1006, "Authentication failed.")).code).toBe("unreachable");
		expect(classifyConnectionError(new OBSWebSocketError(4009, "")).code).toBe("auth-failed");
	});

	it("treats a refused socket as unreachable", () => {
		const error = classifyConnectionError(new OBSWebSocketError(-1, "connect ECONNREFUSED 127.0.0.1:4455"));
		expect(error.code).toBe("unreachable");
		expect(isBlocking(error)).toBe(false);
	});

	it("treats a server without the v5 subprotocol as unsupported and blocking", () => {
		const error = classifyConnectionError(new OBSWebSocketError(-1, "Server sent no subprotocol"));
		expect(error.code).toBe("unsupported");
		expect(isBlocking(error)).toBe(true);
	});

	it("treats plain errors (no socket) as unreachable", () => {
		expect(classifyConnectionError(new Error("boom")).code).toBe("unreachable");
	});

	it("keeps an ObsError as it is", () => {
		const original = new ObsError("timeout", "late");
		expect(classifyConnectionError(original)).toBe(original);
	});
});

describe("obs request error classification", () => {
	it("maps 500 to output-running and 501 to output-not-running", () => {
		expect(classifyRequestError(new OBSWebSocketError(500, ""), "StartStream").code).toBe("output-running");
		expect(classifyRequestError(new OBSWebSocketError(501, ""), "StopStream").code).toBe("output-not-running");
	});

	it("maps other request statuses to request-failed with the OBS code", () => {
		const error = classifyRequestError(new OBSWebSocketError(403, "field empty"), "SetStreamServiceSettings");
		expect(error.code).toBe("request-failed");
		expect(error.obsCode).toBe(403);
		expect(error.message).toContain("SetStreamServiceSettings");
	});

	it("maps the library's plain 'Not connected' errors to unreachable", () => {
		const error = classifyRequestError(new Error("Not connected"), "GetStreamStatus");
		expect(error.code).toBe("unreachable");
		expect(error.cause).toBeInstanceOf(Error);
	});

	it("is recognised by isObsError and blocking codes are flagged", () => {
		const error = classifyRequestError(new OBSWebSocketError(4011, ""), "GetVersion");
		expect(isObsError(error)).toBe(true);
		expect(isObsError(new Error("x"))).toBe(false);
		expect(error.code).toBe("kicked");
		expect(isBlocking(error)).toBe(true);
		expect(error.name).toBe("ObsError");
	});
});
