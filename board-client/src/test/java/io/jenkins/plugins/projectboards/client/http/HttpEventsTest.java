package io.jenkins.plugins.projectboards.client.http;

import static org.junit.Assert.assertEquals;

import io.jenkins.plugins.projectboards.client.Vendor;
import io.jenkins.plugins.projectboards.client.testing.RecordingHttpListener;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.After;
import org.junit.Test;

/** Scopes route {@link HttpEvents#SCOPED} to the listener of the thread that made the call, and follow handed-over work. */
public class HttpEventsTest {
    private final RecordingHttpListener first = new RecordingHttpListener();
    private final RecordingHttpListener second = new RecordingHttpListener();
    private final ExecutorService worker = Executors.newSingleThreadExecutor();

    @After
    public void stopWorker() {
        worker.shutdownNow();
    }

    private static void tell(String operation) {
        HttpEvents.SCOPED.lostCreateNotFound(Vendor.PLANKA, operation);
    }

    private static String told(String operation) {
        return "Planka " + operation + ": lost create not found, sent again";
    }

    @Test
    public void eventsGoToTheScopeOfTheCallingThreadOnly() throws Exception {
        try (HttpEvents.Scope scope = HttpEvents.to(first)) {
            tell("mine");
            worker.submit(() -> tell("a thread without a scope")).get();
            worker.submit(() -> {
                try (HttpEvents.Scope other = HttpEvents.to(second)) {
                    tell("another build's");
                }
            }).get();
        }
        assertEquals(List.of(told("mine")), first.events);
        assertEquals(List.of(told("another build's")), second.events);
    }

    @Test
    public void closingAScopeBringsBackTheOneItReplaced() {
        try (HttpEvents.Scope outer = HttpEvents.to(first)) {
            try (HttpEvents.Scope inner = HttpEvents.to(second)) {
                tell("inner");
            }
            tell("outer");
        }
        tell("after both");
        assertEquals(List.of(told("outer")), first.events);
        assertEquals(List.of(told("inner")), second.events);
    }

    @Test
    public void carriedWorkTellsTheScopeItWasHandedOverInAndLeavesNoScopeBehind() throws Exception {
        Callable<Void> work;
        try (HttpEvents.Scope scope = HttpEvents.to(first)) {
            work = HttpEvents.carry(() -> {
                tell("carried");
                return null;
            });
        }
        worker.submit(work).get();
        worker.submit(() -> tell("the worker's next task")).get();
        tell("the caller, its scope closed");
        assertEquals(List.of(told("carried")), first.events);
    }

    @Test
    public void workCarriedWithoutAScopeRunsWithoutOneEvenWhereOneIsOpen() throws Exception {
        Callable<Void> work = HttpEvents.carry(() -> {
            tell("carried");
            return null;
        });
        try (HttpEvents.Scope scope = HttpEvents.to(second)) {
            work.call();
            tell("the runner's own");
        }
        assertEquals(List.of(told("the runner's own")), second.events);
    }
}
