package io.jenkins.plugins.projectboards.internal;

import hudson.model.TaskListener;
import io.jenkins.plugins.projectboards.client.Vendor;
import io.jenkins.plugins.projectboards.client.http.HttpEvents;
import io.jenkins.plugins.projectboards.client.http.HttpListener;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * Prints what the HTTP path did on its own (a retry and its pause, a {@code Retry-After} wait, giving up, a lost create
 * found or sent again) in the console of the build whose step made the call, one {@code [Project Boards]} line per
 * event. A connection's client is shared by every build, so its listener ({@link HttpEvents#SCOPED}) finds this
 * console through the scope {@link #during} opens on the step's thread.
 */
@Restricted(NoExternalUse.class)
public final class ConsoleHttpEvents implements HttpListener {
    private final StepConsole console;

    ConsoleHttpEvents(TaskListener listener) {
        this.console = new StepConsole(listener);
    }

    /**
     * Runs {@code work} with the events of its board calls, and of the card updates it has run in parallel, printed
     * to {@code listener}.
     */
    public static <T> T during(TaskListener listener, Callable<T> work) throws Exception {
        try (HttpEvents.Scope scope = HttpEvents.to(new ConsoleHttpEvents(listener))) {
            return work.call();
        }
    }

    @Override
    public void retryingAfterStatus(Retry retry, int status) {
        console.line(Messages.ConsoleHttpEvents_retryingAfterStatus(vendor(retry), String.valueOf(status),
                HttpListener.seconds(retry.delay()), retry.retry(), retry.maxRetries()));
    }

    @Override
    public void waitingForRetryAfter(Retry retry, int status, Duration asked) {
        console.line(Messages.ConsoleHttpEvents_waitingForRetryAfter(vendor(retry), String.valueOf(status),
                HttpListener.seconds(asked), HttpListener.seconds(retry.delay()), retry.retry(), retry.maxRetries()));
    }

    @Override
    public void retryingAfterFailure(Retry retry, IOException failure) {
        console.line(Messages.ConsoleHttpEvents_retryingAfterFailure(vendor(retry), failure.getClass().getSimpleName(),
                HttpListener.seconds(retry.delay()), retry.retry(), retry.maxRetries()));
    }

    @Override
    public void gaveUpAfterStatus(Vendor vendor, String operation, int status, int attempts) {
        console.line(Messages.ConsoleHttpEvents_gaveUpAfterStatus(vendor.displayName(), String.valueOf(status), attempts));
    }

    @Override
    public void gaveUpAfterFailure(Vendor vendor, String operation, IOException failure, int attempts) {
        console.line(Messages.ConsoleHttpEvents_gaveUpAfterFailure(vendor.displayName(), failure.getClass().getSimpleName(), attempts));
    }

    @Override
    public void lostCreateRecovered(Vendor vendor, String operation, boolean byReference) {
        console.line(byReference
                ? Messages.ConsoleHttpEvents_lostCreateFoundByReference(vendor.displayName())
                : Messages.ConsoleHttpEvents_lostCreateFoundByTitle(vendor.displayName()));
    }

    @Override
    public void lostCreateNotFound(Vendor vendor, String operation) {
        console.line(Messages.ConsoleHttpEvents_lostCreateNotFound(vendor.displayName()));
    }

    private static String vendor(Retry retry) {
        return retry.vendor().displayName();
    }
}
