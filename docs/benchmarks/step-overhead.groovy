// Step overhead (docs/performance.md, "Step overhead"): 100 commentOnTask steps on one card, timed inside the Pipeline.
// Compare per_step_ms with per_call_ms of the planka-comment-ops-real line that StepOverheadBenchmark prints against
// the same Planka (the same two requests per call: find the card by id, comment); the difference is what a step adds.
//
// It also times two baselines: 100 `echo` steps (what any step costs Pipeline: flow nodes written and the build saved,
// as the job's durability setting asks) and 100 `sleep` steps of 1 ms (a step that, like commentOnTask, runs off the CPS
// thread: the program pauses, is saved, and resumes). What commentOnTask itself adds over the HTTP calls and Pipeline's
// own cost is its per_step_ms - the sleep per_step_ms - per_call_ms.
//
// Run it as a Pipeline job with the parameters below, NOT in the Groovy sandbox (System.currentTimeMillis() is not
// whitelisted there; or approve that one signature). 10 steps warm up first and are not counted.
properties([parameters([
    string(name: 'CONNECTION', defaultValue: 'planka', description: 'a Planka connection to the Planka the benchmark used'),
    string(name: 'BOARD', description: 'Project/Board on that Planka'),
    string(name: 'COLUMN', defaultValue: 'Todo', description: 'a column of that board'),
])])

def card = createTask(connection: params.CONNECTION, board: params.BOARD, column: params.COLUMN,
                      title: "Step overhead ${env.BUILD_TAG}")
for (int i = 0; i < 10; i++) {
    commentOnTask(connection: params.CONNECTION, task: card.id, text: "Step overhead warm-up ${i}")
}
long echoStarted = System.currentTimeMillis()
for (int i = 0; i < 100; i++) {
    echo "Step overhead baseline ${i}"
}
long echoWall = System.currentTimeMillis() - echoStarted
echo "pipeline-echo calls=100 wall_ms=${echoWall} per_step_ms=${String.format(Locale.ROOT, '%.1f', echoWall / 100.0)}"
long sleepStarted = System.currentTimeMillis()
for (int i = 0; i < 100; i++) {
    sleep(time: 1, unit: 'MILLISECONDS')
}
long sleepWall = System.currentTimeMillis() - sleepStarted
echo "pipeline-sleep calls=100 wall_ms=${sleepWall} per_step_ms=${String.format(Locale.ROOT, '%.1f', sleepWall / 100.0)}"
long started = System.currentTimeMillis()
for (int i = 0; i < 100; i++) {
    commentOnTask(connection: params.CONNECTION, task: card.id, text: "Step overhead (Pipeline) ${i}")
}
long wall = System.currentTimeMillis() - started
echo "pipeline-commentOnTask-real calls=100 wall_ms=${wall} per_step_ms=${String.format(Locale.ROOT, '%.1f', wall / 100.0)}"
