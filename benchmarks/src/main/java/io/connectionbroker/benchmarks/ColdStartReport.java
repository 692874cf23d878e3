package io.connectionbroker.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The cold-start part's tables: the SDK HTTP clients side by side (the floor on each), every function's cold
 * start against the fastest floor with its spread over the rounds, and the warm status read against the raw
 * calls on each client.
 */
final class ColdStartReport {
    static final ColdStartReport NONE = new ColdStartReport(Map.of());

    /** What each client adds to a deployable jar: its jars, found by their path in the local repository. */
    private static final Map<String, List<String>> CLIENT_JARS = Map.of(
            "floor on url-connection", List.of("/software/amazon/awssdk/url-connection-client/"),
            "floor on aws-crt", List.of("/software/amazon/awssdk/aws-crt-client/", "/software/amazon/awssdk/crt/aws-crt/",
                    "/software/amazon/awssdk/crt-core/"),
            "floor on Apache", List.of("/software/amazon/awssdk/apache-client/", "/org/apache/httpcomponents/",
                    "/commons-logging/", "/commons-codec/"));
    /** The only native library a deployable jar keeps: the template's architecture (arm64, Amazon Linux). */
    static final String TEMPLATE_NATIVE = "linux/armv8/glibc/";
    /** Micronaut's cold start over plain Java's in aws-samples/serverless-java-frameworks-samples (issue 22). */
    static final double MICRONAUT_PUBLISHED_RATIO = 1.43;

    private final Map<ColdStarts.Scenario, List<ColdStarts.Run>> runs;
    private final List<String> clientRows = new ArrayList<>();
    private final List<String> coldRows = new ArrayList<>();
    private final List<String> warmRows = new ArrayList<>();
    private final List<String> goals = new ArrayList<>();

    ColdStartReport(Map<ColdStarts.Scenario, List<ColdStarts.Run>> runs) {
        this.runs = runs;
        if (!runs.isEmpty()) {
            tabulate();
        }
    }

    private void tabulate() {
        List<ColdStarts.Scenario> floors = runs.keySet().stream().filter(ColdStarts.Scenario::isFloor).toList();
        ColdStarts.Scenario fastest = floors.stream().min(Comparator.comparingDouble(this::coldMedian)).orElseThrow();
        ColdStarts.Scenario fastestWarm = floors.stream().min(Comparator.comparingDouble(floor -> warm(floor)[0]))
                .orElseThrow();
        double[] rawWarm = warm(fastestWarm);
        for (ColdStarts.Scenario floor : floors) {
            double[] figures = warm(floor);
            clientRows.add(String.format(Locale.ROOT, "| %s | %.0f | %s | %.2f | %.2f | %d | %s |",
                    floor.name().substring("floor on ".length()), coldMedian(floor), spread(millis(floor)), figures[0],
                    figures[1], residentMb(floor), String.format(Locale.ROOT, "%.2f", clientBytes(floor) / 1_048_576.0)));
        }
        int met = 0;
        int measured = 0;
        int belowPublished = 0;
        for (Map.Entry<ColdStarts.Scenario, List<ColdStarts.Run>> entry : runs.entrySet()) {
            ColdStarts.Scenario scenario = entry.getKey();
            List<Double> ratios = new ArrayList<>();
            for (int round = 0; round < entry.getValue().size(); round++) {
                ratios.add((double) entry.getValue().get(round).millis() / runs.get(fastest).get(round).millis());
            }
            double ratio = ColdStarts.median(ratios);
            List<Long> millis = millis(scenario);
            coldRows.add(String.format(Locale.ROOT, "| %s | %d | %d | %.0f | %d | %.0f | %.2f | %.2f-%.2f | %d | %s | %d |",
                    scenario.name(), millis.size(), millis.get(0), coldMedian(scenario), millis.get(millis.size() - 1),
                    ColdStarts.median(entry.getValue().stream().map(ColdStarts.Run::initMillis).toList()),
                    ratio, Collections.min(ratios), Collections.max(ratios), residentMb(scenario),
                    scenario.isFloor() ? "-" : ColdStarts.megabytes(ColdStarts.size(scenario.jar())),
                    entry.getValue().get(0).status()));
            if (scenario.isFunction()) {
                measured++;
                met += ratio <= 1.2 ? 1 : 0;
                belowPublished += ratio < MICRONAUT_PUBLISHED_RATIO ? 1 : 0;
            }
        }
        for (ColdStarts.Scenario scenario : runs.keySet()) {
            if (runs.get(scenario).get(0).warm() == null) {
                continue;
            }
            double[] figures = warm(scenario);
            warmRows.add(String.format(Locale.ROOT, "| %s | %d | %.2f | %.2f | %.2f | %.2f | %s |",
                    scenario.isFloor() ? "raw SDK calls, " + scenario.name() : scenario.name() + " function",
                    ColdStarts.WARM_REQUESTS, figures[0], figures[1], figures[0] / rawWarm[0], figures[1] / rawWarm[1],
                    runs.get(scenario).get(0).warm().split(" ")[2]));
            if (scenario.isFunction()) {
                goals.add(String.format(Locale.ROOT, "- Warm status read within 1.1x of the raw calls on the fastest"
                        + " client (%s): median %.2fx, p99 %.2fx: %s.", fastestWarm.name().substring("floor on ".length()),
                        figures[0] / rawWarm[0], figures[1] / rawWarm[1],
                        figures[0] / rawWarm[0] <= 1.1 && figures[1] / rawWarm[1] <= 1.1 ? "met" : "not met"));
            }
        }
        if (measured > 0) {
            goals.add(0, "- Cold start within 1.2x of the fastest floor (" + fastest.name() + "), median of the rounds'"
                    + " ratios: " + met + " of " + measured + " functions; below " + MICRONAUT_PUBLISHED_RATIO
                    + "x (Micronaut's published ratio to plain Java, the least asked): " + belowPublished + " of "
                    + measured + ".");
        }
    }

