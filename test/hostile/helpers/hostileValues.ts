// Generators of hostile config values for the property tests (fast-check, fixed seed). Every
// payload that could become code carries MARKER, so a test can find where it landed in a
// generated text and require that it is inert there.
import fc from "fast-check";

/** What an injected command would be called: it must never be live in a generated script. */
export const MARKER = "PWN3D";

/** Fixed seed and sizes keep CI repeatable; HOSTILE_SEED / HOSTILE_RUNS explore further by hand. */
export const SEED = Number(process.env.HOSTILE_SEED ?? 20261204);
export const RUNS = Number(process.env.HOSTILE_RUNS ?? 40);

/** Strings that break out of shell, YAML, .env, nginx or JSON contexts, each with the marker. */
export const PAYLOADS: readonly string[] = [
    `';touch /tmp/${MARKER};'`,
    `$(touch /tmp/${MARKER})`,
    `\`touch /tmp/${MARKER}\``,
    `\ntouch /tmp/${MARKER}\n`,
    `"; touch /tmp/${MARKER}; "`,
    `\${IFS}${MARKER}`,
    `#${MARKER}`,
    `|${MARKER}`,
    `&&${MARKER}`,
    `\\'${MARKER}`,
    `\r\n${MARKER}`,
    `\u2028${MARKER}`,
    `\u0000${MARKER}`,
    `\nSTAGECRAFT_COMPOSE\n${MARKER}\n`,
    `\nSTAGECRAFT_DEPLOY\n${MARKER}\n`,
    `\nSTAGECRAFT_ENV\n${MARKER}=1\n`,
    `\nCOMPOSE\n${MARKER}`,
    `${MARKER}: {a: 1}`,
    `\n  ${MARKER}: true`,
    `\n- ${MARKER}`,
    `*${MARKER}`,
    `&a ${MARKER}`,
    `{{ ${MARKER} }}`,
    `$${MARKER}`,
    `$\${${MARKER}}`,
    `${MARKER};}`,
    `} ${MARKER} {`,
    `../${MARKER}`,
    `https://${MARKER}@github.com/a/b`,
    `-o${MARKER}`,
    `--${MARKER}`,
    `${MARKER}\t`,
    `é ${MARKER} 😀`,
    `${MARKER}"}`,
    `\\u0022${MARKER}`,
];

/** Single characters with a meaning in one of the generated languages. */
const SPECIAL = [..."'\"`$;|&<>(){}[]#*?~!\\\n\r\t %:=,@/-.", "\u0000", "\u2028", "\u00a0", "é", "😀"];

const payload = fc.constantFrom(...PAYLOADS);
const noise = fc.string({ unit: fc.constantFrom(...SPECIAL, "a", "Z", "0", "9", "_"), maxLength: 24 });
const long = fc.constantFrom(64, 129, 300, 5000, 70_000).map((n) => "a".repeat(n));

/** A payload inserted into a valid value (start, middle or end): the shapes that slip past loose checks. */
function mutated(valid: string): fc.Arbitrary<string> {
    return fc.tuple(payload, fc.nat({ max: valid.length })).map(([p, at]) => valid.slice(0, at) + p + valid.slice(at));
}

/** Hostile text for a string setting whose valid values include `valid`. */
export function hostileString(valid: string): fc.Arbitrary<string> {
    return fc.oneof(
        { weight: 4, arbitrary: mutated(valid) },
        { weight: 2, arbitrary: payload },
        { weight: 2, arbitrary: noise },
        { weight: 1, arbitrary: noise.map((n) => valid + n) },
        { weight: 1, arbitrary: fc.constant(` ${valid} `) },
        { weight: 1, arbitrary: long },
    );
}

/** Hostile text for an integer setting. */
export function hostileInteger(valid: number): fc.Arbitrary<string> {
    return fc.oneof(
        fc.integer({ min: -1_000_000_000_000, max: 1_000_000_000_000 }).map(String),
        fc.double({ noNaN: false }).map(String),
        fc.constantFrom("", " ", "1e3", "0x10", "NaN", "Infinity", "-0", "٣", "9".repeat(40), `${valid};touch /tmp/${MARKER}`, ` ${valid} `, `${valid}\n`, "[1]", "true"),
        payload,
    );
}

/** Hostile text for a boolean setting. */
export function hostileBoolean(): fc.Arbitrary<string> {
    return fc.oneof(fc.constantFrom("True", "TRUE", "yes", "1", "0", "on", "", "true;", " true ", "false\n", "null", "[]"), payload);
}

/** Hostile text for a list setting (JSON-encoded, as the CLI passes arrays), around valid entries. */
export function hostileList(valid: readonly string[]): fc.Arbitrary<string> {
    const sample = valid.length > 0 ? valid : ["x"];
    const entry = fc.oneof(fc.constantFrom(...sample).chain((v) => hostileString(v)), fc.constantFrom(...sample));
    return fc.oneof(
        { weight: 5, arbitrary: fc.array(entry, { minLength: 1, maxLength: 4 }).map((a) => JSON.stringify(a)) },
        { weight: 1, arbitrary: fc.constantFrom("not json", "{\"a\":1}", "[1,2]", "[null]", "[[\"a\"]]", "[\"a\",{}]", "\"a\"", "[") },
        { weight: 1, arbitrary: fc.constantFrom(...sample).map((v) => JSON.stringify(Array.from({ length: 200 }, (_, i) => `${v}${i}`))) },
        { weight: 1, arbitrary: payload },
    );
}
