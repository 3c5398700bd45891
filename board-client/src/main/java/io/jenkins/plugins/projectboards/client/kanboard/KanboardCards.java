package io.jenkins.plugins.projectboards.client.kanboard;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.projectboards.client.ClientOptions;
import io.jenkins.plugins.projectboards.client.CreateRecovery;
import io.jenkins.plugins.projectboards.client.MalformedResponseException;
import io.jenkins.plugins.projectboards.client.Position;
import io.jenkins.plugins.projectboards.client.Vendor;
import io.jenkins.plugins.projectboards.client.http.HttpListener;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Tasks: create (without ever making two), read, find by reference, move, close and open, link a URL. */
public final class KanboardCards {
    /** Kanboard puts a task moved to any position past the last one at the bottom (TaskPositionModel). */
    static final int BOTTOM = Integer.MAX_VALUE;
    private static final int KEEP_SWIMLANE = 0;

    private final KanboardTransport transport;
    private final Clock clock;
    private final HttpListener listener;

    KanboardCards(KanboardTransport transport, ClientOptions options) {
        this.transport = transport;
        this.clock = options.clock();
        this.listener = options.listener();
    }

    /**
     * Creates a task and returns it as Kanboard stored it. When the answer to the create is lost (connection reset
     * or timeout after sending, or a 5xx), the task it may have made is looked for first (by reference, else by
     * title in the column among tasks created since the attempt began) and the create is sent again only when
     * there is none.
     */
    public KanboardTask create(KanboardNewTask task) {
        Instant started = clock.instant();
        KanboardCall call = KanboardCall.once("createTask")
                .with("project_id", Long.parseLong(task.projectId()))
                .with("title", task.title())
                .with("description", task.description())
                .with("column_id", number(task.columnId()))
                .with("swimlane_id", number(task.swimlaneId()))
                .with("color_id", task.colorId())
                .with("priority", task.priority())
                .with("tags", task.tags().isEmpty() ? null : task.tags())
                .with("date_due", task.due() == null ? null : task.due().toString())
                .with("owner_id", number(task.ownerId()))
                .with("reference", task.reference());
        return CreateRecovery.create(listener, started, task.reference(), () -> transport.call(call).asText(), this::readBack,
                reference -> byReference(task.projectId(), reference),
                since -> open(task.projectId()).stream()
                        .filter(candidate -> candidate.title().equals(task.title()))
                        .filter(candidate -> task.columnId() == null || candidate.columnId().equals(task.columnId()))
                        .filter(candidate -> candidate.dateCreation() >= since.getEpochSecond())
                        .findFirst());
    }

    private KanboardTask readBack(String taskId) {
        return get(taskId).orElseThrow(() -> new MalformedResponseException(Vendor.KANBOARD, "createTask", 200,
                "Kanboard created task " + taskId + " but cannot read it back"));
    }

    /** The open tasks of a project ({@code getAllTasks}, status 1). */
    public List<KanboardTask> open(String projectId) {
        return KanboardBoards.list(transport.call(KanboardCall.idempotent("getAllTasks")
                .with("project_id", Long.parseLong(projectId)).with("status_id", 1)), KanboardTask::from);
    }

    public Optional<KanboardTask> get(String taskId) {
        return task(transport.call(getCall(taskId)));
    }

    public Optional<KanboardTask> byReference(String projectId, String reference) {
        return task(transport.call(byReferenceCall(projectId, reference)));
    }

    static KanboardCall getCall(String taskId) {
        return KanboardCall.idempotent("getTask").with("task_id", Long.parseLong(taskId));
    }

    static KanboardCall byReferenceCall(String projectId, String reference) {
        return KanboardCall.idempotent("getTaskByReference").with("project_id", Long.parseLong(projectId)).with("reference", reference);
    }

    /** A getter's answer: Kanboard answers {@code null} for a task it does not have. */
    static Optional<KanboardTask> task(JsonNode answer) {
        return answer == null || answer.isNull() ? Optional.empty() : Optional.of(KanboardTask.from(answer));
    }

    /**
     * Moves a task to a column, keeping it in its swimlane (Kanboard reads swimlane 0 as "the task's own").
     * Kanboard answers {@code false}, a {@link io.jenkins.plugins.projectboards.client.ValidationException} here, to
     * a move that changes nothing; a closed task stays where it is (Kanboard moves open tasks only) and the call
     * still succeeds.
     */
    public void move(String projectId, String taskId, String columnId, Position position) {
        transport.call(moveCall(projectId, taskId, columnId, position));
    }

    static KanboardCall moveCall(String projectId, String taskId, String columnId, Position position) {
        return KanboardCall.idempotent("moveTaskPosition")
                .with("project_id", Long.parseLong(projectId))
                .with("task_id", Long.parseLong(taskId))
                .with("column_id", Long.parseLong(columnId))
                .with("position", position == Position.TOP ? 1 : BOTTOM)
                .with("swimlane_id", KEEP_SWIMLANE);
    }

    private static Long number(String id) {
        return id == null ? null : Long.parseLong(id);
    }
}
