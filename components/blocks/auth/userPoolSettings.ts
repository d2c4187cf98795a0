/**
 * The user pool's settings as data (pure): password policy, MFA, the SPA client and the issuer.
 */
import { type MfaMode } from "../../config/platform";

/**
 * Strong passwords: at least `minimumLength` characters (12 by default, the policy pack's
 * floor) with upper case, lower case, a digit and a symbol; the last 5 passwords cannot be
 * reused (Essentials plan); an admin-issued temporary password works for 3 days.
 */
export function passwordPolicy(minimumLength: number) {
    return {
        minimumLength,
        requireLowercase: true,
        requireUppercase: true,
        requireNumbers: true,
        requireSymbols: true,
        passwordHistorySize: 5,
        temporaryPasswordValidityDays: 3,
    };
}

/**
 * MFA: OFF, OPTIONAL (each user may enrol an authenticator app) or ON (every user must).
 * Authenticator apps (TOTP) only: SMS needs an SNS sending role and costs per message.
 */
export function mfaSettings(mode: MfaMode) {
    return {
        mfaConfiguration: mode,
        softwareTokenMfaConfiguration: mode === "OFF" ? undefined : { enabled: true },
    };
}

/** The only sign-in flows of a browser app without a secret: SRP (the password never leaves the browser) and refresh. */
export const SPA_AUTH_FLOWS = ["ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"];

/**
 * The SPA's app client (seed 001 signs in with amazon-cognito-identity-js): no client secret
 * (a browser cannot keep one), SRP and refresh flows only, no user-existence leaks, revocable
 * refresh tokens, 1 h access/ID tokens and 30-day refresh tokens.
 */
export function spaClientSettings() {
    return {
        generateSecret: false,
        explicitAuthFlows: [...SPA_AUTH_FLOWS],
        preventUserExistenceErrors: "ENABLED",
        enableTokenRevocation: true,
        accessTokenValidity: 60,
        idTokenValidity: 60,
        refreshTokenValidity: 30,
        authSessionValidity: 3,
        tokenValidityUnits: { accessToken: "minutes", idToken: "minutes", refreshToken: "days" },
    };
}

/** The issuer of the pool's tokens: what APIs verify a token's `iss` against. */
export function issuerUrl(region: string, userPoolId: string): string {
    return `https://cognito-idp.${region}.amazonaws.com/${userPoolId}`;
}
