package io.jenkins.plugins.projectboards.client.kanboard;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.projectboards.client.BoardRef;
import io.jenkins.plugins.projectboards.client.Card;
import io.jenkins.plugins.projectboards.client.CardRef;
import io.jenkins.plugins.projectboards.client.ColumnRef;
import io.jenkins.plugins.projectboards.client.CommentRef;
import io.jenkins.plugins.projectboards.client.ConfigurationException;
import io.jenkins.plugins.projectboards.client.NotSupportedException;
import io.jenkins.plugins.projectboards.client.Position;
import io.jenkins.plugins.projectboards.client.UnknownNameException;
import io.jenkins.plugins.projectboards.client.ValidationException;
import io.jenkins.plugins.projectboards.client.testing.Fixture;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.Test;

/** Every Kanboard operation: the exact JSON-RPC call sent and what the caller gets back. */
public class KanboardClientTest extends KanboardTestSupport {

    @Test
    public void whoAmIWithTheApplicationToken() throws Exception {
        answer("01-getVersion-app");
        assertEquals("Kanboard 1.2.53, application API token", appClient().whoAmI());
        expectCall("getVersion", null);
    }

    @Test
    public void whoAmIWithUserCredentialsNamesTheUser() throws Exception {
        answer("02-getVersion-user");
        answer("06-getMe-user");
        assertEquals("Kanboard 1.2.53, user admin (app-admin)", userClient("admin", "admin").whoAmI());
        String basic = "Basic " + Base64.getEncoder().encodeToString("admin:admin".getBytes());
        expectCall(basic, "getVersion", null);
        expectCall(basic, "getMe", null);
    }

