import { withAwsDefault } from "../lib/awsdefault";
import { resourcePolicy } from "../lib/policy";
import { checkSetting } from "../lib/settings";

const INSTANCE = "aws:rds/instance:Instance";

export const instanceBackupsEnabled = withAwsDefault(resourcePolicy({
    name: "rds-instance-backups-enabled",
    description: "RDS DB instances keep automated backups (backupRetentionPeriod of at least one day; Aurora clusters always keep them).",
    severity: "high",
    enforcementLevel: "mandatory",
    frameworks: [{ framework: "fsbp", control: "RDS.11" }],
    topics: ["resilience", "data-protection"],
    resourceTypes: [INSTANCE],
    remediation: "Leave backupRetentionPeriod out (AWS keeps 1 day) or set 7 or more; never 0.",
    url: "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_WorkingWithAutomatedBackups.html",
    check(r, _config, report) {
        checkSetting(r.props, report, {
            path: ["backupRetentionPeriod"], kind: "number", absent: 1,
            accept: (days) => days >= 1,
            what: "whether automated backups are kept",
            problem: "so the database has no automated backups and no point-in-time restore",
            fix: "Set backupRetentionPeriod to 7 or more (or leave it out for AWS's 1 day).",
        });
    },
}), {
    behaviour: "CreateDBInstance keeps automated backups for 1 day when BackupRetentionPeriod is not given; 0 turns them off.",
    source: "https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_CreateDBInstance.html",
    checked: "2026-12-04",
});
