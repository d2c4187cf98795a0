/** Which AMI the host boots, as a lookup filter (pure): the newest image of a family and CPU architecture. */
import { type AmiFamily } from "../../config/settings";

export type Architecture = "x86_64" | "arm64";

export interface AmiQuery {
    owners: string[];
    mostRecent: true;
    filters: { name: string; values: string[] }[];
}

/** Graviton families carry a `g` right after the generation digit: t4g, m7g, c7gn, r8g. */
export function architectureOf(instanceType: string): Architecture {
    const family = instanceType.split(".")[0];
    return /^[a-z]+\d+g/.test(family) ? "arm64" : "x86_64";
}

/** Burstable families (t2, t3, t3a, t4g) accept a CPU-credit mode. */
export function isBurstable(instanceType: string): boolean {
    return /^t\d/.test(instanceType);
}

const AMAZON = "137112412989";
const CANONICAL = "099720109477";

export function amiQuery(family: AmiFamily, arch: Architecture): AmiQuery {
    const common = [
        { name: "architecture", values: [arch] },
        { name: "virtualization-type", values: ["hvm"] },
        { name: "root-device-type", values: ["ebs"] },
        { name: "state", values: ["available"] },
    ];
    if (family === "al2023") {
        return {
            owners: [AMAZON],
            mostRecent: true,
            filters: [{ name: "name", values: [`al2023-ami-2023.*-kernel-*-${arch}`] }, ...common],
        };
    }
    const ubuntuArch = arch === "x86_64" ? "amd64" : "arm64";
    return {
        owners: [CANONICAL],
        mostRecent: true,
        filters: [{ name: "name", values: [`ubuntu/images/hvm-ssd/ubuntu-jammy-22.04-${ubuntuArch}-server-*`] }, ...common],
    };
}

/** The login user of each family, for docs and outputs. */
export function defaultUser(family: AmiFamily): string {
    return family === "al2023" ? "ec2-user" : "ubuntu";
}
