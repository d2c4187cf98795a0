/**
 * The four cases every single-setting policy is tested on, through the real policy server: a
 * compliant resource, each one-field-changed failure, the resource that leaves the setting to the
 * AWS default, and the setting unknown during preview (an advisory note, never a pass and never a
 * mandatory verdict).
 */
import * as assert from "node:assert/strict";
import type { PackPolicy } from "../../../policies/lib/policy";
import { res } from "./fixtures";
import { details, runResource } from "./server";

type Props = Record<string, unknown>;

export interface SettingCases {
    readonly type: string;
    /** Logical name of the test resource. */
    readonly name: string;
    /** Props every case starts from (the setting under test left out). */
    readonly base: Props;
    /** Compliant variants: label → props merged over base. */
    readonly passes: Readonly<Record<string, Props>>;
    /** One-field-changed failures: label → props merged over base; each gives one violation. */
    readonly fails: Readonly<Record<string, Props>>;
    /** Whether `base` (the AWS default) passes or fails. */
    readonly absent: "passes" | "fails";
    /** Props merged over base that make the setting unknown during preview. */
    readonly unknown: Props;
    /**
     * "present" where the rule only asks for a reference (a key, a log destination): an unknown
     * value is a resource still to be created, so it names one and passes.
     */
    readonly unknownMeans?: "present";
    /** Words every failure's message must contain (the field and the fix). */
    readonly mentions: readonly string[];
}

export function judgesSetting(policy: PackPolicy, c: SettingCases): void {
    const run = (props: Props) => runResource(policy, res(c.type, c.name, { ...c.base, ...props }));
    const expectOneViolation = (props: Props) => {
        const diags = run(props);
        assert.equal(diags.length, 1, JSON.stringify(details(diags)));
        assert.equal(diags[0].enforcementLevel, policy.info.enforcementLevel);
        assert.ok(diags[0].detail.startsWith(`${c.name}: `), diags[0].detail);
        for (const word of c.mentions) assert.ok(diags[0].detail.includes(word), `"${diags[0].detail}" does not mention ${word}`);
        assert.doesNotMatch(diags[0].detail, /not known during preview/);
    };
    for (const [label, props] of Object.entries(c.passes)) {
        it(`accepts ${label}`, () => assert.deepEqual(details(run(props)), []));
    }
    for (const [label, props] of Object.entries(c.fails)) {
        it(`flags ${label}`, () => expectOneViolation(props));
    }
    it(`${c.absent === "passes" ? "accepts" : "flags"} a resource that leaves the setting to the AWS default`, () => {
        if (c.absent === "passes") assert.deepEqual(details(run({})), []);
        else expectOneViolation({});
    });
    if (c.unknownMeans === "present") {
        it("accepts a reference not known during preview (it names a resource still to be created)", () => assert.deepEqual(details(run(c.unknown)), []));
        return;
    }
    it("notes, and neither passes nor fails, a setting not known during preview", () => {
        const diags = run(c.unknown);
        assert.ok(diags.length >= 1, "an unknown value is never passed silently");
        for (const d of diags) {
            assert.equal(d.enforcementLevel, "advisory");
            assert.match(d.detail, /not known during preview/);
        }
    });
}
