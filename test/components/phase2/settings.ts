import { type ScalableWebArgs } from "../../../components/architectures/phase2/scalableWeb";
import { settingsFrom, type RawConfig } from "../../helpers/settings";

/** Phase-2 config of a staging stack, as a stack file would give it (seed 001's numbers). */
export const STAGING: RawConfig = {
    appName: "chat",
    environment: "staging",
    owner: "platform-team",
    appPort: 5000,
    instanceType: "t3.small",
    domain: "example.com",
    hostedZoneId: "Z0123456789EXAMPLE01",
    alertEmail: "ops@example.com",
    natStrategy: "instance",
};

/** ScalableWeb args from raw config, parsed as parseSettings parses a phase-2 stack. */
export function phase2Args(overrides: RawConfig = {}): ScalableWebArgs {
    const settings = settingsFrom({ ...STAGING, ...overrides, phase: 2 }, { stack: "staging" });
    if (settings.phase === 1) throw new Error("expected phase-2 settings");
    return settings;
}
