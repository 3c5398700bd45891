// Step overhead (docs/performance.md, "Step overhead"): what a commentOnTask step adds over the HTTP calls it makes,
// on one card of a real Planka.
//
// A Planka call takes 40-170 ms here depending on what else the server does, so two loops run minutes apart (the
// steps here, StepOverheadBenchmark's client outside Jenkins) differ by more than the overhead itself. This script
// therefore pairs them: each of the 100 rounds runs one commentOnTask step and makes the same library call straight
// (BoardOperations.commentOnTask on the connection's client, in this Jenkins, without a step), alternating which goes
// first, so both see the same server. It also times 100 `echo` steps and 100 `sleep` steps of 1 ms: what any step
// costs Pipeline (flow nodes written, the program saved as the job's durability setting asks), the sleep for a step
// that, like commentOnTask, runs off the CPS thread.
//
// Lines printed (times per step or call, in ms):
//   pipeline-echo / pipeline-sleep          calls=100 wall_ms=N per_step_ms=N.N
//   pipeline-commentOnTask-real             calls=100 wall_ms=N per_step_ms=N.N   (the steps alone)
//   pipeline-commentOnTask-paired           rounds=100 step_median_ms direct_median_ms overhead_median_ms overhead_mean_ms
// where overhead = step - direct in each round. What commentOnTask adds over Pipeline's own cost of an async step is
// overhead_median_ms - the sleep's per_step_ms.
//
// Run it as a Pipeline job with the parameters below, NOT in the Groovy sandbox: it reads the clock and calls the
// plugin's classes. The direct calls run on the CPS thread (only here, for the measurement). 10 steps warm up first.
import io.jenkins.plugins.projectboards.ProjectBoardsConfiguration
import io.jenkins.plugins.projectboards.client.ops.BoardOperations
import io.jenkins.plugins.projectboards.client.ops.CommentRequest

properties([parameters([
    string(name: 'CONNECTION', defaultValue: 'planka', description: 'a Planka connection'),
    string(name: 'BOARD', description: 'Project/Board on that Planka'),
    string(name: 'COLUMN', defaultValue: 'Todo', description: 'a column of that board'),
])])

/** The library call a commentOnTask step makes, straight; returns its time in ns. */
@NonCPS
long commentDirectly(String connectionName, String cardId, String text) {
    def connection = ProjectBoardsConfiguration.get().connection(connectionName)
    long started = System.nanoTime()
    new BoardOperations(connection.client(currentBuild.rawBuild), connection.getDefaultBoard())
            .commentOnTask(new CommentRequest(cardId, text, null, false))
    return System.nanoTime() - started
}

@NonCPS
String ms(double nanos) {
    return String.format(Locale.ROOT, '%.1f', nanos / 1e6)
}

@NonCPS
double median(List<Long> values) {
    List<Long> sorted = new ArrayList<>(values)
    Collections.sort(sorted)
    int n = sorted.size()
    return n % 2 == 1 ? sorted[n.intdiv(2)] : (sorted[n.intdiv(2) - 1] + sorted[n.intdiv(2)]) / 2.0d
}

def card = createTask(connection: params.CONNECTION, board: params.BOARD, column: params.COLUMN,
                      title: "Step overhead ${env.BUILD_TAG}")
for (int i = 0; i < 10; i++) {
    commentOnTask(connection: params.CONNECTION, task: card.id, text: "Step overhead warm-up ${i}")
    commentDirectly(params.CONNECTION, card.id, "Step overhead warm-up (direct) ${i}")
}
long echoStarted = System.nanoTime()
for (int i = 0; i < 100; i++) {
    echo "Step overhead baseline ${i}"
}
long echoWall = System.nanoTime() - echoStarted
echo "pipeline-echo calls=100 wall_ms=${Math.round(echoWall / 1e6)} per_step_ms=${ms(echoWall / 100.0d)}"
long sleepStarted = System.nanoTime()
for (int i = 0; i < 100; i++) {
    sleep(time: 1, unit: 'MILLISECONDS')
}
long sleepWall = System.nanoTime() - sleepStarted
echo "pipeline-sleep calls=100 wall_ms=${Math.round(sleepWall / 1e6)} per_step_ms=${ms(sleepWall / 100.0d)}"
long started = System.nanoTime()
for (int i = 0; i < 100; i++) {
    commentOnTask(connection: params.CONNECTION, task: card.id, text: "Step overhead (Pipeline) ${i}")
}
long wall = System.nanoTime() - started
echo "pipeline-commentOnTask-real calls=100 wall_ms=${Math.round(wall / 1e6)} per_step_ms=${ms(wall / 100.0d)}"

List<Long> steps = []
List<Long> directs = []
List<Long> overheads = []
for (int i = 0; i < 100; i++) {
    long direct = 0
    if (i % 2 == 1) {
        direct = commentDirectly(params.CONNECTION, card.id, "Step overhead (direct) ${i}")
    }
    long stepStarted = System.nanoTime()
    commentOnTask(connection: params.CONNECTION, task: card.id, text: "Step overhead (paired step) ${i}")
    long step = System.nanoTime() - stepStarted
    if (i % 2 == 0) {
        direct = commentDirectly(params.CONNECTION, card.id, "Step overhead (direct) ${i}")
    }
    steps << step
    directs << direct
    overheads << step - direct
}
long overheadSum = 0
for (long overhead : overheads) {
    overheadSum += overhead
}
echo "pipeline-commentOnTask-paired rounds=100 step_median_ms=${ms(median(steps))} direct_median_ms=${ms(median(directs))}" +
        " overhead_median_ms=${ms(median(overheads))} overhead_mean_ms=${ms(overheadSum / 100.0d)}"
