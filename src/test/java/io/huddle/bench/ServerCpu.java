package io.huddle.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The server's CPU use over a scenario, from {@code /proc/<pid>/stat} (Linux; elsewhere it reports nothing). */
final class ServerCpu {

    /** Clock ticks per second of {@code /proc} times: 100 on every Linux this runs on. */
    private static final double TICKS = 100;

    private final Path stat;

    ServerCpu(long pid) {
        this.stat = Path.of("/proc", Long.toString(pid), "stat");
    }

    /** A scenario whose result gets the server's CPU (in % of one core) appended to its name. */
    interface Scenario {
        Result run() throws Exception;
    }

    Result measure(Scenario scenario) throws Exception {
        long ticks = ticks();
        long start = System.nanoTime();
        Result result = scenario.run();
        double seconds = (System.nanoTime() - start) / 1e9;
        if (ticks < 0) {
            return result;
        }
        long used = ticks() - ticks;
        return new Result(result.scenario() + String.format(java.util.Locale.ROOT, " (server CPU %.0f%%)",
                100 * used / TICKS / seconds), result.rate(), result.unit(), result.p50Millis(), result.p99Millis(),
                result.failures(), result.failureKind());
    }

    private long ticks() {
        try {
            String[] fields = Files.readString(stat).replaceFirst(".*\\) ", "").split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
