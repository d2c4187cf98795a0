/**
 * How a stagecraft policy is declared: metadata (severity, frameworks, topics, resource types),
 * typed config with exemptions, and a check that reads plain props and reports through a reporter
 * that names the resource in every message. The builders turn that into the ResourceValidationPolicy
 * or StackValidationPolicy objects @pulumi/policy serves.
 */
import type {
    EnforcementLevel, PolicyResourceOptions, ReportViolation, ResourceValidationArgs, ResourceValidationPolicy,
    StackValidationArgs, StackValidationPolicy,
} from "@pulumi/policy";
import { type ConfigOf, exemptions, type Exemption, type Fields, levelReason, readConfig, schemaOf } from "./config";
import { globMatch } from "./glob";
import { StackView, type StackResource } from "./graph";
import { plainProps, type Rec } from "./values";

export type Severity = "low" | "medium" | "high" | "critical";
export type DefaultLevel = Extract<EnforcementLevel, "advisory" | "mandatory">;

export const FRAMEWORKS = {
    cis: { name: "CIS AWS Foundations Benchmark", version: "3.0.0" },
    fsbp: { name: "AWS Foundational Security Best Practices", version: "1.0.0" },
} as const;

/** A control of a compliance framework the policy serves, e.g. { framework: "fsbp", control: "EC2.13" }. */
export interface FrameworkRef {
    readonly framework: keyof typeof FRAMEWORKS;
    readonly control: string;
}

export type Topic =
    | "network" | "encryption" | "identity" | "logging" | "data-protection" | "secrets"
    | "tagging" | "resilience" | "compute" | "containers" | "governance";

export interface PolicyInfo {
    /** `<service>-<resource>-<rule>`, unique in the pack. */
    readonly name: string;
    /** What the policy checks, one sentence. */
    readonly description: string;
    readonly severity: Severity;
    /** Level when no policy config says otherwise. */
    readonly enforcementLevel: DefaultLevel;
    readonly frameworks: readonly FrameworkRef[];
    readonly topics: readonly Topic[];
    /** Resource types the policy inspects (for a stack policy: every type it reads). */
    readonly resourceTypes: readonly string[];
    /** How to fix a violation, in general terms (each message carries the specific fix). */
    readonly remediation: string;
    /** AWS documentation for the control. */
    readonly url: string;
    /**
     * What AWS does today when the plan says nothing, where that matters to the rule: the policy
     * then fails only a plan that weakens the default or a stack config that demands more.
     */
    readonly awsDefault?: AwsDefault;
}

/** An AWS default the policy relies on, with the documentation page that states it and since when. */
export interface AwsDefault {
    /** What AWS does by default, and what the policy therefore leaves alone. */
    readonly note: string;
    /** The AWS documentation page that states the default. */
    readonly url: string;
    /** When the default took effect (ISO date or month), where the page says so. */
    readonly since?: string;
    /** When the page was read (YYYY-MM-DD), for a default without a date of its own. */
    readonly checked?: string;
}

export interface PackPolicy {
    readonly info: PolicyInfo;
    readonly kind: "resource" | "stack";
    readonly fields: Fields;
    readonly policy: ResourceValidationPolicy | StackValidationPolicy;
}

/** A resource as a resource check sees it: plain props, never a proxy. */
export interface ResourceView {
    readonly type: string;
    readonly name: string;
    readonly urn: string;
    readonly props: Rec;
    readonly opts: PolicyResourceOptions;
    /** Props of the resource's provider (default tags live there), when the engine sent it. */
    readonly providerProps: Rec | undefined;
}

export interface ResourceReport {
    /** `text` is "<what is wrong>. <how to fix>"; the resource name is prepended. */
    violation(text: string): void;
    /** Advisory note: `field` is unknown during preview, so `what` cannot be decided yet. */
    unknown(what: string, field: string): void;
}

export interface StackReport {
    violation(resource: StackResource, text: string): void;
    unknown(resource: StackResource, what: string, field: string): void;
}

const STANDARD_FIELDS = { exemptions, reason: levelReason };
type WithExemptions<F extends Fields> = ConfigOf<F> & { readonly exemptions: readonly Exemption[]; readonly reason: string };

/** The report callback also takes an object carrying its own enforcement level (server.js). */
type ObjectReport = (info: { message: string; urn?: string; enforcementLevel: EnforcementLevel }) => void;

