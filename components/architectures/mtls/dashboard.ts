/**
 * The mTLS API's dashboard (pure): NLB flows, target health, the two services.
 */
import { inTwoColumns, metricWidget, type Widget } from "../../blocks/observability/dashboard";

export interface MtlsDashboardInput {
    region: string;
    /** `net/<name>/<id>` */
    loadBalancer: string;
    /** `targetgroup/<name>/<id>` */
    targetGroup: string;
    clusterName: string;
    gatewayService: string;
    apiService: string;
}

/** NLB flows and target health; CPU, memory and running tasks of both services. */
export function mtlsDashboardBody(input: MtlsDashboardInput): { widgets: Widget[] } {
    const nlb = "AWS/NetworkELB";
    const lb = ["LoadBalancer", input.loadBalancer];
    const lbTg = ["TargetGroup", input.targetGroup, "LoadBalancer", input.loadBalancer];
    const ecs = (service: string) => ["ClusterName", input.clusterName, "ServiceName", service];
    const services = [input.gatewayService, input.apiService];
    return {
        widgets: inTwoColumns([
            metricWidget("NLB flows", input.region, [
                [nlb, "ActiveFlowCount", ...lb, { stat: "Average", label: "active flows" }],
                [nlb, "NewFlowCount", ...lb, { stat: "Sum", label: "new flows" }],
                [nlb, "TCP_Client_Reset_Count", ...lb, { stat: "Sum", label: "client resets", yAxis: "right" }],
            ]),
            metricWidget("Gateway targets", input.region, [
                [nlb, "HealthyHostCount", ...lbTg, { stat: "Minimum", label: "healthy" }],
                [nlb, "UnHealthyHostCount", ...lbTg, { stat: "Maximum", label: "unhealthy" }],
            ]),
            metricWidget("CPU and memory (%)", input.region, services.flatMap((s) => [
                ["AWS/ECS", "CPUUtilization", ...ecs(s), { stat: "Average", label: `${s} CPU` }],
                ["AWS/ECS", "MemoryUtilization", ...ecs(s), { stat: "Average", label: `${s} memory` }],
            ])),
            metricWidget("Running tasks", input.region, services.map((s) =>
                ["ECS/ContainerInsights", "RunningTaskCount", ...ecs(s), { stat: "Minimum", label: s }])),
        ]),
    };
}
