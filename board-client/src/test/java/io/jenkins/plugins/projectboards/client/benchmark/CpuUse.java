package io.jenkins.plugins.projectboards.client.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;

/**
 * Where a machine's CPU went during a load: the CPU time the target process used, the CPU time this JVM (the load
 * generator) used, and the machine's idle and stolen shares ({@code /proc/stat}; steal is what the hypervisor gave to
 * other guests). A rate on a shared 2-core machine is bounded by all of these together; the target's CPU time per
 * delivery is its own cost, and what one core of it serves is 1000 / that figure per second. Linux only for the
 * machine shares; without a target process id its figure is -1.
 */
final class CpuUse {
    private final ProcessHandle target;
    private final Duration targetStart;
    private final Duration generatorStart;
    private final long[] machineStart;

    private CpuUse(long targetPid) {
        this.target = targetPid > 0 ? ProcessHandle.of(targetPid).orElse(null) : null;
        this.targetStart = cpu(target);
        this.generatorStart = cpu(ProcessHandle.current());
        this.machineStart = machine();
    }

    static CpuUse start(long targetPid) {
        return new CpuUse(targetPid);
    }

    /**
     * {@code <name> target_cpu_ms_per_delivery=N.NNN generator_cpu_ms_per_delivery=N.NNN machine_idle_pct=N
     * machine_steal_pct=N}, over {@code deliveries} since {@link #start}.
     */
    String line(String name, int deliveries) {
        long[] machine = machine();
        long total = 0;
        for (int i = 0; i < machine.length; i++) {
            total += machine[i] - machineStart[i];
        }
        return String.format(Locale.ROOT, "%s target_cpu_ms_per_delivery=%.3f generator_cpu_ms_per_delivery=%.3f"
                        + " machine_idle_pct=%.0f machine_steal_pct=%.0f",
                name, perDelivery(targetStart, cpu(target), deliveries), perDelivery(generatorStart, cpu(ProcessHandle.current()), deliveries),
                share(machine, total, 3), share(machine, total, 7));
    }

    private static double perDelivery(Duration start, Duration end, int deliveries) {
        return start == null || end == null ? -1 : end.minus(start).toNanos() / 1e6 / deliveries;
    }

    private double share(long[] machine, long total, int field) {
        return total <= 0 || machine.length <= field ? -1 : 100.0 * (machine[field] - machineStart[field]) / total;
    }

    private static Duration cpu(ProcessHandle process) {
        return process == null ? null : process.info().totalCpuDuration().orElse(null);
    }

    /** The machine's {@code cpu} line of {@code /proc/stat}: user nice system idle iowait irq softirq steal ...; empty off Linux. */
    private static long[] machine() {
        try {
            String line = Files.readAllLines(Path.of("/proc/stat")).get(0);
            return Arrays.stream(line.strip().split("\\s+")).skip(1).limit(8).mapToLong(Long::parseLong).toArray();
        } catch (IOException | RuntimeException e) {
            return new long[0];
        }
    }
}
