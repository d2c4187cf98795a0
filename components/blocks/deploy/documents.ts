/**
 * SSM Run Command documents for deploy, rollback and status (pure). They call the on-host deploy tool;
 * the `gitRef` parameter's allowedPattern keeps anything but a plain ref away from the shell.
 */
import { DEPLOY_TOOL_PATH, REF_PATTERN } from "../compute/deployScript";

export interface CommandDocument {
    schemaVersion: "2.2";
    description: string;
    parameters: Record<string, { type: "String"; description: string; allowedPattern?: string; default?: string }>;
    mainSteps: {
        action: "aws:runShellScript";
        name: string;
        inputs: { timeoutSeconds: string; runCommand: string[] };
    }[];
}

export function deployDocument(appName: string, environment: string): CommandDocument {
    return {
        schemaVersion: "2.2",
        description: `Deploy a git ref of ${appName} (${environment}): check out, docker compose pull + up, health check, smoke checks; restores the previous release when either fails.`,
        parameters: {
            gitRef: {
                type: "String",
                description: "Branch, tag or commit to deploy (or the image tag when the host has no repository).",
                allowedPattern: REF_PATTERN,
            },
        },
        mainSteps: [{
            action: "aws:runShellScript",
            name: "deploy",
            inputs: { timeoutSeconds: "900", runCommand: [`${DEPLOY_TOOL_PATH} deploy '{{ gitRef }}'`] },
        }],
    };
}

/** What runs on the host: the release deployed (and the one before), its containers and their health. Changes nothing. */
export function statusDocument(appName: string, environment: string): CommandDocument {
    return {
        schemaVersion: "2.2",
        description: `Show what ${appName} (${environment}) runs: the release deployed and the previous one, the last smoke checks, the containers and their state. Read-only.`,
        parameters: {},
        mainSteps: [{
            action: "aws:runShellScript",
            name: "status",
            inputs: { timeoutSeconds: "120", runCommand: [`${DEPLOY_TOOL_PATH} status`] },
        }],
    };
}

export function rollbackDocument(appName: string, environment: string): CommandDocument {
    return {
        schemaVersion: "2.2",
        description: `Roll ${appName} (${environment}) back to the previous successful release recorded on the host (no git fetch needed).`,
        parameters: {},
        mainSteps: [{
            action: "aws:runShellScript",
            name: "rollback",
            inputs: { timeoutSeconds: "600", runCommand: [`${DEPLOY_TOOL_PATH} rollback`] },
        }],
    };
}
