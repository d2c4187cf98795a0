// Realistic answers for the provider functions (invokes) a program calls, for unit-test mocks and
// the offline check. Tokens are the ones @pulumi/aws 7.48 and @pulumi/awsx 3.9 send
// (e.g. `aws:index/getRegion:getRegion`). First the hand-written answers below; then, when the
// caller asks for it (the offline check does, unit-test mocks do not), an answer generated from the
// SDK's own declaration of the function's result (generated-invokes.ts), refined for common lookups
// (tuned-invokes.ts). Anything else throws UnmockedInvokeError, so a program that starts to depend
// on a new lookup fails loudly instead of getting `{}`.
import { amiFromSsmParameterName, answerGetAmi } from "./ami";
import { generateAnswer } from "./generated-invokes";
import { upperAlnum } from "./hash";
import { renderPolicyDocument } from "./iam-policy-document";
import { invokeSchema, NoSchemaError, parseToken } from "./invoke-schema";
import { partitionOf, regionDescription, zonesOf } from "./regions";
import { defaultSubnetIds, defaultVpcId, TUNINGS } from "./tuned-invokes";

export interface GenerateOptions {
    /** The directory of the SDK package `@pulumi/<pkg>` as the program resolves it (undefined: not installed). */
    packageDir(pkg: string): string | undefined;
    /** Where shapes read from the declarations are cached (per package version). */
    cacheDir?: string;
}

export interface InvokeContext {
    /** Region the provider is configured for (default us-east-1). */
    region?: string;
    /** Account id returned by getCallerIdentity and used in ARNs (default 123456789012). */
    accountId?: string;
    /**
     * Generate answers for functions without a hand-written one, from the SDK's declarations
     * (`@pulumi/aws` only). Unit-test mocks leave it off, so tests name every lookup they use.
     */
    generate?: GenerateOptions;
}

/** How an invoke was answered (for the report). */
export type AnswerSource = "hand-written" | "generated" | "generated, hand-tuned";

/** Packages whose functions are generated from their declarations. */
const GENERATED_PACKAGES = new Set(["aws"]);

export const DEFAULT_REGION = "us-east-1";
export const DEFAULT_ACCOUNT_ID = "123456789012";

/** Thrown for an invoke token that has no mocked answer. */
export class UnmockedInvokeError extends Error {
    readonly token: string;
    constructor(token: string, why?: string) {
        super(
            why
                ? `invoke ${token} has no offline answer: ${why}`
                : `invoke ${token} has no offline answer: add one to tools/mocks/invokes.ts ` +
                      `(the offline check and the unit-test mocks answer only the lookups they know)`,
        );
        this.name = "UnmockedInvokeError";
        this.token = token;
    }
}

type Answer = (inputs: Record<string, unknown>, region: string, accountId: string) => Record<string, unknown>;

function str(value: unknown): string | undefined {
    return typeof value === "string" && value !== "" ? value : undefined;
}

function regionOf(inputs: Record<string, unknown>, fallback: string): string {
    return str(inputs.region) ?? fallback;
}

const getRegion: Answer = (inputs, region) => {
    const name = str(inputs.name) ?? str(inputs.id) ?? regionOf(inputs, region);
    const { dnsSuffix } = partitionOf(name);
    return {
        ...inputs,
        description: regionDescription(name),
        endpoint: str(inputs.endpoint) ?? `ec2.${name}.${dnsSuffix}`,
        id: name,
        name,
        region: name,
    };
};

const getCallerIdentity: Answer = (inputs, region, accountId) => {
    const { partition } = partitionOf(regionOf(inputs, region));
    const userId = `AIDA${upperAlnum(`user/${accountId}`, 17)}`;
    return {
        ...inputs,
        accountId,
        arn: `arn:${partition}:iam::${accountId}:user/offline-check`,
        id: accountId,
        userId,
    };
};

const getPartition: Answer = (inputs, region) => {
    const info = partitionOf(regionOf(inputs, region));
    return { ...inputs, ...info, id: info.partition };
};

const getAvailabilityZones: Answer = (inputs, region) => {
    const r = regionOf(inputs, region);
    const excludeNames = new Set(Array.isArray(inputs.excludeNames) ? (inputs.excludeNames as string[]) : []);
    const excludeIds = new Set(Array.isArray(inputs.excludeZoneIds) ? (inputs.excludeZoneIds as string[]) : []);
    const state = str(inputs.state);
    const zones =
        state !== undefined && state !== "available"
            ? []
            : zonesOf(r).filter((z) => !excludeNames.has(z.name) && !excludeIds.has(z.zoneId));
    return {
        ...inputs,
        groupNames: zones.length > 0 ? [r] : [],
        id: r,
        names: zones.map((z) => z.name),
        region: r,
        zoneIds: zones.map((z) => z.zoneId),
    };
};

const getAmi: Answer = (inputs, region) => {
    const r = regionOf(inputs, region);
    return answerGetAmi(inputs, r, partitionOf(r).partition);
};

const getPolicyDocument: Answer = (inputs) => renderPolicyDocument(inputs);

