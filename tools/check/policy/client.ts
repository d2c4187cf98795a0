// A promise-based client for the analyzer gRPC service a policy pack serves
// (pulumirpc.Analyzer, from @pulumi/pulumi/proto/analyzer_grpc_pb).
import * as grpc from "@grpc/grpc-js";
import * as analyzerRpc from "@pulumi/pulumi/proto/analyzer_grpc_pb";
import type * as analyzerProto from "@pulumi/pulumi/proto/analyzer_pb";
import type * as pluginProto from "@pulumi/pulumi/proto/plugin_pb";
import { Empty } from "google-protobuf/google/protobuf/empty_pb";

const MAX_MESSAGE = 1024 * 1024 * 400;

type Unary<Req, Res> = (
    req: Req,
    metadata: grpc.Metadata,
    options: Partial<grpc.CallOptions>,
    callback: (err: grpc.ServiceError | null, res: Res) => void,
) => unknown;

export class AnalyzerClient {
    private readonly client: analyzerRpc.AnalyzerClient;

    /** `timeoutMs`: how long the pack may take to answer one call (gRPC deadline); may change. */
    constructor(
        port: number,
        public timeoutMs: number,
    ) {
        this.client = new analyzerRpc.AnalyzerClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure(), {
            "grpc.max_receive_message_length": MAX_MESSAGE,
            "grpc.max_send_message_length": MAX_MESSAGE,
        });
    }

    /** Resolves once the channel is connected (the server may need a moment after printing its port). */
    ready(): Promise<void> {
        return new Promise((resolve, reject) => {
            this.client.waitForReady(Date.now() + this.timeoutMs, (err) => (err ? reject(err) : resolve()));
        });
    }

    private call<Req, Res>(fn: Unary<Req, Res>, req: Req): Promise<Res> {
        return new Promise((resolve, reject) => {
            fn.call(this.client, req, new grpc.Metadata(), { deadline: Date.now() + this.timeoutMs }, (err, res) => (err ? reject(err) : resolve(res)));
        });
    }

    handshake(req: analyzerProto.AnalyzerHandshakeRequest): Promise<analyzerProto.AnalyzerHandshakeResponse> {
        return this.call(this.client.handshake as Unary<typeof req, analyzerProto.AnalyzerHandshakeResponse>, req);
    }

    configureStack(req: analyzerProto.AnalyzerStackConfigureRequest): Promise<analyzerProto.AnalyzerStackConfigureResponse> {
        return this.call(this.client.configureStack as Unary<typeof req, analyzerProto.AnalyzerStackConfigureResponse>, req);
    }

    getAnalyzerInfo(): Promise<analyzerProto.AnalyzerInfo> {
        return this.call(this.client.getAnalyzerInfo as Unary<Empty, analyzerProto.AnalyzerInfo>, new Empty());
    }

    getPluginInfo(): Promise<pluginProto.PluginInfo> {
        return this.call(this.client.getPluginInfo as Unary<Empty, pluginProto.PluginInfo>, new Empty());
    }

    configure(req: analyzerProto.ConfigureAnalyzerRequest): Promise<Empty> {
        return this.call(this.client.configure as Unary<typeof req, Empty>, req);
    }

    analyze(req: analyzerProto.AnalyzeRequest): Promise<analyzerProto.AnalyzeResponse> {
        return this.call(this.client.analyze as Unary<typeof req, analyzerProto.AnalyzeResponse>, req);
    }

    remediate(req: analyzerProto.AnalyzeRequest): Promise<analyzerProto.RemediateResponse> {
        return this.call(this.client.remediate as Unary<typeof req, analyzerProto.RemediateResponse>, req);
    }

    analyzeStack(req: analyzerProto.AnalyzeStackRequest): Promise<analyzerProto.AnalyzeResponse> {
        return this.call(this.client.analyzeStack as Unary<typeof req, analyzerProto.AnalyzeResponse>, req);
    }

    private closed = false;

    /** Closes the channel (once; later calls do nothing). */
    close(): void {
        if (this.closed) return;
        this.closed = true;
        this.client.close();
    }
}

/** True when the pack did not answer before the call's deadline. */
export function isDeadlineExceeded(err: unknown): boolean {
    return (err as grpc.ServiceError)?.code === grpc.status.DEADLINE_EXCEEDED;
}

/** True for the gRPC status a server returns for a method it does not implement. */
export function isUnimplemented(err: unknown): boolean {
    return (err as grpc.ServiceError)?.code === grpc.status.UNIMPLEMENTED;
}
