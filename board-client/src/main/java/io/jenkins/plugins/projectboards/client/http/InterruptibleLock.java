package io.jenkins.plugins.projectboards.client.http;

import io.jenkins.plugins.projectboards.client.ConnectionException;
import io.jenkins.plugins.projectboards.client.Vendor;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * One caller at a time for work that talks to the server (a login, a token request), so that parallel steps share
 * one token. Unlike a {@code synchronized} block, the wait for it ends when the waiting thread is interrupted (a
 * build aborted) instead of lasting as long as the server takes to answer the caller inside.
 */
public final class InterruptibleLock {
    private final ReentrantLock lock = new ReentrantLock();
    private final Vendor vendor;

    public InterruptibleLock(Vendor vendor) {
        this.vendor = vendor;
    }

    /** @throws ConnectionException when interrupted while waiting; the thread stays interrupted */
    public <T> T call(String operation, Supplier<T> work) {
        try {
            lock.lockInterruptibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectionException(vendor, operation, 0, "interrupted while waiting for another request to sign in", e);
        }
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }
}
