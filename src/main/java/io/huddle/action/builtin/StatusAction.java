package io.huddle.action.builtin;

import io.huddle.action.Action;
import io.huddle.action.ActionContext;
import io.huddle.action.ActionDefinition;
import io.huddle.cluster.NodeIdentity;
import io.huddle.config.GeneralSettings;
import io.huddle.connection.Connections;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContext;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.lang.management.RuntimeMXBean;
import java.util.List;
import java.util.Map;

/**
 * {@code status}: what an operator needs to see about this node (spec §8.2) — identity, version, uptime,
 * connections, memory — and whether it is healthy, with the problems when it is not. Features add their own
 * fields and problems through {@link StatusContributor} beans. With {@code huddle.status.details=false} it leaves
 * out what tells a stranger more than whether the node is healthy: its id (host and pid by default), the server and
 * Java versions, processors and heap.
 */
@ApplicationScoped
public class StatusAction implements Action {

    private static final long MB = 1024 * 1024;

    @Inject
    GeneralSettings general;

    @Inject
    NodeIdentity node;

    @Inject
    Connections connections;

    private volatile String serverInfo;

    @Inject
    @Any
    Instance<StatusContributor> contributors;

    /** Read at startup: the injectable ServletContext needs a request context, which worker threads lack. */
    void start(@Observes @Initialized(ApplicationScoped.class) ServletContext started) {
        serverInfo = started.getServerInfo();
    }

    @Override
    public ActionDefinition definition() {
        return ActionDefinition.named("status")
                .withDescription("This node's identity, version, uptime, connections, memory and health")
                .withOutputExample(Map.of("id", "node-1", "nodeStatus", StatusReport.HEALTHY, "problems", List.of()));
    }

    @Override
    public void run(ActionContext action) {
        RuntimeMXBean runtime = ManagementFactory.getRuntimeMXBean();
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        StatusReport report = new StatusReport();
        if (general.statusDetails()) {
            report.put("id", node.id());
        }
        report.put("name", general.serverName())
                .put("version", general.apiVersion());
        if (general.statusDetails()) {
            report.put("server", serverInfo)
                    .put("javaVersion", Runtime.version().toString());
        }
        report.put("startedAt", runtime.getStartTime())
                .put("uptime", runtime.getUptime())
                .put("connections", connections.count());
        if (general.statusDetails()) {
            report.put("consumedMemoryMB", heap.getUsed() / MB)
                    .put("maxMemoryMB", heap.getMax() / MB)
                    .put("availableProcessors", Runtime.getRuntime().availableProcessors());
        }
        checkHeap(heap, report);
        contributors.forEach(contributor -> contributor.contribute(report));
        action.response().putAll(report.toResponse());
    }

    private void checkHeap(MemoryUsage heap, StatusReport report) {
        if (heap.getMax() > 0 && heap.getUsed() > general.maxHeapUsage() * heap.getMax()) {
            report.problem(general.statusDetails()
                    ? "heap " + Math.round(100.0 * heap.getUsed() / heap.getMax()) + "% used, above the "
                            + Math.round(100 * general.maxHeapUsage()) + "% of huddle.status.maxHeapUsage"
                    : "heap used above huddle.status.maxHeapUsage");
        }
    }
}