    @Test
    public void baseUrlAndEndpointFormsBothWork() {
        assertEquals(baseUrl(), appClient().baseUrl());
        assertEquals(baseUrl(), userClient("a", "b").baseUrl());
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> new KanboardClient("kanboard.example", KanboardCredentials.applicationToken(TOKEN, null), http, options));
        assertEquals("Kanboard connect: 'url' is not an http(s) URL: 'kanboard.example'", e.getMessage());
    }

    @Test
    public void projectByNameIdentifierOrIdFromOneListing() throws Exception {
        projects();
        KanboardClient client = appClient();
        assertEquals(new BoardRef("5", "Operations"), client.resolveBoard("operations"));
        assertEquals(new BoardRef("4", "Smoke 1795504637"), client.resolveBoard("smoke"));
        assertEquals(new BoardRef("4", "Smoke 1795504637"), client.resolveBoard("4"));
        expectCall("getAllProjects", null);
        assertEquals(1, server.getRequestCount());
    }

    @Test
    public void unknownProjectListsTheProjects() {
        projects();
        UnknownNameException e = assertThrows(UnknownNameException.class, () -> appClient().resolveBoard("Marketing"));
        assertEquals("Kanboard resolve project: unknown board 'Marketing'; valid boards: Smoke 1795504637, Operations",
                e.getMessage());
    }

    @Test
    public void columnsAreReadWithTheRecordedAnswer() throws Exception {
        answer("10-getColumns");
        List<ColumnRef> columns = appClient().columns(new BoardRef("4", "Smoke"));
        assertEquals(List.of(new ColumnRef("13", "Backlog"), new ColumnRef("14", "Ready"),
                new ColumnRef("15", "Work in progress"), new ColumnRef("16", "Done")), columns);
        expectCall("getColumns", """
                {"project_id":4}""");
    }

    @Test
    public void swimlanesByName() throws Exception {
        answer("11-getActiveSwimlanes");
        KanboardSwimlane swimlane = appClient().boards().swimlane("4", "default swimlane");
        assertEquals("Default swimlane", swimlane.name());
        expectCall("getActiveSwimlanes", """
                {"project_id":4}""");
    }

    @Test
    public void createTaskSendsEveryFieldAndReadsTheTaskBack() throws Exception {
        answer("12-createTask");
        answer("13-getTask");
        KanboardTask task = appClient().cards().create(new KanboardNewTask("4", "Smoke task", "Created by **smoke.sh**",
                "14", "4", "green", 2, List.of("alpha", "beta"), LocalDate.parse("2027-01-15"), "1", "SMOKE-1795504637"));
        expectCall("createTask", """
                {"project_id":4,"title":"Smoke task","description":"Created by **smoke.sh**",\
                "column_id":14,"swimlane_id":4,"color_id":"green","priority":2,"tags":["alpha","beta"],\
                "date_due":"2027-01-15","owner_id":1,"reference":"SMOKE-1795504637"}""");
        expectCall("getTask", """
                {"task_id":4}""");
        assertEquals("4", task.id());
        assertEquals("14", task.columnId());
        assertEquals("4", task.swimlaneId());
        assertEquals("SMOKE-1795504637", task.reference());
    }

    @Test
    public void createCardThroughTheNeutralFaceReturnsNamesAndLink() throws Exception {
        answer("12-createTask");
        answer("13-getTask");
        projects();
        answer("10-getColumns");
        Card card = appClient().createCard(new BoardRef("4", "Smoke 1795504637"), new ColumnRef("14", "Ready"),
                new io.jenkins.plugins.projectboards.client.CardDraft("Smoke task", null, List.of(), null, null, null, Position.BOTTOM));
        expectCall("createTask", """
                {"project_id":4,"title":"Smoke task","column_id":14}""");
        assertEquals(new Card(io.jenkins.plugins.projectboards.client.Vendor.KANBOARD, "4", "Smoke task",
                baseUrl() + "/?controller=TaskViewController&action=show&task_id=4",
                new BoardRef("4", "Smoke 1795504637"), new ColumnRef("14", "Ready"), "SMOKE-1795504637"), card);
    }

    @Test
    public void rejectedCreateIsAValidationErrorNamingTheProcedure() throws Exception {
        answer("29-error-validation-false");
        ValidationException e = assertThrows(ValidationException.class,
                () -> appClient().cards().create(KanboardNewTask.of("4", "")));
        assertTrue(e.getMessage(), e.getMessage().startsWith("Kanboard createTask (HTTP 200): Kanboard rejected the call"));
    }

    @Test
    public void findByIdAndByReference() throws Exception {
        answer("13-getTask");
        projects();
        answer("10-getColumns");
        answer("15-getTaskByReference");
        KanboardClient client = appClient();
        Card byId = client.findCard(CardRef.parse("#4"), null).orElseThrow();
        assertEquals("Ready", byId.column().name());
        Card byReference = client.findCard(CardRef.parse("SMOKE-1795504637"), new BoardRef("4", "Smoke")).orElseThrow();
        assertEquals("4", byReference.id());
        expectCall("getTask", """
                {"task_id":4}""");
        expectCall("getAllProjects", null);
        expectCall("getColumns", """
                {"project_id":4}""");
        expectCall("getTaskByReference", """
                {"project_id":4,"reference":"SMOKE-1795504637"}""");
    }

    @Test
    public void unknownTaskIsEmptyNotAnError() throws Exception {
        answer("30-error-not-found-null");
        assertEquals(Optional.empty(), appClient().findCard(CardRef.parse("999"), null));
        expectCall("getTask", """
                {"task_id":999}""");
    }

    @Test
    public void referenceWithoutBoardIsRefusedBeforeAnyCall() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> appClient().findCard(CardRef.parse("ref:EXT-1"), null));
        assertEquals("board", e.field());
        assertEquals(0, server.getRequestCount());
    }

    @Test
    public void moveKeepsTheSwimlaneAndGoesToTheBottomByDefault() throws Exception {
        answer("16-moveTaskPosition");
        answer("16-moveTaskPosition");
        KanboardClient client = appClient();
        Card card = new Card(io.jenkins.plugins.projectboards.client.Vendor.KANBOARD, "4", "Smoke task", "u",
                new BoardRef("4", "Smoke"), new ColumnRef("14", "Ready"), null);
        Card moved = client.moveCard(card, new ColumnRef("15", "Work in progress"), Position.BOTTOM);
        client.moveCard(card, new ColumnRef("16", "Done"), Position.TOP);
        expectCall("moveTaskPosition", """
                {"project_id":4,"task_id":4,"column_id":15,"position":2147483647,"swimlane_id":0}""");
        expectCall("moveTaskPosition", """
                {"project_id":4,"task_id":4,"column_id":16,"position":1,"swimlane_id":0}""");
        assertEquals(new ColumnRef("15", "Work in progress"), moved.column());
    }

    @Test
    public void commentWithTheApplicationTokenIsWrittenAsTheCommentUser() throws Exception {
        result("""
                {"id":1,"username":"admin","name":null,"role":"app-admin"}""");
        answer("18-createComment");
        Card card = new Card(io.jenkins.plugins.projectboards.client.Vendor.KANBOARD, "4", "t", "link", new BoardRef("4", "S"), new ColumnRef("14", "Ready"), null);
        CommentRef comment = appClient().comment(card, "Smoke comment");
        expectCall("getUserByName", """
                {"username":"admin"}""");
        expectCall("createComment", """
                {"task_id":4,"user_id":1,"content":"Smoke comment"}""");
        assertEquals(new CommentRef("4", "4", "link"), comment);
    }

    @Test
    public void commentWithUserCredentialsIsWrittenAsThatUser() throws Exception {
        answer("06-getMe-user");
        answer("18-createComment");
        Card card = new Card(io.jenkins.plugins.projectboards.client.Vendor.KANBOARD, "4", "t", "link", new BoardRef("4", "S"), new ColumnRef("14", "Ready"), null);
        userClient("admin", "admin").comment(card, "Smoke comment");
        String basic = "Basic " + Base64.getEncoder().encodeToString("admin:admin".getBytes());
        expectCall(basic, "getMe", null);
        expectCall(basic, "createComment", """
                {"task_id":4,"user_id":1,"content":"Smoke comment"}""");
    }

    @Test
    public void commentWithTokenButNoCommentUserSaysWhatToConfigure() {
        KanboardClient client = new KanboardClient(baseUrl(), KanboardCredentials.applicationToken(TOKEN, null), http, options);
        Card card = new Card(io.jenkins.plugins.projectboards.client.Vendor.KANBOARD, "4", "t", "link", new BoardRef("4", "S"), new ColumnRef("14", "Ready"), null);
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> client.comment(card, "x"));
        assertTrue(e.getMessage(), e.getMessage().contains("set the connection's comment user"));
        assertEquals(0, server.getRequestCount());
    }

    @Test
    public void unknownUserListsTheUsers() throws Exception {
        result("null");
        result("""
                [{"id":1,"username":"admin"},{"id":2,"username":"builder"}]""");
        UnknownNameException e = assertThrows(UnknownNameException.class, () -> appClient().resolveUser("bob"));
        assertEquals("Kanboard getUserByName: unknown user 'bob'; valid users: admin, builder", e.getMessage());
        expectCall("getUserByName", """
                {"username":"bob"}""");
        expectCall("getAllUsers", null);
    }

    @Test
    public void batchAnswersAreMatchedByIdAndFailAlone() throws Exception {
        // Answers arrive out of order; the third call's method does not exist.
        enqueue(Fixture.json(200, """
                [{"jsonrpc":"2.0","error":{"code":-32601,"message":"Method not found"},"id":3},\
                {"jsonrpc":"2.0","result":"1.2.53","id":1},\
                {"jsonrpc":"2.0","result":true,"id":2}]"""));
        List<KanboardAnswer> answers = appClient().batch(List.of(KanboardCall.idempotent("getVersion"),
                KanboardCall.idempotent("closeTask").with("task_id", 4), KanboardCall.idempotent("noSuchMethod")));
        assertEquals("1.2.53", answers.get(0).resultOrThrow().asText());
        assertTrue(answers.get(1).resultOrThrow().asBoolean());
        assertTrue(answers.get(2).failed());
        assertTrue(answers.get(2).error().getMessage(), answers.get(2).error().getMessage().contains("does not know the procedure 'noSuchMethod'"));
        String body = take().getBody().readUtf8();
        assertEquals(io.jenkins.plugins.projectboards.client.http.Json.MAPPER.readTree(
                """
                        [{"jsonrpc":"2.0","method":"getVersion","id":1},\
                        {"jsonrpc":"2.0","method":"closeTask","id":2,"params":{"task_id":4}},\
                        {"jsonrpc":"2.0","method":"noSuchMethod","id":3}]"""),
                io.jenkins.plugins.projectboards.client.http.Json.MAPPER.readTree(body));
    }

    @Test
    public void kanboardCannotSubscribeWebhooksAndSaysWhereToSetThem() {
        NotSupportedException e = assertThrows(NotSupportedException.class,
                () -> appClient().subscribeWebhook(new BoardRef("4", "S"), "https://ci/hook", List.of(), "s"));
        assertTrue(e.getMessage(), e.getMessage().contains("Settings → Integrations → Webhook URL"));
        assertFalse(e.getMessage().contains("s3cret"));
    }
}
