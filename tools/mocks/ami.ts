// aws.ec2.getAmi answered from its filters: the image family comes from the owners and the
// name pattern (Amazon Linux 2023 / 2, Ubuntu 22.04 / 24.04), the architecture from the
// `architecture` filter or the pattern; the id is a plausible, stable `ami-...` per region+name.
import { awsStyleId } from "./hash";

const AMAZON_OWNER = "137112412989";
const CANONICAL_OWNER = "099720109477";
const RELEASE_DATE = "2025-01-15";

type Arch = "x86_64" | "arm64";

interface Family {
    key: string;
    ownerId: string;
    ownerAlias: string;
    rootDeviceName: string;
    bootMode: string;
    imdsSupport: string;
    description: (arch: Arch) => string;
    imageName: (arch: Arch) => string;
}

const FAMILIES: Family[] = [
    {
        key: "al2023",
        ownerId: AMAZON_OWNER,
        ownerAlias: "amazon",
        rootDeviceName: "/dev/xvda",
        bootMode: "uefi-preferred",
        imdsSupport: "v2.0",
        description: (arch) => `Amazon Linux 2023 AMI 2023.6.20250115.0 ${arch} HVM kernel-6.1`,
        imageName: (arch) => `al2023-ami-2023.6.20250115.0-kernel-6.1-${arch}`,
    },
    {
        key: "amzn2",
        ownerId: AMAZON_OWNER,
        ownerAlias: "amazon",
        rootDeviceName: "/dev/xvda",
        bootMode: "",
        imdsSupport: "",
        description: (arch) => `Amazon Linux 2 Kernel 5.10 AMI 2.0.20250115.0 ${arch} HVM gp2`,
        imageName: (arch) => `amzn2-ami-kernel-5.10-hvm-2.0.20250115.0-${arch}-gp2`,
    },
    {
        key: "jammy",
        ownerId: CANONICAL_OWNER,
        ownerAlias: "",
        rootDeviceName: "/dev/sda1",
        bootMode: "",
        imdsSupport: "",
        description: (arch) => `Canonical, Ubuntu, 22.04 LTS, ${arch === "arm64" ? "arm64" : "amd64"} jammy image build on 2025-01-15`,
        imageName: (arch) => `ubuntu/images/hvm-ssd/ubuntu-jammy-22.04-${arch === "arm64" ? "arm64" : "amd64"}-server-20250115`,
    },
    {
        key: "noble",
        ownerId: CANONICAL_OWNER,
        ownerAlias: "",
        rootDeviceName: "/dev/sda1",
        bootMode: "uefi-preferred",
        imdsSupport: "",
        description: (arch) => `Canonical, Ubuntu, 24.04, ${arch === "arm64" ? "arm64" : "amd64"} noble image`,
        imageName: (arch) => `ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-${arch === "arm64" ? "arm64" : "amd64"}-server-20250115`,
    },
];

interface Filter {
    name: string;
    values: string[];
}

function filtersOf(inputs: Record<string, unknown>): Filter[] {
    const raw = Array.isArray(inputs.filters) ? (inputs.filters as Record<string, unknown>[]) : [];
    return raw
        .filter((f) => typeof f?.name === "string")
        .map((f) => ({ name: f.name as string, values: Array.isArray(f.values) ? (f.values as unknown[]).map(String) : [] }));
}

function filterValue(filters: Filter[], name: string): string | undefined {
    return filters.find((f) => f.name === name)?.values[0];
}

function globToRegExp(glob: string): RegExp {
    const escaped = glob.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".");
    return new RegExp(`^${escaped}$`);
}

function archOf(filters: Filter[], pattern: string): Arch {
    const fromFilter = filterValue(filters, "architecture");
    const text = `${fromFilter ?? ""} ${pattern}`.toLowerCase();
    return /arm64|aarch64/.test(text) ? "arm64" : "x86_64";
}

function familyOf(pattern: string, owners: string[]): Family | undefined {
    const p = pattern.toLowerCase();
    if (p.includes("al2023")) return FAMILIES[0];
    if (p.includes("amzn2")) return FAMILIES[1];
    if (p.includes("jammy") || p.includes("22.04")) return FAMILIES[2];
    if (p.includes("noble") || p.includes("24.04")) return FAMILIES[3];
    if (p === "" && owners.some((o) => o === CANONICAL_OWNER || o.toLowerCase() === "canonical")) return FAMILIES[2];
    if (p === "" && owners.some((o) => o === AMAZON_OWNER || o === "amazon")) return FAMILIES[0];
    return undefined;
}