function unknownText(name: string, what: string, field: string): string {
    return `${name}: ${field} is not known during preview, so ${what} cannot be checked yet. `
        + "The policy checks the real value once it is known, during `pulumi up`.";
}

function isExempt(list: readonly Exemption[], name: string, urn: string): boolean {
    return list.some((e) => globMatch(e.resource, name) || globMatch(e.resource, urn));
}

function toPolicyFields(info: PolicyInfo, fields: Fields) {
    const [first] = info.frameworks;
    const fw = first === undefined ? undefined : FRAMEWORKS[first.framework];
    return {
        name: info.name,
        description: info.description,
        enforcementLevel: info.enforcementLevel,
        severity: info.severity,
        ...(first !== undefined && fw !== undefined
            ? { framework: { name: fw.name, version: fw.version, reference: first.control, specification: info.description } }
            : {}),
        tags: [...info.topics, ...info.frameworks.map((f) => `${f.framework}:${f.control}`)],
        remediationSteps: info.remediation,
        url: info.url,
        configSchema: { properties: schemaOf(fields) },
    };
}

export interface ResourcePolicySpec<F extends Fields> extends PolicyInfo {
    readonly config?: F;
    check(resource: ResourceView, config: WithExemptions<F>, report: ResourceReport): void;
}

export interface StackPolicySpec<F extends Fields> extends PolicyInfo {
    readonly config?: F;
    check(stack: StackView, config: WithExemptions<F>, report: StackReport): void;
}

/** A policy that judges one resource at a time from its inputs (runs before each resource changes). */
export function resourcePolicy<F extends Fields>(spec: ResourcePolicySpec<F>): PackPolicy {
    const fields: Fields = { ...STANDARD_FIELDS, ...(spec.config ?? {}) };
    const types = new Set(spec.resourceTypes);
    const validate = (args: ResourceValidationArgs, reportViolation: ReportViolation): void => {
        if (!types.has(args.type)) return;
        const config = readConfig(args.getConfig(), fields) as WithExemptions<F>;
        if (isExempt(config.exemptions, args.name, args.urn)) return;
        const view: ResourceView = {
            type: args.type,
            name: args.name,
            urn: args.urn,
            props: plainProps(args.props),
            opts: args.opts,
            providerProps: args.provider === undefined ? undefined : plainProps(args.provider.props),
        };
        spec.check(view, config, {
            violation: (text) => reportViolation(`${args.name}: ${text}`),
            unknown: (what, field) => (reportViolation as unknown as ObjectReport)({
                message: unknownText(args.name, what, field), enforcementLevel: "advisory",
            }),
        });
    };
    if (spec.resourceTypes.length === 1) {
        // Lets the server skip other types without calling us (policy.js reads __pulumiType).
        (validate as unknown as { __pulumiType: string }).__pulumiType = spec.resourceTypes[0];
    }
    return {
        info: infoOf(spec),
        kind: "resource",
        fields,
        policy: { ...toPolicyFields(spec, fields), validateResource: validate },
    };
}

/** A policy that judges resources together, correlating them through dependencies. */
export function stackPolicy<F extends Fields>(spec: StackPolicySpec<F>): PackPolicy {
    const fields: Fields = { ...STANDARD_FIELDS, ...(spec.config ?? {}) };
    const validate = (args: StackValidationArgs, reportViolation: ReportViolation): void => {
        const config = readConfig(args.getConfig(), fields) as WithExemptions<F>;
        const stack = new StackView(args.resources);
        const exempt = (r: StackResource) => isExempt(config.exemptions, r.name, r.urn);
        spec.check(stack, config, {
            violation: (r, text) => {
                if (!exempt(r)) reportViolation(`${r.name}: ${text}`, r.urn);
            },
            unknown: (r, what, field) => {
                if (!exempt(r)) {
                    (reportViolation as unknown as ObjectReport)({
                        message: unknownText(r.name, what, field), urn: r.urn, enforcementLevel: "advisory",
                    });
                }
            },
        });
    };
    return {
        info: infoOf(spec),
        kind: "stack",
        fields,
        policy: { ...toPolicyFields(spec, fields), validateStack: validate },
    };
}

function infoOf(spec: PolicyInfo): PolicyInfo {
    const { name, description, severity, enforcementLevel, frameworks, topics, resourceTypes, remediation, url, awsDefault } = spec;
    return { name, description, severity, enforcementLevel, frameworks, topics, resourceTypes, remediation, url, ...(awsDefault === undefined ? {} : { awsDefault }) };
}
