package io.huddle.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * WildFly as an operator sets it up from {@code server-config/}: a copy of the dist's {@code standalone} folder,
 * {@code huddle.cli} applied offline (embedded server), the JVM options of {@code jvm.options}, the WAR deployed as
 * {@code ROOT.war}; started as its own process on a port offset and killed at the end.
 */
final class WildFlyServer implements AutoCloseable {

    /**
     * One sender says hundreds of times a second and an rpc client runs hundreds of actions a second, far above the
     * default per-connection rate limits: they are raised above those rates, not switched off, so the figures include
     * what the limits cost (README, *Limits*).
     */
    static final List<String> RAISED_LIMITS = Stream.concat(Stream.of("frames", "say", "actions")
            .flatMap(limit -> Stream.of("-Dhuddle.limits." + limit + ".rate=1000000",
                    "-Dhuddle.limits." + limit + ".burst=1000000")),
            // every client of a benchmark comes from one address
            Stream.of("-Dhuddle.limits.connectionsPerAddress=1000000"))
            .toList();

    private final Path jbossHome;
    private final Path base;
    private final int portOffset;
    private Process process;

    WildFlyServer(Path jbossHome, Path workDir, int portOffset) {
        this.jbossHome = jbossHome;
        this.base = workDir.resolve("standalone");
        this.portOffset = portOffset;
    }

    URI primus() {
        return URI.create("ws://127.0.0.1:" + (8080 + portOffset) + "/primus");
    }

    void start(Path war, Path cliScript, List<String> jvmOptions) throws IOException, InterruptedException {
        deleteTree(base);
        copyTree(jbossHome.resolve("standalone/configuration"), base.resolve("configuration"));
        Files.createDirectories(base.resolve("deployments"));
        // the build's WildFly already carries huddle.cli (configure-offline.sh at prepare-package, which refuses a
        // stale one); its `add` operations would fail a second time on the copy
        if (!Files.exists(base.resolve("configuration/huddle-cli.applied"))) {
            applyCli(cliScript);
        }
        Files.copy(war, base.resolve("deployments/ROOT.war"), StandardCopyOption.REPLACE_EXISTING);
        List<String> command = new ArrayList<>(List.of(jbossHome.resolve("bin/standalone.sh").toString(),
                "-Djboss.server.base.dir=" + base, "-Djboss.socket.binding.port-offset=" + portOffset));
        command.addAll(RAISED_LIMITS);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true).redirectOutput(base.resolve("console.log").toFile());
        builder.environment().put("JAVA_OPTS", String.join(" ", jvmOptions) + " -Djava.net.preferIPv4Stack=true");
        builder.environment().put("LAUNCH_JBOSS_IN_BACKGROUND", "1");
        process = builder.start();
        awaitReady();
    }

    /** The JVM of the server (not the launcher script), for CPU figures. */
    long pid() {
        return process.descendants().filter(p -> p.info().command().orElse("").endsWith("java"))
                .mapToLong(ProcessHandle::pid).findFirst().orElse(process.pid());
    }

    /** Runs the script against this copy with an embedded server, as {@code jboss-cli.sh --file} does offline. */
    private void applyCli(Path cliScript) throws IOException, InterruptedException {
        Path script = base.resolve("apply.cli");
        Files.writeString(script, "embed-server --server-config=standalone.xml --std-out=discard\n"
                + Files.readString(cliScript) + "\nstop-embedded-server\n");
        ProcessBuilder cli = new ProcessBuilder(jbossHome.resolve("bin/jboss-cli.sh").toString(), "--file=" + script)
                .redirectErrorStream(true).redirectOutput(base.resolve("cli.log").toFile());
        cli.environment().put("JAVA_OPTS", "-Djboss.server.base.dir=" + base);
        Process running = cli.start();
        if (!running.waitFor(180, TimeUnit.SECONDS) || running.exitValue() != 0) {
            running.destroyForcibly();
            throw new IllegalStateException("applying " + cliScript + " failed; see " + base.resolve("cli.log"));
        }
    }

    private void awaitReady() throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        URI spec = URI.create("http://127.0.0.1:" + (8080 + portOffset) + "/primus/spec");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("WildFly exited during boot; see " + base.resolve("console.log"));
            }
            try {
                if (http.send(HttpRequest.newBuilder(spec).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("WildFly not ready in 180 s; see " + base.resolve("console.log"));
    }

    @Override
    public void close() {
        if (process != null) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path source : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            List<Path> all = new ArrayList<>(paths.toList());
            Collections.reverse(all);
            for (Path path : all) {
                Files.delete(path);
            }
        }
    }
}
