import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { type CognitoSettings } from "../../config/platform";
import { tagsFor } from "../shared/tags";
import { issuerUrl, mfaSettings, passwordPolicy, spaClientSettings } from "./userPoolSettings";

export interface UserPoolArgs {
    /** The pool's name. Changing it replaces the pool (and loses every user). @example "chat-prod-users" */
    userPoolName: string;
    /** MFA mode, password length and self sign-up (config/platform.ts). */
    settings: CognitoSettings;
    /** Region of the pool (for the issuer URL output). */
    region: string;
    /** Refuse DeleteUserPool through the API (prod; `protect` in opts guards against Pulumi). @default false */
    deletionProtection?: boolean;
    /** Tags for every child (project, environment, owner; a Name is added per resource). */
    tags: Record<string, string>;
}

/**
 * Users of the app (seed 001 "Cognito (Autenticação Empresarial)"):
 * 1. a user pool on the Essentials plan: e-mail as the user name (case-insensitive), e-mail
 *    verified by code before sign-in, recovery through the verified e-mail only, strong password
 *    policy, MFA by authenticator app (OFF/OPTIONAL/ON from config), self sign-up or admin-only,
 *    optional deletion protection;
 * 2. an app client for the SPA: no secret, SRP + refresh flows only, no user-existence errors,
 *    token revocation on.
 * E-mail goes through Cognito's default sender (50 messages a day); configure SES for more.
 *
 * Cost: the Essentials plan is free up to 10,000 monthly active users, then $0.015 per MAU
 * (us-east-1); TOTP MFA is free.
 */
export class UserPool extends pulumi.ComponentResource {
    readonly userPool: aws.cognito.UserPool;
    readonly userPoolId: pulumi.Output<string>;
    readonly userPoolArn: pulumi.Output<string>;
    readonly clientId: pulumi.Output<string>;
    /** `https://cognito-idp.<region>.amazonaws.com/<pool id>`: the `iss` of the pool's tokens. */
    readonly issuerUrl: pulumi.Output<string>;

    constructor(name: string, args: UserPoolArgs, opts?: pulumi.ComponentResourceOptions) {
        super("stagecraft:auth:UserPool", name, {}, opts);
        const child = { parent: this };

        this.userPool = new aws.cognito.UserPool(name, {
            name: args.userPoolName,
            userPoolTier: "ESSENTIALS",
            usernameAttributes: ["email"],
            usernameConfiguration: { caseSensitive: false },
            autoVerifiedAttributes: ["email"],
            userAttributeUpdateSettings: { attributesRequireVerificationBeforeUpdates: ["email"] },
            verificationMessageTemplate: { defaultEmailOption: "CONFIRM_WITH_CODE" },
            accountRecoverySetting: { recoveryMechanisms: [{ name: "verified_email", priority: 1 }] },
            adminCreateUserConfig: { allowAdminCreateUserOnly: !args.settings.selfSignUp },
            passwordPolicy: passwordPolicy(args.settings.passwordMinimumLength),
            ...mfaSettings(args.settings.mfa),
            emailConfiguration: { emailSendingAccount: "COGNITO_DEFAULT" },
            deletionProtection: (args.deletionProtection ?? false) ? "ACTIVE" : "INACTIVE",
            tags: tagsFor(args.tags, args.userPoolName),
        }, child);

        const client = new aws.cognito.UserPoolClient(`${name}-spa`, {
            name: `${args.userPoolName}-spa`,
            userPoolId: this.userPool.id,
            ...spaClientSettings(),
        }, child);

        this.userPoolId = this.userPool.id;
        this.userPoolArn = this.userPool.arn;
        this.clientId = client.id;
        this.issuerUrl = this.userPool.id.apply((id) => issuerUrl(args.region, id));
        this.registerOutputs({ userPoolId: this.userPoolId, userPoolArn: this.userPoolArn, clientId: this.clientId, issuerUrl: this.issuerUrl });
    }
}
