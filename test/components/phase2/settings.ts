import { type NatStrategy } from "../../../components/config/settings";
import { parseWebSettings } from "../../../components/config/web";
import { type ScalableWebArgs } from "../../../components/architectures/phase2/scalableWeb";
import { ConfigError } from "../../../components/lib/errors";
import { readerFor, settingsFrom, type RawConfig } from "../../helpers/settings";

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

/**
 * ScalableWeb args from raw config, until the lead wires phase 2 into parseSettings: the base
 * settings are parsed as phase 1 (which only accepts natStrategy "none"), the NAT strategy and
 * the phase-2 keys are applied on top.
 */
export function phase2Args(overrides: RawConfig = {}): ScalableWebArgs {
    const raw = { ...STAGING, ...overrides };
    const { natStrategy, ...base } = raw;
    const settings = settingsFrom(base, { stack: "staging" });
    const read = readerFor(raw);
    const web = parseWebSettings(read, 2);
    if (read.problems.length > 0) throw new ConfigError(read.problems);
    return { ...settings, network: { ...settings.network, natStrategy: natStrategy as NatStrategy }, web };
}
