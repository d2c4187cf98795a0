import { parsePlatformSettings } from "../../../components/config/platform";
import { type ContainerPlatformArgs } from "../../../components/architectures/phase3/containerPlatform";
import { ConfigError } from "../../../components/lib/errors";
import { readerFor, settingsFrom, type RawConfig } from "../../helpers/settings";

/** Phase-3 config of a production stack, as a stack file would give it (seed 001's numbers). */
export const PROD: RawConfig = {
    appName: "chat",
    environment: "prod",
    owner: "platform-team",
    appPort: 5000,
    appImageTag: "3f9c2e1",
    domain: "example.com",
    hostedZoneId: "Z0123456789EXAMPLE01",
    alertEmail: "ops@example.com",
    natStrategy: "gateway-per-az",
    logRetentionDays: 365,
    protectStateful: true,
    wafGeoBlock: ["CN", "RU", "KP"],
};

/**
 * ContainerPlatform args from raw config, until the lead wires phase 3 into parseSettings: the
 * base and web settings are parsed as phase 2 (parseSettings admits implemented phases only),
 * the platform settings as phase 3.
 */
export function phase3Args(overrides: RawConfig = {}): ContainerPlatformArgs {
    const raw = { ...PROD, ...overrides };
    const settings = settingsFrom({ ...raw, phase: 2 }, { stack: "prod" });
    const read = readerFor(raw);
    const platform = parsePlatformSettings(read, 3);
    if (read.problems.length > 0) throw new ConfigError(read.problems);
    return { ...settings, platform };
}
