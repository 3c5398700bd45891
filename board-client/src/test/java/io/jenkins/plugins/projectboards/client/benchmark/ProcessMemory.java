package io.jenkins.plugins.projectboards.client.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How much memory a server process took while it worked: the resident size of the process and its direct children,
 * sampled every 5 ms from {@code /proc}, as the largest growth of any one process over its size when watching began,
 * and the size of the whole at the end. For Kanboard ({@code php -S}, whose {@code PHP_CLI_SERVER_WORKERS} are
 * children): PHP's own {@code memory_get_peak_usage} is not reachable from outside, and the growth of the worker that
 * served a request is the closest outside view of it (PHP frees a request's memory afterwards, so the growth shows
 * only while sampling). For Jenkins: whether a load left its resident size flat. Linux only; without a process id
 * it measures nothing.
 */
final class ProcessMemory implements AutoCloseable {
    private static final long SAMPLE_MILLIS = 5;
    private final long serverPid;
    private final Map<Long, Long> before;
    private final AtomicLong peakGrowthKb = new AtomicLong();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread sampler;

    private ProcessMemory(long serverPid) {
        this.serverPid = serverPid;
        this.before = residentKb(serverPid);
        this.sampler = new Thread(this::sample, "process-memory-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    /** Starts sampling {@code serverPid} and its children; {@code pid <= 0} samples nothing. */
    static ProcessMemory watch(long serverPid) {
        return new ProcessMemory(serverPid);
    }

    /** The largest growth seen, in KiB; -1 when there was no process to watch. */
    long peakGrowthKb() {
        return before.isEmpty() ? -1 : peakGrowthKb.get();
    }

    /** The resident size of the process and its children together when watching began, in KiB; -1 without a process. */
    long startKb() {
        return before.isEmpty() ? -1 : before.values().stream().mapToLong(Long::longValue).sum();
    }

    /** The same now, in KiB; -1 without a process. */
    long nowKb() {
        return before.isEmpty() ? -1 : residentKb(serverPid).values().stream().mapToLong(Long::longValue).sum();
    }

    private void sample() {
        while (running.get() && !before.isEmpty()) {
            residentKb(serverPid).forEach((pid, kb) -> peakGrowthKb.accumulateAndGet(kb - before.getOrDefault(pid, kb), Math::max));
            try {
                Thread.sleep(SAMPLE_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        sampler.join();
    }

    /** Process id → resident KiB, for the server and its direct children; empty when there is no such process. */
    private static Map<Long, Long> residentKb(long serverPid) {
        Map<Long, Long> sizes = new HashMap<>();
        if (serverPid <= 0) {
            return sizes;
        }
        read(serverPid, sizes);
        try {
            String children = Files.readString(Path.of("/proc", String.valueOf(serverPid), "task", String.valueOf(serverPid), "children")).strip();
            if (!children.isEmpty()) {
                for (String child : children.split("\\s+")) {
                    read(Long.parseLong(child), sizes);
                }
            }
        } catch (IOException gone) {
            // No children listed (or the server is gone): the parent's figure is all there is.
        }
        return sizes;
    }

    private static void read(long pid, Map<Long, Long> sizes) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    sizes.put(pid, Long.parseLong(line.replaceAll("\\D", "")));
                }
            }
        } catch (IOException gone) {
            // The process ended between listing and reading: nothing to add.
        }
    }
}
