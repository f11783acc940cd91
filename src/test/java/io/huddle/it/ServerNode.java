package io.huddle.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import java.io.File;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One app-server node of a test cluster, as its own OS process: WildFly (a copy of the unpacked dist's
 * {@code standalone} directory, a port offset) or Payara Micro. It can be stopped cleanly (SIGTERM) or killed
 * ({@code kill -9}) like a crashed machine.
 */
public final class ServerNode implements AutoCloseable {

    private final String name;
    private final int httpPort;
    private final List<String> command;
    private final File log;
    private Process process;

    private ServerNode(String name, int httpPort, List<String> command, File log) {
        this.name = name;
        this.httpPort = httpPort;
        this.command = command;
        this.log = log;
        // a fresh node, a fresh log: a restart of this node appends to it, an earlier run's node does not
        log.delete();
    }

    public static ServerNode wildfly(String name, File war, File workDir, int portOffset, Map<String, String> properties)
            throws IOException {
        ServerNode node = wildfly(name, workDir, portOffset, properties);
        Files.copy(war.toPath(), workDir.toPath().resolve(name).resolve("deployments/ROOT.war"),
                StandardCopyOption.REPLACE_EXISTING);
        return node;
    }

    /**
     * A WildFly with nothing deployed, its server base directory {@code workDir/name} (configuration and all) fresh
     * from the unpacked dist.
     */
    public static ServerNode wildfly(String name, File workDir, int portOffset, Map<String, String> properties)
            throws IOException {
        File jbossHome = new File(System.getProperty("jboss.home"));
        Path base = workDir.toPath().resolve(name);
        FileTrees.delete(base);
        FileTrees.copy(jbossHome.toPath().resolve("standalone/configuration"), base.resolve("configuration"));
        Files.createDirectories(base.resolve("deployments"));
        List<String> command = new ArrayList<>(List.of(new File(jbossHome, "bin/standalone.sh").getPath(),
                "-Djboss.server.base.dir=" + base, "-Djboss.socket.binding.port-offset=" + portOffset,
                "-Djava.net.preferIPv4Stack=true"));
        properties.forEach((k, v) -> command.add("-D" + k + "=" + v));
        return new ServerNode(name, 8080 + portOffset, command, new File(workDir, name + ".log"));
    }

    public static ServerNode payara(String name, File war, File workDir, int port, Map<String, String> properties) {
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xmx512m", "-Djava.net.preferIPv4Stack=true"));
        properties.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.addAll(List.of("-jar", System.getProperty("payara.jar"), "--deploy", war.getPath(),
                "--contextroot", "/", "--port", Integer.toString(port), "--nocluster"));
        return new ServerNode(name, port, command, new File(workDir, name + ".log"));
    }

    public String name() {
        return name;
    }

    public URL url() {
        try {
            return new URL("http://127.0.0.1:" + httpPort + "/");
        } catch (java.net.MalformedURLException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** The node's {@code status} action, read over HTTP as a monitor would. */
    public JsonObject status() throws Exception {
        HttpResponse<String> response = TestHttp.client().send(HttpRequest.newBuilder(
                url().toURI().resolve("api/status")).build(), HttpResponse.BodyHandlers.ofString());
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    public void start() throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log));
        builder.environment().put("JAVA_OPTS", "-Xms128m -Xmx512m -Djava.net.preferIPv4Stack=true");
        process = builder.start();
    }

    /** Waits until the WAR answers ({@code /primus/spec}). */
    public void awaitReady(Duration timeout) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        String lastAnswer = "no answer";
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited during boot; see " + log);
            }
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(url() + "primus/spec"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
                lastAnswer = "HTTP " + response.statusCode();
            } catch (IOException e) {
                lastAnswer = e.toString(); // not up yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(name + " not ready within " + timeout + " at " + url() + "primus/spec (last: "
                + lastAnswer + "); see " + log);
    }

    /** {@code kill -9} of the server JVM (and the launcher script around it). */
    public void kill() throws InterruptedException {
        if (process != null) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process.waitFor();
            process = null;
        }
    }

    /** A clean stop: SIGTERM, as an init system sends, then wait for the JVM to exit. */
    public void stop() throws InterruptedException {
        if (process != null) {
            List<ProcessHandle> jvms = process.descendants().toList();
            jvms.forEach(ProcessHandle::destroy);
            process.destroy();
            for (ProcessHandle jvm : jvms) {
                jvm.onExit().toCompletableFuture().orTimeout(60, java.util.concurrent.TimeUnit.SECONDS)
                        .exceptionally(e -> null).join();
            }
            process.waitFor();
            process = null;
        }
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
