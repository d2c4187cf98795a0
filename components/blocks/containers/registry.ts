/**
 * What an ECR repository keeps (pure): its lifecycle policy.
 */

/** Untagged images (failed or superseded pushes) expire after this many days. */
export const UNTAGGED_IMAGE_DAYS = 7;

/**
 * The repositories' lifecycle policy: untagged images expire after 7 days, and only the newest
 * `keepImages` images are kept (enough to roll back many releases; a rollback further back needs
 * a rebuild). ECR evaluates rules by priority; a `tagStatus: any` rule must come last.
 */
export function ecrLifecyclePolicy(keepImages: number) {
    return {
        rules: [
            {
                rulePriority: 1,
                description: `Expire untagged images after ${UNTAGGED_IMAGE_DAYS} days`,
                selection: { tagStatus: "untagged", countType: "sinceImagePushed", countUnit: "days", countNumber: UNTAGGED_IMAGE_DAYS },
                action: { type: "expire" },
            },
            {
                rulePriority: 2,
                description: `Keep the ${keepImages} most recent images`,
                selection: { tagStatus: "any", countType: "imageCountMoreThan", countNumber: keepImages },
                action: { type: "expire" },
            },
        ],
    };
}
