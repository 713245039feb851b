/**
 * A tiny XML well-formedness checker for renderer tests (no DOM in Node): balanced tags, one root,
 * quoted unique attributes, no raw `<` or stray `&` in text or attribute values.
 * Returns the list of problems (empty when well-formed).
 */
export function xmlProblems(xml: string): string[] {
	const problems: string[] = [];
	const stack: string[] = [];
	let roots = 0;
	const entity = /&(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/g;
	const checkText = (text: string, where: string): void => {
		if (text.replace(entity, "").includes("&")) problems.push(`stray & in ${where}: ${text}`);
		if (text.includes("<")) problems.push(`raw < in ${where}: ${text}`);
	};
	const token = /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<\/([A-Za-z][\w:.-]*)\s*>|<([A-Za-z][\w:.-]*)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|[^<]+|</g;
	for (const match of xml.matchAll(token)) {
		const [raw, closing, opening, attrs, selfClosing] = match;
		if (raw === "<") {
			problems.push(`malformed tag at ${match.index}: ${xml.slice(match.index, match.index + 40)}`);
		} else if (closing) {
			const open = stack.pop();
			if (open !== closing) problems.push(`</${closing}> closes <${open ?? "nothing"}>`);
		} else if (opening) {
			if (stack.length === 0) roots += 1;
			const names = new Set<string>();
			for (const attr of (attrs ?? "").matchAll(/([^\s=]+)\s*=\s*("([^"]*)"|'([^']*)')/g)) {
				if (names.has(attr[1])) problems.push(`duplicate attribute ${attr[1]} on <${opening}>`);
				names.add(attr[1]);
				checkText(attr[3] ?? attr[4] ?? "", `attribute ${attr[1]}`);
			}
			if (!selfClosing) stack.push(opening);
		} else if (!raw.startsWith("<")) {
			if (stack.length === 0 && raw.trim() !== "") problems.push(`text outside the root: ${raw}`);
			checkText(raw, "text");
		}
	}
	if (stack.length > 0) problems.push(`unclosed: ${stack.join(", ")}`);
	if (roots !== 1) problems.push(`expected one root element, found ${roots}`);
	return problems;
}