const getZone: Answer = (inputs, region, accountId) => {
    const zoneId = str(inputs.zoneId) ?? `Z${upperAlnum(`zone/${str(inputs.name) ?? "example.com"}/${accountId}`, 20)}`;
    const name = (str(inputs.name) ?? "example.com").replace(/\.$/, "");
    const privateZone = inputs.privateZone === true;
    const nameServers = privateZone
        ? [`ns-1536.awsdns-00.co.uk`]
        : ["ns-1536.awsdns-00.co.uk", "ns-0.awsdns-00.com", "ns-1024.awsdns-00.org", "ns-512.awsdns-00.net"];
    const { partition } = partitionOf(regionOf(inputs, region));
    return {
        ...inputs,
        arn: `arn:${partition}:route53:::hostedzone/${zoneId}`,
        callerReference: `offline-${zoneId}`,
        comment: "",
        id: zoneId,
        linkedServiceDescription: "",
        linkedServicePrincipal: "",
        name,
        nameServers,
        primaryNameServer: nameServers[0],
        privateZone,
        resourceRecordSetCount: 2,
        tags: inputs.tags ?? {},
        vpcId: str(inputs.vpcId) ?? "",
        zoneId,
    };
};

const getSsmParameter: Answer = (inputs, region, accountId) => {
    const name = str(inputs.name) ?? "";
    const r = regionOf(inputs, region);
    const { partition } = partitionOf(r);
    const ami = amiFromSsmParameterName(name, r, partition);
    if (ami === undefined) {
        throw new UnmockedInvokeError(`aws:ssm/getParameter:getParameter (parameter ${name})`);
    }
    return {
        ...inputs,
        arn: `arn:${partition}:ssm:${r}::parameter${name}`,
        id: name,
        insecureValue: ami,
        name,
        type: "String",
        value: ami,
        version: 1,
        withDecryption: inputs.withDecryption ?? true,
        accountId,
    };
};

const getDefaultVpc: Answer = (_inputs, region, accountId) => ({
    vpcId: defaultVpcId(region, accountId),
    publicSubnetIds: defaultSubnetIds(region, accountId),
    privateSubnetIds: [],
});

const ANSWERS: Record<string, Answer> = {
    "aws:index/getRegion:getRegion": getRegion,
    "aws:index/getCallerIdentity:getCallerIdentity": getCallerIdentity,
    "aws:index/getPartition:getPartition": getPartition,
    "aws:index/getAvailabilityZones:getAvailabilityZones": getAvailabilityZones,
    "aws:ec2/getAmi:getAmi": getAmi,
    "aws:iam/getPolicyDocument:getPolicyDocument": getPolicyDocument,
    "aws:route53/getZone:getZone": getZone,
    "aws:ssm/getParameter:getParameter": getSsmParameter,
    "awsx:ec2:getDefaultVpc": getDefaultVpc,
};

/** Tokens answered offline (for documentation and the report). */
export const MOCKED_INVOKES: readonly string[] = Object.keys(ANSWERS);

/**
 * The answer a real provider would give for `token` called with `inputs`.
 * Throws UnmockedInvokeError for tokens without an offline answer.
 */
export function answerInvoke(
    token: string,
    inputs: Record<string, unknown>,
    ctx?: InvokeContext,
): Record<string, unknown> {
    return answerInvokeWithSource(token, inputs, ctx).answer;
}

/** answerInvoke, and how the answer was found. */
export function answerInvokeWithSource(
    token: string,
    inputs: Record<string, unknown>,
    ctx?: InvokeContext,
): { answer: Record<string, unknown>; source: AnswerSource } {
    const region = ctx?.region ?? DEFAULT_REGION;
    const accountId = ctx?.accountId ?? DEFAULT_ACCOUNT_ID;
    const answer = ANSWERS[token];
    if (answer) {
        try {
            return { answer: answer(inputs ?? {}, region, accountId), source: "hand-written" };
        } catch (err) {
            // A hand-written answer that knows only some calls (SSM parameters holding AMI ids)
            // leaves the others to the generated answer, when there is one.
            if (!(err instanceof UnmockedInvokeError) || !ctx?.generate) throw err;
        }
    }
    if (!ctx?.generate) throw new UnmockedInvokeError(token);
    const pkg = parseToken(token)?.pkg;
    if (pkg === undefined || !GENERATED_PACKAGES.has(pkg)) {
        throw new UnmockedInvokeError(token, `offline answers are generated only for @pulumi/aws functions; give this one with --invoke-fixtures FILE`);
    }
    const dir = ctx.generate.packageDir(pkg);
    if (!dir) throw new UnmockedInvokeError(token, `@pulumi/${pkg} is not installed where the program resolves it; give an answer with --invoke-fixtures FILE`);
    let schema;
    try {
        schema = invokeSchema(token, dir, ctx.generate.cacheDir);
    } catch (err) {
        if (err instanceof NoSchemaError) throw new UnmockedInvokeError(token, `${err.message}; give an answer with --invoke-fixtures FILE`);
        throw err;
    }
    const generated = generateAnswer(schema, inputs ?? {}, { region, accountId });
    const tuning = TUNINGS[token];
    return tuning
        ? { answer: tuning(generated, inputs ?? {}, region, accountId), source: "generated, hand-tuned" }
        : { answer: generated, source: "generated" };
}
