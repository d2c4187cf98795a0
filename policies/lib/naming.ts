/**
 * The grammar of policy names, `<service>-<resource>-<requirement>` in lower-case kebab. Names are
 * user-facing (they key every policy config file), so the grammar was derived from the names the
 * pack already had and is checked by test/policies/layout.test.ts:
 *
 * - service: the policy's folder, the provider module of a type it inspects (`ec2`, `s3`, ...), or
 *   one of the two cross-service folders (`aws`: every taggable resource; `pulumi`: resource options).
 * - resource: what the policy judges, its leading words: the kebab name or module of a type the
 *   policy inspects (`security-group`, `bucket-policy`, `ebs`, `alb`), the first words of one
 *   (`bucket` for BucketOwnershipControls), or an alias of the folder below. A policy that judges
 *   several types of its service may leave it out (`iam-no-administrator-access`).
 * - requirement: a phrase built on one word of the closed lists below, optionally after a qualifier
 *   (`role-trust-no-public-principal`): a start word opens it and needs an object after it, an end
 *   word closes the name.
 *
 * A new policy reuses these words. A new word or alias is a change to this file, made with the
 * name that needs it; the layout test fails on a word no policy uses, so the lists stay minimal.
 */

export interface RequirementShape {
    /** Where its word sits in the requirement. */
    readonly position: "start" | "end";
    readonly words: readonly string[];
    /** What a name of this shape asks of the resource. */
    readonly meaning: string;
}

export const REQUIREMENT_SHAPES = {
    prohibition: {
        position: "start",
        words: ["no", "not-on"],
        meaning: "must not have, allow or sit on what follows (`no-public-ssh`, `not-on-network-load-balancer`)",
    },
    action: {
        position: "start",
        words: ["has", "drop", "scan"],
        meaning: "must do what follows (`has-rules`, `drop-invalid-header-fields`, `scan-on-push`)",
    },
    state: {
        position: "end",
        words: ["required", "enabled", "encrypted", "enforced", "pinned", "protected"],
        meaning: "what precedes must be in that state, or the resource itself (`imdsv2-required`, `rotation-enabled`, `encrypted`)",
    },
    control: {
        position: "end",
        words: [
            "https", "redirect", "tls", "policy", "access-control", "allowlist", "secure-string", "customer-managed-key",
            "recovery", "logging", "validation", "descriptions", "tags", "budget",
        ],
        meaning: "must use the named security control, with the property the words before it give "
            + "(`viewer-https`, `modern-tls-policy`, `point-in-time-recovery`, `immutable-tags`)",
    },
} as const satisfies Readonly<Record<string, RequirementShape>>;

export type RequirementShapeName = keyof typeof REQUIREMENT_SHAPES;

/** Folders that are not a provider module, with what they cover. */
export const CROSS_SERVICE_FOLDERS: Readonly<Record<string, string>> = {
    aws: "rules for every taggable AWS resource",
    pulumi: "rules on Pulumi resource options",
    cost: "the estimated monthly cost of the stack's planned resources",
};

/** Resource words that are not a type name, per folder, with what they denote. */
export const RESOURCE_ALIASES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
    ec2: { "user-data": "the user data of instances, launch templates and launch configurations" },
    s3: { "backup-bucket": "buckets whose logical names match backupBucketPatterns" },
    iam: {
        "github-oidc-trust": "the trust policy of a role that GitHub Actions OIDC may assume",
        "user": "an IAM user, judged through its access keys",
    },
    aws: { resource: "every taggable resource" },
    pulumi: { "stateful-resource": "resources that hold data (buckets, databases, tables, caches, file systems, user pools)" },
    cost: { stack: "every priced resource of the stack, together" },
};

export interface ParsedName {
    readonly service: string;
    /** "" when the policy judges several types of its service and names none. */
    readonly resource: string;
    readonly requirement: string;
    readonly shape: RequirementShapeName;
    /** The word of the shape's list the requirement is built on. */
    readonly word: string;
}

export type NameCheck = { readonly ok: true; readonly parsed: ParsedName } | { readonly ok: false; readonly problem: string };

const KEBAB = /^[a-z][a-z0-9]*(-[a-z0-9]+)+$/;

/** "aws:ec2/securityGroup:SecurityGroup" → { module: "ec2", name: "security-group" }. */
export function typeWords(type: string): { module: string; name: string } | undefined {
    const m = /^[a-z0-9]+:([a-z0-9]+)\/[A-Za-z0-9]+:([A-Za-z0-9]+)$/.exec(type);
    if (m === null) return undefined;
    return { module: m[1], name: m[2].replace(/([a-z0-9])([A-Z])/g, "$1-$2").toLowerCase() };
}

