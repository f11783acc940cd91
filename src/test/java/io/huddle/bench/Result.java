package io.huddle.bench;

import java.util.List;
import java.util.Locale;

/** One row of the benchmark's table. */
record Result(String scenario, double rate, String unit, double p50Millis, double p99Millis, long failures,
              String failureKind) {

    static void print(List<Result> results) {
        String format = "%-58s %10s %-13s %9s %9s  %s%n";
        System.out.printf(Locale.ROOT, format, "scenario", "rate", "", "p50 ms", "p99 ms", "");
        for (Result r : results) {
            System.out.printf(Locale.ROOT, format, r.scenario, String.format(Locale.ROOT, "%,.0f", r.rate), r.unit,
                    r.p50Millis > 0 ? String.format(Locale.ROOT, "%.1f", r.p50Millis) : "-",
                    r.p99Millis > 0 ? String.format(Locale.ROOT, "%.1f", r.p99Millis) : "-",
                    r.failureKind.isEmpty() ? "" : r.failures + " " + r.failureKind);
        }
    }
}