/** Fills a glob pattern's wildcards so the result matches it (for images of no known family). */
function fillPattern(pattern: string): string {
    return pattern.replace(/\*/g, "20250115").replace(/\?/g, "0");
}

export function answerGetAmi(inputs: Record<string, unknown>, region: string, partition: string): Record<string, unknown> {
    const filters = filtersOf(inputs);
    const owners = Array.isArray(inputs.owners) ? (inputs.owners as unknown[]).map(String) : [];
    const pattern = filterValue(filters, "name") ?? (typeof inputs.nameRegex === "string" ? inputs.nameRegex : "");
    const arch = archOf(filters, pattern);
    const family = familyOf(pattern, owners);

    let name: string;
    if (family) {
        const canonical = family.imageName(arch);
        const matches = pattern === "" || typeof inputs.nameRegex === "string" || globToRegExp(pattern).test(canonical);
        name = matches ? canonical : fillPattern(pattern);
    } else {
        name = pattern !== "" ? fillPattern(pattern) : `image-${arch}-20250115`;
    }
    const ownerId = family?.ownerId ?? owners.find((o) => /^\d{12}$/.test(o)) ?? AMAZON_OWNER;
    const imageId = awsStyleId("ami", `${region}/${name}`);
    const snapshotId = awsStyleId("snap", `${region}/${name}`);
    const rootDeviceName = family?.rootDeviceName ?? "/dev/xvda";

    return {
        ...inputs,
        architecture: arch,
        arn: `arn:${partition}:ec2:${region}::image/${imageId}`,
        blockDeviceMappings: [
            {
                deviceName: rootDeviceName,
                ebs: {
                    delete_on_termination: "true",
                    encrypted: "false",
                    iops: "3000",
                    snapshot_id: snapshotId,
                    throughput: "125",
                    volume_size: "8",
                    volume_type: "gp3",
                },
                noDevice: "",
                virtualName: "",
            },
        ],
        bootMode: family?.bootMode ?? "",
        creationDate: `${RELEASE_DATE}T08:00:00.000Z`,
        deprecationTime: "2027-01-15T08:00:00.000Z",
        description: family ? family.description(arch) : name,
        enaSupport: true,
        hypervisor: "xen",
        id: imageId,
        imageId,
        imageLocation: `${family?.ownerAlias || ownerId}/${name}`,
        imageOwnerAlias: family?.ownerAlias ?? "",
        imageType: "machine",
        imdsSupport: family?.imdsSupport ?? "",
        kernelId: "",
        lastLaunchedTime: "",
        name,
        ownerId,
        platform: "",
        platformDetails: "Linux/UNIX",
        productCodes: [],
        public: true,
        ramdiskId: "",
        region,
        rootDeviceName,
        rootDeviceType: "ebs",
        rootSnapshotId: snapshotId,
        sriovNetSupport: "simple",
        state: "available",
        stateReason: { code: "UNSET", message: "UNSET" },
        tags: {},
        tpmSupport: "",
        usageOperation: "RunInstances",
        virtualizationType: "hvm",
    };
}

/** SSM public parameters that resolve to the latest AMI (e.g. /aws/service/ami-amazon-linux-latest/...). */
export function amiFromSsmParameterName(name: string, region: string, partition: string): string | undefined {
    const n = name.toLowerCase();
    if (!n.startsWith("/aws/service/ami-amazon-linux-latest/") && !n.startsWith("/aws/service/canonical/")) {
        return undefined;
    }
    const owners = n.includes("canonical") ? [CANONICAL_OWNER] : [AMAZON_OWNER];
    const pattern = n.includes("al2023") ? "al2023-ami-*" : n.includes("amzn2") ? "amzn2-ami-*" : n.includes("noble") || n.includes("24.04") ? "ubuntu-noble-*" : n.includes("canonical") ? "ubuntu-jammy-*" : "al2023-ami-*";
    const arch = /arm64/.test(n) ? "arm64" : "x86_64";
    const answer = answerGetAmi({ owners, filters: [{ name: "architecture", values: [arch] }], nameRegex: pattern }, region, partition);
    return answer.imageId as string;
}
