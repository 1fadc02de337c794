/**
 * The dashboard for a test: the real system (every subgraph with its embedded database, the
 * gateway) and the dashboard on port 0 in front of it, holding its own analyst token signed with
 * the gateway's secret (as npm start gives it), renewed by the same code as in production.
 */
import { startDashboard } from "../../dashboard/src/server";
import { dashboardToken } from "../../dashboard/src/token";
import { DEFAULT_TOKEN_PARTY } from "../../gateway/src/config";
import { startSystem, type RunningSystem, type SystemOptions } from "./system";

export interface RunningDashboard {
  system: RunningSystem;
  url: string;
  close(): Promise<void>;
}

export async function startDashboardSystem(options: SystemOptions = {}): Promise<RunningDashboard> {
  // anonymous reads off: the dashboard's pages prove that its own token reaches the gateway
  const system = await startSystem({ anonymousRead: false, ...options });
  try {
    const secret = system.auth.jwtSecrets[0]!;
    const token = dashboardToken({ kind: "secret", secret, issuer: DEFAULT_TOKEN_PARTY, audience: DEFAULT_TOKEN_PARTY, lifetimeSeconds: 600 });
    const dashboard = await startDashboard({ gatewayUrl: system.gatewayUrl, token, port: 0 });
    return {
      system,
      url: dashboard.url,
      async close() {
        await dashboard.close();
        await system.close();
      },
    };
  } catch (error) {
    await system.close();
    throw error;
  }
}
