package io.jenkins.plugins.projectboards.client.http;

import java.util.concurrent.Callable;

/**
 * Routes HTTP events to whoever made the call. A connection's client is shared by every build that uses the
 * connection, so its one {@link HttpListener} cannot know whose console an event belongs to; {@link #SCOPED} asks the
 * calling thread instead: code that makes calls for someone opens a scope on its thread,
 *
 * <pre>{@code
 * try (HttpEvents.Scope scope = HttpEvents.to(consoleOfThisBuild)) {
 *     client.moveCard(...);
 * }
 * }</pre>
 *
 * and the events of every call made inside it go to that listener. Work this library hands to other threads (the
 * parallel card updates of {@link io.jenkins.plugins.projectboards.client.CardUpdates}) takes the scope with it
 * ({@link #carry}).
 */
public final class HttpEvents {
    private static final ThreadLocal<HttpListener> SCOPE = new ThreadLocal<>();

    /** Tells each event to the listener of the calling thread's scope; without a scope, to no one. */
    public static final HttpListener SCOPED = new ForwardingHttpListener(consumer -> {
        HttpListener scoped = SCOPE.get();
        if (scoped != null) {
            consumer.accept(scoped);
        }
    });

    private HttpEvents() {}

    /** An open scope; closing it, on the thread that opened it, brings back the scope it replaced. */
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }

    /** Sends the events of the calls this thread makes to {@code listener} until the scope is closed. */
    public static Scope to(HttpListener listener) {
        HttpListener replaced = SCOPE.get();
        set(listener);
        return () -> set(replaced);
    }

    /**
     * {@code work} bound to the calling thread's current scope, for another thread to run: its calls' events go where
     * they would have gone had this thread made them. Wrap work when it is handed over, not when it runs.
     */
    public static <T> Callable<T> carry(Callable<T> work) {
        HttpListener captured = SCOPE.get();
        return () -> {
            try (Scope scope = to(captured)) {
                return work.call();
            }
        };
    }

    /** Removes rather than stores {@code null}, so that pool threads keep no entry once their work is done. */
    private static void set(HttpListener listener) {
        if (listener == null) {
            SCOPE.remove();
        } else {
            SCOPE.set(listener);
        }
    }
}
