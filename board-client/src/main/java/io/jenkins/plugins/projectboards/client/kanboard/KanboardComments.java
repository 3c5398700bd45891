package io.jenkins.plugins.projectboards.client.kanboard;

/** Comments on tasks. */
public final class KanboardComments {
    private final KanboardTransport transport;

    KanboardComments(KanboardTransport transport) {
        this.transport = transport;
    }

    /**
     * Adds a comment as {@code userId}. With user credentials Kanboard accepts only the caller's own id.
     *
     * @return the comment's id
     */
    public String create(String taskId, String userId, String content) {
        return transport.call(createCall(taskId, userId, content)).asText();
    }

    /** Every comment of a task ({@code getAllComments}): each with {@code comment}, {@code user_id} and more. */
    static KanboardCall allCall(String taskId) {
        return KanboardCall.idempotent("getAllComments").with("task_id", Long.parseLong(taskId));
    }

    static KanboardCall createCall(String taskId, String userId, String content) {
        return KanboardCall.once("createComment")
                .with("task_id", Long.parseLong(taskId))
                .with("user_id", Long.parseLong(userId))
                .with("content", content);
    }
}