    void print() {
        clientRows.forEach(System.out::println);
        coldRows.forEach(System.out::println);
        warmRows.forEach(System.out::println);
    }

    List<String> goals() {
        return goals;
    }

    List<String> markdown() {
        if (runs.isEmpty()) {
            return List.of("Cold starts not measured in this run.");
        }
        List<String> lines = new ArrayList<>(List.of(
                "## SDK HTTP clients",
                "",
                "The floor (a bare Lambda handler making a status read's DynamoDB calls, nothing else) on each client:"
                        + " cold start over " + ColdStarts.ROUNDS + " rounds (median, then min-max), the warm read ("
                        + ColdStarts.WARM_REQUESTS + " requests after " + ColdStartProbe.WARM_UP + "), resident set"
                        + " size at the first answer, and what the client's jars add to a deployable jar (the CRT"
                        + " with only the template's native library, " + TEMPLATE_NATIVE + ").",
                "",
                "| client | cold median ms | cold min-max ms | warm median ms | warm p99 ms | RSS MB | adds MB |",
                "|---|---|---|---|---|---|---|"));
        lines.addAll(clientRows);
        lines.addAll(List.of("",
                "## Cold start",
                "",
                "A fresh JVM on the function's deployable jar, extracted as Lambda extracts it into /var/task (the"
                        + " floors' classes likewise), from the process started to the first API Gateway v2 event"
                        + " answered, in " + ColdStarts.ROUNDS + " rounds that each start every floor and function"
                        + " once, so that drift hits them alike. Init: the median time to the handler built, before"
                        + " the first event. Ratio: the function's start over the fastest floor's"
                        + " in the same round; the median and the spread (min-max) of those ratios. RSS: resident set"
                        + " size at that answer (median). The what-if row is never deployed: the status function's own"
                        + " code (domain, store, HTTP client, log line) behind a plain Lambda handler, without"
                        + " Micronaut (StatusWithoutMicronaut), so that the gap between it and the status row is what"
                        + " Micronaut's start costs; it is not counted toward the goals.",
                "",
                "| scenario | runs | min ms | median ms | max ms | init ms | ratio | ratio min-max | RSS MB | jar MB | status |",
                "|---|---|---|---|---|---|---|---|---|---|---|"));
        lines.addAll(coldRows);
        lines.addAll(List.of("",
                "## Warm overhead",
                "",
                "The same status read (" + ColdStarts.WARM_REQUESTS + " requests after " + ColdStartProbe.WARM_UP
                        + " to warm up, same JVM flags, in the first round): through the status function's handler,"
                        + " and as the raw SDK calls (the floors); ratios against the fastest client's raw calls."
                        + " The what-if row: the same code without Micronaut's request path (see above).",
                "",
                "| path | requests | median ms | p99 ms | median / raw | p99 / raw | status |",
                "|---|---|---|---|---|---|---|"));
        lines.addAll(warmRows);
        return lines;
    }

    private List<Long> millis(ColdStarts.Scenario scenario) {
        return runs.get(scenario).stream().map(ColdStarts.Run::millis).sorted().toList();
    }

    private double coldMedian(ColdStarts.Scenario scenario) {
        return ColdStarts.median(millis(scenario));
    }

    private static String spread(List<Long> sorted) {
        return sorted.get(0) + "-" + sorted.get(sorted.size() - 1);
    }

    private long residentMb(ColdStarts.Scenario scenario) {
        return runs.get(scenario).stream().mapToLong(ColdStarts.Run::residentKb).sorted()
                .toArray()[runs.get(scenario).size() / 2] / 1024;
    }

    /** The warm median and p99 in milliseconds. */
    private double[] warm(ColdStarts.Scenario scenario) {
        String[] figures = runs.get(scenario).get(0).warm().split(" ");
        return new double[] {Double.parseDouble(figures[0]) / 1000, Double.parseDouble(figures[1]) / 1000};
    }

    /** Compressed bytes of the client's jars' entries, leaving out native libraries of other platforms. */
    private static long clientBytes(ColdStarts.Scenario floor) {
        long bytes = 0;
        for (String jar : Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .filter(entry -> CLIENT_JARS.get(floor.name()).stream().anyMatch(entry::contains)).toList()) {
            try (ZipFile zip = new ZipFile(jar)) {
                bytes += zip.stream().filter(entry -> !isOtherNative(entry)).mapToLong(ZipEntry::getCompressedSize)
                        .sum();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return bytes;
    }

    static boolean isOtherNative(ZipEntry entry) {
        String name = entry.getName();
        boolean nativeLibrary = name.endsWith(".so") || name.endsWith(".dylib") || name.endsWith(".dll");
        return nativeLibrary && !name.startsWith(TEMPLATE_NATIVE);
    }
}
