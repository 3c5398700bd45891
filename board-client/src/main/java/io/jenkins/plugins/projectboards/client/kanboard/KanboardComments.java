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

    static KanboardCall createCall(String taskId, String userId, String content) {
        return KanboardCall.write("createComment")
                .with("task_id", Long.parseLong(taskId))
                .with("user_id", Long.parseLong(userId))
                .with("content", content);
    }
}
