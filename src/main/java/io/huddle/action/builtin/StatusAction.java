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
 * fields and problems through {@link StatusContributor} beans.
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
        StatusReport report = new StatusReport()
                .put("id", node.id())
                .put("name", general.serverName())
                .put("version", general.apiVersion())
                .put("server", serverInfo)
                .put("javaVersion", Runtime.version().toString())
                .put("startedAt", runtime.getStartTime())
                .put("uptime", runtime.getUptime())
                .put("connections", connections.count())
                .put("consumedMemoryMB", heap.getUsed() / MB)
                .put("maxMemoryMB", heap.getMax() / MB)
                .put("availableProcessors", Runtime.getRuntime().availableProcessors());
        checkHeap(heap, report);
        contributors.forEach(contributor -> contributor.contribute(report));
        action.response().putAll(report.toResponse());
    }

    private void checkHeap(MemoryUsage heap, StatusReport report) {
        if (heap.getMax() > 0 && heap.getUsed() > general.maxHeapUsage() * heap.getMax()) {
            report.problem("heap " + Math.round(100.0 * heap.getUsed() / heap.getMax()) + "% used, above the "
                    + Math.round(100 * general.maxHeapUsage()) + "% of huddle.status.maxHeapUsage");
        }
    }
}
