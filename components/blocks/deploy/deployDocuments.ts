import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { tagsFor } from "../shared/tags";
import { deployDocument, rollbackDocument, statusDocument } from "./documents";
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
        const deploy = new aws.ssm.Document(`${name}-deploy`, {
            documentType: "Command",
            documentFormat: "JSON",
            content: JSON.stringify(deployDocument(args.appName, args.environment)),
            tags: tagsFor(args.tags, `${name}-deploy`),
        }, { parent: this });
        const rollback = new aws.ssm.Document(`${name}-rollback`, {
            documentType: "Command",
            documentFormat: "JSON",
            content: JSON.stringify(rollbackDocument(args.appName, args.environment)),
            tags: tagsFor(args.tags, `${name}-rollback`),
        }, { parent: this });
        const status = new aws.ssm.Document(`${name}-status`, {
            documentType: "Command",
            documentFormat: "JSON",
            content: JSON.stringify(statusDocument(args.appName, args.environment)),
            tags: tagsFor(args.tags, `${name}-status`),
        }, { parent: this });
        if (args.restore ?? false) {
            const restore = new aws.ssm.Document(`${name}-restore`, {
                name: restoreDocumentName(args.appName, args.environment),
                documentType: "Command",
                documentFormat: "JSON",
                content: JSON.stringify(restoreDocument(args.appName, args.environment)),
                tags: tagsFor(args.tags, `${name}-restore`),
            }, { parent: this });
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
