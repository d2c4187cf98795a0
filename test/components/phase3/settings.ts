import { type ContainerPlatformArgs } from "../../../components/architectures/phase3/containerPlatform";
import { settingsFrom, type RawConfig } from "../../helpers/settings";

/** Phase-3 config of a production stack, as a stack file would give it (seed 001's numbers). */
export const PROD: RawConfig = {
    appName: "chat",
    environment: "prod",
    owner: "platform-team",
    appPort: 5000,
    appImageTag: "3f9c2e1",
    // Its images exist (Pulumi.prod.yaml): a new stack's default is false (docs/releases.md).
    imageReady: true,
    domain: "example.com",
    hostedZoneId: "Z0123456789EXAMPLE01",
    alertEmail: "ops@example.com",
    natStrategy: "gateway-per-az",
    logRetentionDays: 365,
    protectStateful: true,
    wafGeoBlock: ["CN", "RU", "KP"],
};

/** ContainerPlatform args from raw config, parsed as parseSettings parses a phase-3 stack. */
export function phase3Args(overrides: RawConfig = {}): ContainerPlatformArgs {
    const settings = settingsFrom({ ...PROD, ...overrides, phase: 3 }, { stack: "prod" });
    if (settings.phase === 1) throw new Error("expected phase-3 settings");
    return settings;
}