/** "securityGroupNoPublicSsh" → "security-group-no-public-ssh" (file and export names to name words). */
export function kebabOf(camel: string): string {
    return camel.replace(/([a-z0-9])([A-Z])/g, "$1-$2").toLowerCase();
}

/** Number of leading words `a` and `b` share. */
function sharedPrefix(a: readonly string[], b: readonly string[]): number {
    let n = 0;
    while (n < a.length && n < b.length && a[n] === b[n]) n++;
    return n;
}

/** Where the requirement starts: after the longest resource phrase the policy's types or aliases allow. */
function resourceLength(words: readonly string[], folder: string, resourceTypes: readonly string[]): number {
    const phrases: string[][] = Object.keys(RESOURCE_ALIASES[folder] ?? {}).map((a) => a.split("-"));
    let best = 0;
    for (const alias of phrases) {
        if (sharedPrefix(words, alias) === alias.length) best = Math.max(best, alias.length);
    }
    for (const type of resourceTypes) {
        const t = typeWords(type);
        if (t === undefined) continue;
        // The type's name or its first words, or its module (`ebs` for aws:ebs/volume:Volume).
        best = Math.max(best, sharedPrefix(words, t.name.split("-")), sharedPrefix(words, [t.module]));
    }
    return best;
}

function requirementOf(words: readonly string[]): { shape: RequirementShapeName; word: string } | undefined {
    for (const [shape, spec] of Object.entries(REQUIREMENT_SHAPES) as [RequirementShapeName, RequirementShape][]) {
        for (const word of spec.words) {
            const w = word.split("-");
            if (spec.position === "end") {
                if (words.length >= w.length && sharedPrefix(words.slice(words.length - w.length), w) === w.length) return { shape, word };
            } else {
                // A start word may follow a qualifier, and needs an object after it.
                for (let i = 0; i + w.length < words.length; i++) {
                    if (sharedPrefix(words.slice(i), w) === w.length) return { shape, word };
                }
            }
        }
    }
    return undefined;
}

/** Checks a policy's name against the grammar, given its folder and the resource types it inspects. */
export function checkPolicyName(name: string, folder: string, resourceTypes: readonly string[]): NameCheck {
    const fail = (problem: string): NameCheck => ({ ok: false, problem: `${name}: ${problem}` });
    if (!KEBAB.test(name)) return fail("is not lower-case kebab (a-z, 0-9, words joined by single dashes)");
    if (!name.startsWith(`${folder}-`)) return fail(`does not start with its folder's service, "${folder}-"`);
    const modules = new Set(resourceTypes.map((t) => typeWords(t)?.module));
    if (!(folder in CROSS_SERVICE_FOLDERS) && !modules.has(folder)) {
        return fail(`the service "${folder}" is neither the module of a type the policy inspects nor a cross-service folder (${Object.keys(CROSS_SERVICE_FOLDERS).join(", ")})`);
    }
    const words = name.slice(folder.length + 1).split("-");
    const cut = resourceLength(words, folder, resourceTypes);
    const requirement = words.slice(cut);
    if (requirement.length === 0) return fail("has no requirement after the resource");
    const found = requirementOf(requirement);
    if (found === undefined) {
        const starts = Object.values(REQUIREMENT_SHAPES).filter((s) => s.position === "start").flatMap((s) => s.words);
        const ends = Object.values(REQUIREMENT_SHAPES).filter((s) => s.position === "end").flatMap((s) => s.words);
        return fail(`the requirement "${requirement.join("-")}" neither opens with ${starts.join("/")} nor ends with ${ends.join("/")} (policies/lib/naming.ts)`);
    }
    if (cut === 0) {
        if (found.shape === "prohibition" && requirement[0] === found.word.split("-")[0] && new Set(resourceTypes).size > 1) {
            return { ok: true, parsed: { service: folder, resource: "", requirement: requirement.join("-"), ...found } };
        }
        const known = [...new Set(resourceTypes.map((t) => typeWords(t)?.name).filter((n) => n !== undefined))].slice(0, 6);
        return fail(`"${words[0]}" does not name what the policy judges: start with a type it inspects (${known.join(", ")}), `
            + "an alias of the folder in policies/lib/naming.ts, or, for a policy over several types, with its prohibition");
    }
    return { ok: true, parsed: { service: folder, resource: words.slice(0, cut).join("-"), requirement: requirement.join("-"), ...found } };
}
