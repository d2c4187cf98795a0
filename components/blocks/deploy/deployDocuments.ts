import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { tagsFor } from "../shared/tags";
import { type CommandDocument, deployDocument, rollbackDocument, statusDocument } from "./documents";
import { restoreDocument, restoreDocumentName } from "./restore";

export interface DeployDocumentsArgs {
    /** App name, as in /opt/<app> on the host. */
    appName: string;
    /** Environment label, shown in the documents' descriptions. */
    environment: string;
    /**
     * Also create `<app>-<env>-restore`, which restores the host's database from a backup
     * (restore.ts; the host must run the backup tool). @default false
     */
    restore?: boolean;
    /** Tags for every child (project, environment, owner; a Name is added per resource). */
    tags: Record<string, string>;
}

/**
 * SSM Command documents to deploy a git ref, to roll back, to show the status and (optionally) to restore the
 * database from a backup, run with
 * `aws ssm send-command --document-name <name> --targets Key=InstanceIds,Values=<id>`.
 *
 * Cost: free (Run Command on EC2 has no charge).
 */
export class DeployDocuments extends pulumi.ComponentResource {
    readonly deployDocumentName: pulumi.Output<string>;
    readonly rollbackDocumentName: pulumi.Output<string>;
    /** Read-only: the release deployed, the previous one, the containers (seed 004's status). */
    readonly statusDocumentName: pulumi.Output<string>;
    /** Undefined unless `restore` is on. */
    readonly restoreDocumentName?: pulumi.Output<string>;

    constructor(name: string, args: DeployDocumentsArgs, opts?: pulumi.ComponentResourceOptions) {
        super("stagecraft:deploy:DeployDocuments", name, {}, opts);
        // One Command document per action, named `${name}-<action>` (the restore one also by its fixed AWS name).
        const command = (action: string, content: CommandDocument, documentName?: string) => new aws.ssm.Document(`${name}-${action}`, {
            ...(documentName === undefined ? {} : { name: documentName }),
            documentType: "Command",
            documentFormat: "JSON",
            content: JSON.stringify(content),
            tags: tagsFor(args.tags, `${name}-${action}`),
        }, { parent: this });
        const deploy = command("deploy", deployDocument(args.appName, args.environment));
        const rollback = command("rollback", rollbackDocument(args.appName, args.environment));
        const status = command("status", statusDocument(args.appName, args.environment));
        if (args.restore ?? false) {
            const restore = command("restore", restoreDocument(args.appName, args.environment), restoreDocumentName(args.appName, args.environment));
            this.restoreDocumentName = restore.name;
        }
        this.deployDocumentName = deploy.name;
        this.rollbackDocumentName = rollback.name;
        this.statusDocumentName = status.name;
        this.registerOutputs({
            deployDocumentName: this.deployDocumentName, rollbackDocumentName: this.rollbackDocumentName,
            statusDocumentName: this.statusDocumentName, restoreDocumentName: this.restoreDocumentName,
        });
    }
}
