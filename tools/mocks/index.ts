// Ready-made pulumi.runtime.Mocks for unit tests of components: realistic invoke answers,
// awsx remote-component outputs, provider auto-names and computed outputs (ARNs, IPs, ...), and
// a record of every registration so tests can assert exact child sets and security-relevant
// inputs. Set the mocks BEFORE importing the code under test:
//
//   const { mocks, registrations } = createTestMocks();
//   pulumi.runtime.setMocks(mocks, "stagecraft", "test", false);
//   const { SingleHost } = await import("../../components/architectures/phase1");
import * as pulumi from "@pulumi/pulumi";
import { autoNamed, computedOutputs } from "./computed";
import { answerInvoke, DEFAULT_ACCOUNT_ID, DEFAULT_REGION } from "./invokes";
import { isRemoteComponentType, remoteComponentOutputs } from "./remote-components";
import { UNKNOWN } from "./unknown";

export { answerInvoke, UnmockedInvokeError, MOCKED_INVOKES, DEFAULT_REGION, DEFAULT_ACCOUNT_ID } from "./invokes";
export { remoteComponentOutputs, isRemoteComponentType } from "./remote-components";
export { renderPolicyDocument } from "./iam-policy-document";
export { autoNamed, computedOutputs } from "./computed";
export { UNKNOWN, UNKNOWN_MARKER } from "./unknown";

export interface TestMocksOptions {
    /** Preview semantics: ids and computed outputs unknown (default false). */
    preview?: boolean;
    region?: string;
    accountId?: string;
}

export interface Registration {
    type: string;
    name: string;
    /** Inputs as the program passed them; unknown values appear as UNKNOWN, secrets unwrapped. */
    inputs: Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    provider?: string;
    id?: string;
}

export interface TestMocks {
    mocks: pulumi.runtime.Mocks;
    registrations: Registration[];
}

const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";
const SIG_KEY = "4dabf18193072939515e22adb298388d";

/** Unknown placeholders -> UNKNOWN, secret wrappers -> their value, recursively. */
function normalise(value: unknown): unknown {
    if (pulumi.isUnknown(value)) {
        return UNKNOWN;
    }
    if (Array.isArray(value)) {
        return value.map(normalise);
    }
    if (value !== null && typeof value === "object") {
        const obj = value as Record<string, unknown>;
        if (obj[SIG_KEY] === SECRET_SIG) {
            return normalise(obj.value);
        }
        if (pulumi.Resource.isInstance(value)) {
            return value;
        }
        const out: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(obj)) {
            out[k] = normalise(v);
        }
        return out;
    }
    return value;
}

/** Mocks for `pulumi.runtime.setMocks` plus the list of registrations they saw. */
export function createTestMocks(opts?: TestMocksOptions): TestMocks {
    const preview = opts?.preview ?? false;
    const ctx = { region: opts?.region ?? DEFAULT_REGION, accountId: opts?.accountId ?? DEFAULT_ACCOUNT_ID };
    const registrations: Registration[] = [];

    const mocks: pulumi.runtime.Mocks = {
        call(args: pulumi.runtime.MockCallArgs): Record<string, unknown> {
            return answerInvoke(args.token, normalise(args.inputs) as Record<string, unknown>, ctx);
        },
        newResource(args: pulumi.runtime.MockResourceArgs): { id: string | undefined; state: Record<string, unknown> } {
            const inputs = normalise(args.inputs) as Record<string, unknown>;
            const custom = args.custom !== false;
            const id = custom && !preview ? (args.id || `${args.name}-id`) : undefined;
            registrations.push({ type: args.type, name: args.name, inputs, provider: args.provider, id });

            if (isRemoteComponentType(args.type)) {
                const outputs = remoteComponentOutputs(args.type, args.name, inputs, { preview, ...ctx }) ?? inputs;
                return { id: undefined, state: outputs };
            }
            if (!custom) {
                return { id: undefined, state: {} };
            }
            const state = { ...inputs, ...autoNamed(args.type, args.name, inputs) };
            if (preview) {
                return { id: undefined, state };
            }
            return { id, state: { ...state, ...computedOutputs(args.type, args.name, id as string, state, ctx) } };
        },
    };
    return { mocks, registrations };
}
